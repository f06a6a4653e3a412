import hudson.AbortException
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException

/** A stand-in for the part of Jenkins that the CI examples and the shared library use, so that they run under plain
 *  Groovy: the steps (sh, withEnv, withCredentials with string and usernamePassword, error, echo, node, checkout),
 *  the globals (env, currentBuild, scm, environment variables by name, library steps), and the Declarative
 *  Pipeline's stages, `when` conditions (expression, branch) and `post` conditions, with Jenkins' rules for results.
 *
 *  Every step call is recorded with its arguments. `sh` runs a `jira-ci` command for real (`sh -xe`, as Jenkins
 *  does, in the workspace, with the build's environment) and records its environment, exit status and output; any
 *  other command has the outcome the test gave it (SUCCESS, FAILURE, UNSTABLE: it passes and marks the build
 *  unstable, as junit does for failed tests, or ABORTED: someone pressed abort). A non-zero exit raises
 *  AbortException, as in Jenkins. A Jira site the build names (JIRA_URL, wherever it is set) is replaced by the fake
 *  Jira the test gives for it ("sites"), so that nothing reaches a real Atlassian host.
 *
 *  What the stand-in does not know (a step, a `when` or `post` condition) stops the run with StandInError, which no
 *  Jenkinsfile can catch, so a test never passes on a pipeline the stand-in only half ran. */
class StandIn {
    static StandIn current

    /** hudson.model.Result, from better to worse. */
    static final List<String> RESULTS = ['SUCCESS', 'UNSTABLE', 'FAILURE', 'NOT_BUILT', 'ABORTED']
    static final List<String> STEPS = ['sh', 'echo', 'error', 'string', 'usernamePassword', 'checkout']
    /** Steps that run a body: what the body throws is the pipeline's, not the stand-in's. */
    static final List<String> BLOCK_STEPS = ['withEnv', 'withCredentials', 'node', 'pipeline']

    final Map<String, String> buildEnv
    final Map credentials
    final Map<String, String> outcomes
    final Map<String, String> sites
    final Map scmVars
    final File workspace
    final List<Map> steps = []
    final Map<String, Script> libraryVars = [:]
    final RunWrapper currentBuild
    final EnvGlobal env = new EnvGlobal(this)
    private final List<Map<String, String>> scopes = []
    private Map lastCall
    Script script

    StandIn(Map config) {
        buildEnv = new LinkedHashMap<String, String>(config.env ?: [:])
        credentials = config.credentials ?: [:]
        outcomes = config.outcomes ?: [:]
        sites = config.sites ?: [:]
        scmVars = config.scmVars ?: [:]
        workspace = new File(config.workspace as String)
        currentBuild = new RunWrapper()
    }

    static String worse(String a, String b) {
        RESULTS.indexOf(a) >= RESULTS.indexOf(b) ? a : b
    }

    /** The result an exception ends a step with, as Jenkins reads it. */
    static String resultOf(Throwable error) {
        error instanceof FlowInterruptedException ? ((FlowInterruptedException) error).result : 'FAILURE'
    }

    // -- globals and dispatch --------------------------------------------------------------------------------------

    Map<String, String> environment() {
        Map<String, String> all = new LinkedHashMap<String, String>(buildEnv)
        scopes.each { all.putAll(it) }
        if (all.JIRA_URL != null && sites.containsKey(all.JIRA_URL)) all.JIRA_URL = sites[all.JIRA_URL]
        all
    }

    Object global(String name) {
        if (name == 'env') return env
        if (name == 'currentBuild') return currentBuild
        if (name == 'scm') return 'scm'
        if (libraryVars.containsKey(name)) return libraryVars[name]
        Map<String, String> all = environment()
        if (all.containsKey(name)) return all[name]
        throw new MissingPropertyException(name, PipelineScript)
    }

    Object call(String name, Object[] args) {
        if (libraryVars.containsKey(name)) {
            steps << [step: name, arguments: strings(args)]
            return libraryVars[name].invokeMethod('call', args)
        }
        if (!(name in STEPS + BLOCK_STEPS)) throw new StandInError("No such DSL method '${name}' in the stand-in")
        lastCall = [step: name, arguments: strings(args)]
        steps << lastCall
        if (name in BLOCK_STEPS) return this.invokeMethod(name, args)
        try {
            return this.invokeMethod(name, args)
        } catch (AbortException | FlowInterruptedException e) {
            throw e
        } catch (Exception e) {
            // Not a step failing as in Jenkins but the stand-in breaking: never let it pass for a failed build.
            throw new StandInError("the stand-in's ${name} failed: ${e}")
        }
    }

