#!/usr/bin/env bash
# Builds the static release binary and measures jira-ci's speed, memory and size targets.
# The synthetic 100,000-commit repository is kept in bench/.work between runs (about 1 minute to create).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-test-helpers
swift build -c release --static-swift-stdlib >&2
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)"
cd bench
../.venv/bin/python bench.py "$bin/jira-ci" "$bin/Microbench" .work report
