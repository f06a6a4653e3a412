#!/bin/sh
# ci-examples/teamcity/jira-step.sh STATE COMMAND [OPTION...]: one Jira report of a TeamCity build step (see
# README.md beside it for the steps and their "Execute step" policies).
#
#   STATE  in_progress   the first step: forgets what an earlier build on this checkout reported
#          successful    a step run "Only if build status is successful"
#          failed        a step run "Only if build status is failed"
#          stopped       the last step, run "Always, even if build stop command was issued": reports cancelled
#                        unless the build's result was reported (a stopped build skips the two steps above)
#   COMMAND  build, or deploy with its options (--environment production --since-tag 'v*')
#
# Jira never fails the build: --soft-fail makes Jira's failures warnings, and this step ends with 0 even when
# jira-ci stops at its configuration (exit 2: missing credentials, a --since-tag pattern no tag matches).
set -u
state=$1
shift
reported=.jira-ci-reported
case $state in
    in_progress) rm -f "$reported" ;;
    stopped)
        [ ! -e "$reported" ] || exit 0
        state=cancelled
        ;;
esac
jira-ci "$@" --state "$state" --soft-fail
case $state in
    successful | failed) : >"$reported" ;;
esac
exit 0