    /** Every string among the arguments, however nested, for the record (closures left out). */
    static List<String> strings(Object value) {
        if (value instanceof Closure) return []
        if (value instanceof Map) return value.collectMany { k, v -> [k.toString()] + strings(v) }
        if (value instanceof Collection || value instanceof Object[]) return value.collectMany { strings(it) }
        value == null ? [] : [value.toString()]
    }

    Object scoped(Map<String, String> variables, Closure body) {
        scopes << variables
        try {
            return body.call()
        } finally {
            scopes.remove(scopes.size() - 1)
        }
    }

    /** Runs a closure of the pipeline as Jenkins does: the script is its delegate. */
    Object run(Closure body) {
        body.delegate = script
        body.resolveStrategy = Closure.DELEGATE_FIRST
        body.call()
    }

    // -- steps ------------------------------------------------------------------------------------------------------

    void sh(String command) {
        shell(command)
    }

    void sh(Map options) {
        shell(options.script as String)
    }

    private void shell(String command) {
        Map record = lastCall
        record.script = command
        record.env = environment()
        int status
        String outcome = outcomes[command]
        if (outcome == 'ABORTED') {
            record.exit = 'aborted'
            throw new FlowInterruptedException('ABORTED')
        } else if (outcome != null) {
            status = outcome == 'FAILURE' ? 1 : 0
            if (outcome == 'UNSTABLE') currentBuild.result = 'UNSTABLE'
        } else if (command.startsWith('jira-ci ')) {
            ProcessBuilder builder = new ProcessBuilder('sh', '-xe', '-c', command).directory(workspace)
            builder.redirectErrorStream(true)
            builder.environment().putAll(record.env as Map<String, String>)
            Process process = builder.start()
            process.outputStream.close()
            record.output = process.inputStream.getText('UTF-8')
            status = process.waitFor()
        } else {
            throw new StandInError("the test gave no outcome for sh '${command}'")
        }
        record.exit = status
        if (status != 0) throw new AbortException("script returned exit code ${status}")
    }

    void echo(String message) {}

    void error(String message) {
        throw new AbortException(message)
    }

    Object withEnv(List entries, Closure body) {
        Map<String, String> variables = [:]
        entries.each { String entry ->
            int equals = entry.indexOf('=')
            variables[entry.substring(0, equals)] = entry.substring(equals + 1)
        }
        scoped(variables, body)
    }

    Map string(Map binding) {
        [kind: 'Secret text', credentialsId: binding.credentialsId, variables: [secret: binding.variable]]
    }

    Map usernamePassword(Map binding) {
        [kind: 'Username with password', credentialsId: binding.credentialsId,
         variables: [username: binding.usernameVariable, password: binding.passwordVariable]]
    }

    Object withCredentials(List bindings, Closure body) {
        Map<String, String> variables = [:]
        bindings.each { Map binding ->
            Map stored = credentials[binding.credentialsId]
            String id = binding.credentialsId
            if (stored == null) throw new AbortException("Could not find credentials entry with ID '${id}'")
            if (stored.kind != binding.kind) {
                throw new AbortException("Credentials '${id}' is of type '${stored.kind}' where '${binding.kind}' " +
                                         'was expected')
            }
            binding.variables.each { field, variable -> variables[variable as String] = stored[field] as String }
        }
        scoped(variables, body)
    }

    Object node(Closure body) {
        body.call()
    }

    Map checkout(Object scm) {
        new LinkedHashMap(scmVars)
    }

    // -- Declarative Pipeline, as pipeline-model-definition's ModelInterpreter runs it -------------------------------

    void pipeline(Closure body) {
        PipelineModel model = new PipelineModel()
        build(body, model)
        EnvironmentModel environment = new EnvironmentModel()
        if (model.environment) build(model.environment, environment)
        Throwable firstError = null
        scoped(environment.values) {
            model.stages.each { StageModel stage -> firstError = runStage(stage, firstError) }
            firstError = runPost(model.post, firstError)
        }
        if (firstError != null) throw firstError
    }

    static void build(Closure body, Object model) {
        body.delegate = model
        body.resolveStrategy = Closure.DELEGATE_FIRST
        body.call()
    }

    /** A stage after a failed one is skipped, as is one whose `when` does not hold; neither runs its post. */
    private Throwable runStage(StageModel stage, Throwable firstError) {
        Map record = [step: 'stage', arguments: [stage.name]]
        steps << record
        if (firstError != null) {
            record.skipped = 'an earlier stage failed'
            return firstError
        }
        if (stage.when != null && !stage.when.holds(this)) {
            record.skipped = 'when'
            return null
        }
        Throwable error = null
        try {
            run(stage.steps)
        } catch (Exception e) {
            error = e
        }
        runPost(stage.post, error)
    }

