#!/usr/bin/env bash
# Runs every test: unit tests of the library (swift test) and end-to-end tests of the built binary against
# real git repositories and fake Jira servers on loopback (pytest, from the project's .venv that setup.sh makes).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-test-helpers

swift build
swift test
JIRA_CI_BIN="$(swift build --show-bin-path)/jira-ci" .venv/bin/python -m pytest -q -p no:cacheprovider Tests/EndToEnd
