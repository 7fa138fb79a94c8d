package org.praxis.application.common;

/** The action needs a signed-in caller and there is none (or the credentials are not valid). */
public final class Unauthenticated extends RuntimeException {
    public Unauthenticated(String detail) {
        super(detail);
    }
}
