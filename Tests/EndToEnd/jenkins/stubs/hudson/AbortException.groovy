package hudson

/** What Jenkins' `sh` throws for a non-zero exit and `error` throws with its message. */
class AbortException extends IOException {
    AbortException(String message) { super(message) }
}
