package org.praxis.application.common;

import java.time.Duration;
import java.util.Objects;

/** Too many failed attempts recently (sign-in throttling): refused without looking further; retry after the delay. */
public final class TooManyAttempts extends RuntimeException {
    private final Duration retryAfter;

    public TooManyAttempts(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = Objects.requireNonNull(retryAfter);
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds to wait, rounded up, at least 1 (the Retry-After header). */
    public long retryAfterSeconds() {
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
