import jiraci.JiraCli

// jiraBuild(state: currentBuild.currentResult, ...): reports this build to the issues its commits name. Never fails
// the build for Jira's sake (--soft-fail). Parameters: vars/jiraBuild.txt.
def call(Map args = [:]) {
    JiraCli.run(this, 'jiraBuild', 'jira-ci build --soft-fail', args,
                JiraCli.KEYS + JiraCli.BUILD + JiraCli.SHOWN +
                        [state: 'JIRA_CI_STATE', junit: 'JIRA_CI_JUNIT', tests: 'JIRA_CI_TESTS'],
                ['state'])
}
