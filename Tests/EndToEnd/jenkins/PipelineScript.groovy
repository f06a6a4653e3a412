/** The base class of every script the stand-in runs, a Jenkinsfile or a library's vars/*.groovy, as Jenkins'
 *  CpsScript is: a call to a method the script does not define is a step or a library step, and a name it does not
 *  define is a global (env, currentBuild, scm, a library step) or an environment variable. */
abstract class PipelineScript extends Script {
    def methodMissing(String name, args) {
        StandIn.current.call(name, args as Object[])
    }

    def propertyMissing(String name) {
        StandIn.current.global(name)
    }
}
