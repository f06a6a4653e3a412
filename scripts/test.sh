#!/usr/bin/env bash
# Runs every test: unit tests of the library (swift test) and end-to-end tests of the built binary against
# real git repositories and fake Jira servers on loopback (pytest).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-test-helpers

swift build
swift test
JIRA_CI_BIN="$(swift build --show-bin-path)/jira-ci" python3 -m pytest -q -p no:cacheprovider Tests/EndToEnd
