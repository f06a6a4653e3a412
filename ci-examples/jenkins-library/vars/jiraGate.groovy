import jiraci.JiraCli

// jiraGate(environment: 'production', wait: '30m'): waits for Jira Service Management's decision on the deployment
// jiraDeploy(gate: true, ...) asked about. Fails closed: anything but "allowed" fails the step (no --soft-fail).
// Parameters: vars/jiraGate.txt.
def call(Map args = [:]) {
    JiraCli.run(this, 'jiraGate', 'jira-ci gate', args,
                JiraCli.BUILD +
                        [environment: 'JIRA_CI_ENVIRONMENT', wait: 'JIRA_CI_GATE_WAIT', poll: 'JIRA_CI_GATE_POLL',
                         deploymentNumber: 'JIRA_CI_DEPLOYMENT_NUMBER'],
                ['environment'])
}
