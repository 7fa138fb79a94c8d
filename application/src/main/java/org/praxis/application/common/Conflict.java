package org.praxis.application.common;

/** The request is well formed but clashes with the current state (a taken user name, a replayed key with another body). */
public final class Conflict extends RuntimeException {
    private final String reason;

    public Conflict(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    /** A stable, machine-readable reason, e.g. "username-taken". */
    public String reason() {
        return reason;
    }
}
