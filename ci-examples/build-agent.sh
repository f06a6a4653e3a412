#!/bin/sh
# ci-examples/build-agent.sh: wraps the build command of any CI, or of a bare build agent. It reports the build
# in_progress, runs the command, reports how it ended (successful, failed, or cancelled when the agent stops it
# with SIGTERM, SIGINT or SIGHUP) and exits as the build did.
#
#   build-agent.sh make test
#
# Put it in the repository or on the agent and call it from the CI's build step. The environment holds JIRA_URL
# with JIRA_CLIENT_ID and JIRA_CLIENT_SECRET (Jira Cloud), or JIRA_PAT (Jira Server). Under a CI jira-ci detects
# (README, "CI detection") jira-ci reads the build number, URL, commit and branch itself; elsewhere BUILD_NUMBER
# (a whole number) and BUILD_URL name the build when they are set. jira-ci is on PATH (the release's .deb:
# `apt-get install ./jira-ci_*.deb`, or its tarball).
#
# Jira never fails the build: --soft-fail makes Jira's failures warnings, and the build's exit code is what this
# script exits with even when jira-ci stops at its configuration (exit 2). A stopped build exits 128 + the signal's
# number (143 for SIGTERM), as the stopped command would.
set -u

if [ "$#" -eq 0 ]; then
    echo "usage: build-agent.sh COMMAND [ARGUMENT...]" >&2
    exit 2
fi

# An empty variable counts as unset; a build number that is not a whole number would be a configuration error, so
# jira-ci derives one instead.
case ${BUILD_NUMBER:-} in
    '') ;;
    *[!0-9]*) echo "build-agent.sh: BUILD_NUMBER '$BUILD_NUMBER' is not a whole number; jira-ci derives one" >&2 ;;
    *) export JIRA_CI_BUILD_NUMBER="${JIRA_CI_BUILD_NUMBER:-$BUILD_NUMBER}" ;;
esac
export JIRA_CI_BUILD_URL="${JIRA_CI_BUILD_URL:-${BUILD_URL:-}}"

report() {
    jira-ci build --state "$1" --soft-fail
}

signal=
build=
# shellcheck disable=SC2317 # called by the traps below
stop() {
    signal=$1
    # A command started in the background by a non-interactive shell ignores SIGINT (POSIX), so the build is
    # always sent SIGTERM.
    [ -z "$build" ] || kill -s TERM "$build" 2>/dev/null
}
trap 'stop 15' TERM
trap 'stop 2' INT
trap 'stop 1' HUP

report in_progress

# The build runs in the background so that a signal reaches this shell at once (a trap waits for a foreground
# command to end). Such a command's stdin would be /dev/null: it gets this script's stdin through fd 3.
exec 3<&0
"$@" <&3 3<&- &
build=$!
exec 3<&-
[ -z "$signal" ] || kill -s TERM "$build" 2>/dev/null

wait "$build"
status=$?
if [ -n "$signal" ]; then
    report cancelled
    wait "$build"
    exit $((128 + signal))
fi
if [ "$status" -eq 0 ]; then
    report successful
else
    report failed
fi
exit "$status"
