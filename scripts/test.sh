#!/usr/bin/env bash
# Runs every test: unit tests of the library (swift test) and end-to-end tests of the built binary against
# real git repositories and fake Jira servers on loopback (pytest, from the project's .venv that setup.sh makes).
#
# One optimized build serves both (-enable-testing lets the unit tests see internals): the end-to-end tests run
# the binary users run, and a debug build's argument parser checks its own declarations on every start, which
# costs about a second a run over the suite's thousand runs. It has its own scratch folder, so switching between
# the tests and the release build of dry-run.sh, make or bench/run.sh rebuilds neither.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-test-helpers

# The committed format (.swift-format, 120 columns), checked first: it takes seconds. `make format` applies it.
echo "swift format lint --strict (Sources, Tests, Package.swift, bench/Microbench)"
swift format lint --strict --recursive --parallel Sources Tests Package.swift bench/Microbench

build=(-c release -Xswiftc -enable-testing --scratch-path .build/tests)
swift build "${build[@]}" --build-tests
swift test "${build[@]}" --skip-build
JIRA_CI_BIN="$(swift build "${build[@]}" --show-bin-path)/jira-ci" .venv/bin/python -m pytest -q -p no:cacheprovider -o faulthandler_timeout=300 Tests/EndToEnd
