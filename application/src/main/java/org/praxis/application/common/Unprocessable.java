package org.praxis.application.common;

/** A well-formed request the service understands but refuses, e.g. an Idempotency-Key reused with another body. */
public final class Unprocessable extends RuntimeException {
    private final String reason;

    public Unprocessable(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    /** A stable, machine-readable reason, e.g. "idempotency-key-reused". */
    public String reason() {
        return reason;
    }
}
