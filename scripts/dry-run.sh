#!/usr/bin/env bash
# Builds jira-ci and previews the build report this repository's HEAD would send: no credentials, no network.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --static-swift-stdlib >&2
"$(swift build -c release --static-swift-stdlib --show-bin-path)/jira-ci" build --dry-run --state "${1:-successful}" --issue JCI-1 --repo .
