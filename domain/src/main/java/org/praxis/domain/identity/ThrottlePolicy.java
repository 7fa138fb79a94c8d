package org.praxis.domain.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Growing delays after failed sign-ins: the first {@code freeFailures} cost nothing, then each further
 * failure doubles the wait, from {@code firstDelay} up to {@code maxDelay}. Failures older than
 * {@code forgetAfter} (counted from the last one) are forgotten.
 */
public record ThrottlePolicy(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {

    /** Per account (the login typed): 5 free tries, then 1 s, 2 s, 4 s ... up to 15 minutes. */
    public static final ThrottlePolicy PER_ACCOUNT =
            new ThrottlePolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));

    /** Per client address: more room (a shared office or NAT), the same growth. */
    public static final ThrottlePolicy PER_ADDRESS =
            new ThrottlePolicy(20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));

    public ThrottlePolicy {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(forgetAfter, "forgetAfter");
        if (freeFailures < 0 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || forgetAfter.isNegative()) {
            throw new IllegalArgumentException("throttle settings must be non-negative and maxDelay >= firstDelay");
        }
    }

    /** How long sign-in stays locked after the {@code failures}-th failure in a row. */
    public Duration delayAfter(int failures) {
        if (failures <= freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures - 1, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** The state after one more failure: the count (restarted when the last failure is forgotten) and the lock. */
    public Failures afterFailure(int previousFailures, Instant lastFailure, Instant now) {
        Objects.requireNonNull(now, "now");
        boolean forgotten = lastFailure == null || !now.isBefore(lastFailure.plus(forgetAfter));
        int failures = (forgotten ? 0 : previousFailures) + 1;
        return new Failures(failures, now, now.plus(delayAfter(failures)));
    }

    /** A counter after a failure: locked until {@code lockedUntil} (equal to {@code lastFailure} when not locked). */
    public record Failures(int count, Instant lastFailure, Instant lockedUntil) {
        public Failures {
            Objects.requireNonNull(lastFailure, "lastFailure");
            Objects.requireNonNull(lockedUntil, "lockedUntil");
        }
    }
}
