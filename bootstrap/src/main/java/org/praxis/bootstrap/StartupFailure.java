package org.praxis.bootstrap;

/** A failure the operator can fix, reported as one line without a stack trace. */
public final class StartupFailure extends RuntimeException {
    public StartupFailure(String message) {
        super(message);
    }

    public StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
