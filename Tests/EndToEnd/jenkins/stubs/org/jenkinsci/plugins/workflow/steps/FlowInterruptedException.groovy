package org.jenkinsci.plugins.workflow.steps

/** What a step throws when the build is aborted (or times out): the result it ends the build with. The real one
 *  carries a hudson.model.Result; the stand-in keeps its name. */
class FlowInterruptedException extends InterruptedException {
    final String result

    FlowInterruptedException(String result) {
        super("build interrupted: ${result}".toString())
        this.result = result
    }
}
