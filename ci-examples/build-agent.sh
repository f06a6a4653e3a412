#!/bin/sh
# ci-examples/build-agent.sh — a wrapper for any CI or a plain build agent: reports in_progress, runs the build
# command given as arguments, then reports its result, and exits with the build's own exit code.
#   JIRA_URL, JIRA_CLIENT_ID and JIRA_CLIENT_SECRET (Cloud) or JIRA_PAT (Server) must be set; BUILD_NUMBER and
#   BUILD_URL name the build when the CI is not one jira-ci detects.
# Usage: build-agent.sh make test
set -u
jira-ci build --state in_progress --build-number "$BUILD_NUMBER" --build-url "$BUILD_URL" --soft-fail
"$@"
status=$?
if [ "$status" -eq 0 ]; then state=successful; else state=failed; fi
jira-ci build --state "$state" --build-number "$BUILD_NUMBER" --build-url "$BUILD_URL" --soft-fail
exit "$status"
