package jiraci

import com.cloudbees.groovy.cps.NonCPS

/**
 * What the steps jiraBuild, jiraDeploy, jiraGate and jiraDevinfo share: checking their parameters, handing them to
 * jira-ci as its JIRA_CI_* variables through withEnv (no value ever becomes part of the shell command, so a label
 * or a branch name with quotes or `$(...)` in it stays text), binding the Jira credentials for that one `sh` only,
 * and running the step's fixed command line.
 */
class JiraCli implements Serializable {
    /** A "Username with password" credential: the Jira Cloud OAuth client ID as user name, its secret as password. */
    static final String DEFAULT_CREDENTIALS_ID = 'jira-oauth'

    /** The parameters of every step, by the variable jira-ci reads each from. */
    static final Map<String, String> COMMON = [jiraUrl: 'JIRA_URL', verbose: 'JIRA_CI_VERBOSE']
    /** Where the issue keys come from (jiraBuild, jiraDeploy, jiraDevinfo). */
    static final Map<String, String> KEYS = [since: 'JIRA_CI_SINCE', sinceTag: 'JIRA_CI_SINCE_TAG',
                                             issue: 'JIRA_CI_ISSUES', project: 'JIRA_CI_PROJECTS',
                                             requireKeys: 'JIRA_CI_REQUIRE_KEYS']
    /** Which pipeline and build a report belongs to (jiraBuild, jiraDeploy, jiraGate). */
    static final Map<String, String> BUILD = [buildNumber: 'JIRA_CI_BUILD_NUMBER',
                                              pipelineName: 'JIRA_CI_PIPELINE_NAME']
    /** What Jira shows with a build or a deployment. */
    static final Map<String, String> SHOWN = [label: 'JIRA_CI_LABEL', description: 'JIRA_CI_DESCRIPTION']
    /** What `checkout scm` returns and jira-ci reads from the environment, where a scripted pipeline may lack it. */
    static final List<String> SCM_VARIABLES = ['GIT_COMMIT', 'GIT_PREVIOUS_SUCCESSFUL_COMMIT', 'GIT_BRANCH']
    /** The parameters every step takes that are not jira-ci variables. */
    static final List<String> OWN = ['credentialsId', 'patCredentialsId', 'scmVars']

    /**
     * Runs `commandLine` for the step `step` (its name, for messages) with `args` as the user gave them:
     * `parameters` maps the step's own parameter names to jira-ci variables, `required` names those it cannot do
     * without. A null value counts as not given.
     */
    static void run(script, String step, String commandLine, Map args, Map<String, String> parameters,
                    List<String> required) {
        Map<String, String> variables = COMMON + parameters
        String problem = problem(step, args, variables, required)
        if (problem) {
            script.error(problem)
        }
        List bindings = args.patCredentialsId ?
                [script.string(credentialsId: args.patCredentialsId, variable: 'JIRA_PAT')] :
                [script.usernamePassword(credentialsId: args.credentialsId ?: DEFAULT_CREDENTIALS_ID,
                                         usernameVariable: 'JIRA_CLIENT_ID', passwordVariable: 'JIRA_CLIENT_SECRET')]
        script.withCredentials(bindings) {
            script.withEnv(environment(args, variables)) {
                script.sh(label: step, script: commandLine)
            }
        }
    }

    /** What is wrong with the parameters, in one sentence; null when nothing is. */
    @NonCPS
    static String problem(String step, Map args, Map<String, String> variables, List<String> required) {
        List<String> known = (variables.keySet() as List<String>) + OWN
        List<String> unknown = args.keySet().findAll { !(it in known) }.collect { it.toString() }
        if (unknown) {
            return "${step}: unknown parameter ${unknown.join(', ')}; it takes ${known.join(', ')}"
        }
        List<String> missing = required.findAll { args[it] == null }
        if (missing) {
            return "${step}: ${missing.join(' and ')} ${missing.size() == 1 ? 'is' : 'are'} required"
        }
        if (args.credentialsId && args.patCredentialsId) {
            return "${step}: credentialsId (Jira Cloud) and patCredentialsId (Jira Server) exclude each other"
        }
        if (args.scmVars != null && !(args.scmVars instanceof Map)) {
            return "${step}: scmVars is what `checkout scm` returns, a map"
        }
        null
    }

    /** The withEnv entries (plain Strings, as steps want them): each parameter given as its variable, lists
     *  comma-separated, then what checkout returned. */
    @NonCPS
    static List<String> environment(Map args, Map<String, String> variables) {
        List<String> entries = variables.findAll { name, variable -> args[name] != null }.collect { name, variable ->
            def value = args[name]
            "${variable}=${value instanceof Collection ? value.join(',') : value}".toString()
        }
        Map scmVars = args.scmVars ?: [:]
        entries + SCM_VARIABLES.findAll { scmVars[it] }.collect { "${it}=${scmVars[it]}".toString() }
    }
}
