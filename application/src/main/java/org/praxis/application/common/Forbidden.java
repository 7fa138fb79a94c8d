package org.praxis.application.common;

/**
 * The caller is known but lacks the role for an action on something they are allowed to know exists
 * (e.g. a learner trying to publish). Reads of another learner's data are {@link NotFound} instead.
 */
public final class Forbidden extends RuntimeException {
    public Forbidden(String detail) {
        super(detail);
    }
}
