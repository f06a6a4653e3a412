import jiraci.JiraCli

// jiraDeploy(environment: 'production', state: 'successful', ...): reports a deployment of this build. Never fails
// the build for Jira's sake (--soft-fail). Parameters: vars/jiraDeploy.txt.
def call(Map args = [:]) {
    JiraCli.run(this, 'jiraDeploy', 'jira-ci deploy --soft-fail', args,
                JiraCli.KEYS + JiraCli.BUILD + JiraCli.SHOWN +
                        [environment: 'JIRA_CI_ENVIRONMENT', state: 'JIRA_CI_STATE',
                         environmentType: 'JIRA_CI_ENVIRONMENT_TYPE', environmentUrl: 'JIRA_CI_ENVIRONMENT_URL',
                         deploymentNumber: 'JIRA_CI_DEPLOYMENT_NUMBER', service: 'JIRA_CI_SERVICES',
                         gate: 'JIRA_CI_GATE'],
                ['environment', 'state'])
}
