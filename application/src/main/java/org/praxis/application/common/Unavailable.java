package org.praxis.application.common;

/** A dependency the use case needs (the database) does not answer right now; retrying later may work. */
public final class Unavailable extends RuntimeException {
    public Unavailable(String detail, Throwable cause) {
        super(detail, cause);
    }
}
