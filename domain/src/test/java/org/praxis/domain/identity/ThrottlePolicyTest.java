package org.praxis.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ThrottlePolicyTest {
    private final ThrottlePolicy policy = new ThrottlePolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));
    private final Instant now = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void theFirstFailuresAreFreeThenTheDelayDoubles() {
        assertEquals(Duration.ZERO, policy.delayAfter(3));
        assertEquals(Duration.ofSeconds(1), policy.delayAfter(4));
        assertEquals(Duration.ofSeconds(2), policy.delayAfter(5));
        assertEquals(Duration.ofSeconds(4), policy.delayAfter(6));
        assertEquals(Duration.ofMinutes(15), policy.delayAfter(1000));
    }

    @Test
    void failuresAreForgottenAfterAQuietHour() {
        var next = policy.afterFailure(9, now.minus(Duration.ofHours(1)), now);
        assertEquals(1, next.count());
        assertEquals(now, next.lockedUntil());
        var counted = policy.afterFailure(9, now.minus(Duration.ofMinutes(59)), now);
        assertEquals(10, counted.count());
        assertEquals(now.plusSeconds(64), counted.lockedUntil());
    }

    @Property
    void delaysNeverShrinkAsFailuresGrow(@ForAll @IntRange(min = 0, max = 10_000) int failures) {
        assertTrue(policy.delayAfter(failures + 1).compareTo(policy.delayAfter(failures)) >= 0);
        assertTrue(policy.delayAfter(failures).compareTo(policy.maxDelay()) <= 0);
    }
}
