// groovy -cp Tests/EndToEnd/jenkins:Tests/EndToEnd/jenkins/stubs run.groovy CONFIG.json
//
// Runs a Jenkinsfile (CONFIG's "pipeline": a path, or "script": its text) under the stand-in for Jenkins, with a
// shared library's vars/ and src/ loaded when CONFIG names one ("library"), and writes what happened to CONFIG's
// "record" path: every step with its arguments, the sh commands with their environment, exit status and output,
// the build's result and the error it ended with. Exit status 0 whatever the build's result; 3 when the stand-in
// could not run the pipeline (a step or condition it does not know).
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

Map config = new JsonSlurper().parse(new File(args[0])) as Map
StandIn jenkins = new StandIn(config)
StandIn.current = jenkins
GroovyShell shell = PipelineCompiler.shell(this.class.classLoader)
if (config.library) {
    shell.classLoader.addClasspath(new File(config.library as String, 'src').path)
    new File(config.library as String, 'vars').listFiles().findAll { it.name.endsWith('.groovy') }.each { File file ->
        jenkins.libraryVars[file.name - '.groovy'] = shell.parse(file.getText('UTF-8'), file.name - '.groovy')
    }
}
String text = config.script ?: new File(config.pipeline as String).getText('UTF-8')
jenkins.script = shell.parse(text, 'WorkflowScript')

String error = null
int status = 0
try {
    jenkins.script.run()
} catch (StandInError e) {
    error = e.message
    status = 3
} catch (Throwable e) {
    // What escapes the script ends the build, with the result the error carries.
    jenkins.currentBuild.force(StandIn.worse(jenkins.currentBuild.currentResult, StandIn.resultOf(e)))
    error = "${e.class.name}: ${e.message}".toString()
}
Map record = [steps: jenkins.steps, result: jenkins.currentBuild.currentResult, error: error]
new File(config.record as String).setText(JsonOutput.toJson(record), 'UTF-8')
System.exit(status)
