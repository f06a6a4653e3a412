import jiraci.JiraCli

// jiraDevinfo(): sends the commits of this build and its branch to the development panel of the issues they name.
// Never fails the build for Jira's sake (--soft-fail). Parameters: vars/jiraDevinfo.txt.
def call(Map args = [:]) {
    JiraCli.run(this, 'jiraDevinfo', 'jira-ci devinfo --soft-fail', args,
                JiraCli.KEYS + [preventTransitions: 'JIRA_CI_PREVENT_TRANSITIONS'],
                [])
}
