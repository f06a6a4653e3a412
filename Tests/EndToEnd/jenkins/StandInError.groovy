/** What no Jenkinsfile may catch: the stand-in does not know what the pipeline asked for. */
class StandInError extends Error {
    StandInError(String message) { super(message) }
}