    /** Runs each post condition that holds, in Jenkins' order; while one runs, the build's result is the result
     *  combined with the error (so currentBuild.currentResult reads FAILURE in a failed stage's post). */
    private Throwable runPost(PostModel post, Throwable error) {
        PostModel.ORDER.each { String condition ->
            Closure body = post.conditions[condition]
            if (body == null) return
            String original = currentBuild.result
            String combined = worse(currentBuild.currentResult, error == null ? 'SUCCESS' : resultOf(error))
            if (!PostModel.holds(condition, combined)) return
            steps << [step: 'post', arguments: [condition]]
            currentBuild.force(combined)
            try {
                run(body)
            } catch (Exception e) {
                if (error == null) error = e
            } finally {
                if (currentBuild.currentResult == combined && combined != original) currentBuild.force(original)
            }
        }
        error
    }
}

/** `currentBuild`: a result set by the pipeline can only get worse, as Run.setResult allows. */
class RunWrapper {
    private String result

    String getResult() { result }

    void setResult(String value) {
        result = result == null ? value : StandIn.worse(result, value)
    }

    void force(String value) { result = value }

    String getCurrentResult() { result ?: 'SUCCESS' }
}

/** `env`: reads the environment a step would see (null when unset). */
class EnvGlobal {
    private final StandIn jenkins

    EnvGlobal(StandIn jenkins) { this.jenkins = jenkins }

    def propertyMissing(String name) { jenkins.environment()[name] }

}

class PipelineModel {
    Closure environment
    List<StageModel> stages = []
    PostModel post = new PostModel()

    void agent(Object kind) {}

    void environment(Closure body) { environment = body }

    void stages(Closure body) { StandIn.build(body, new StagesModel(stages)) }

    void post(Closure body) { StandIn.build(body, post) }

    def propertyMissing(String name) {
        if (name in ['any', 'none']) return name
        throw new MissingPropertyException(name, PipelineModel)
    }
}

class StagesModel {
    final List<StageModel> stages

    StagesModel(List<StageModel> stages) { this.stages = stages }

    void stage(String name, Closure body) {
        StageModel stage = new StageModel(name: name)
        StandIn.build(body, stage)
        stages << stage
    }
}

class StageModel {
    String name
    WhenModel when
    Closure steps
    PostModel post = new PostModel()

    void when(Closure body) {
        when = new WhenModel()
        StandIn.build(body, when)
    }

    void steps(Closure body) { steps = body }

    void post(Closure body) { StandIn.build(body, post) }
}

class EnvironmentModel {
    Map<String, String> values = [:]

    def propertyMissing(String name, value) { values[name] = value.toString() }
}

/** A stage's `when`: every condition must hold. A condition the stand-in lacks reaches the script and stops the run. */
class WhenModel {
    List<Closure> conditions = []

    boolean holds(StandIn jenkins) {
        conditions.every { it.call(jenkins) }
    }

    void expression(Closure body) {
        conditions << { StandIn jenkins -> jenkins.run(body) as boolean }
    }

    /** Matches BRANCH_NAME only, which multibranch jobs alone set (BranchConditionalScript). */
    void branch(String pattern) {
        conditions << { StandIn jenkins ->
            String name = jenkins.environment()['BRANCH_NAME']
            name != null && name ==~ glob(pattern)
        }
    }

    /** Ant's glob, as the branch condition's default comparator: `*` within a path segment, `**` across. */
    static String glob(String pattern) {
        (pattern =~ /\*\*|\*|\?|[^*?]+/).collect { String part ->
            part == '**' ? '.*' : part == '*' ? '[^/]*' : part == '?' ? '[^/]' : java.util.regex.Pattern.quote(part)
        }.join('')
    }
}

/** `post` at the pipeline or a stage: which conditions run for a result (BuildCondition and its subclasses). */
class PostModel {
    static final List<String> ORDER = ['always', 'aborted', 'failure', 'success', 'unstable', 'unsuccessful', 'cleanup']
    Map<String, Closure> conditions = [:]

    static boolean holds(String condition, String result) {
        switch (condition) {
            case 'always': case 'cleanup': return true
            case 'unsuccessful': return result != 'SUCCESS'
            default: return result == condition.toUpperCase()
        }
    }

    def methodMissing(String name, args) {
        if (!(name in ORDER)) throw new StandInError("the stand-in cannot judge the post condition '${name}'")
        conditions[name] = args[0] as Closure
    }
}
