package org.praxis.domain.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeBonusPolicyTest {

    private final TimeBonusPolicy policy = TimeBonusPolicy.DEFAULT;

    private int bonus(long seconds) {
        return policy.bonus(50, 300, Optional.of(Duration.ofSeconds(seconds)));
    }

    @Test
    void fullBonusAtOrUnderTheEstimate() {
        assertEquals(50, bonus(0));
        assertEquals(50, bonus(299));
        assertEquals(50, bonus(300));
    }

    @Test
    void bonusFallsLinearlyAndRoundsDown() {
        // 50 * (900 - 301) / 600 = 49.916 -> 49
        assertEquals(49, bonus(301));
        // twice the estimate: half way down the line
        assertEquals(25, bonus(600));
        // 50 * (900 - 899) / 600 = 0.083 -> 0
        assertEquals(0, bonus(899));
    }

    @Test
    void noBonusFromThreeTimesTheEstimate() {
        assertEquals(0, bonus(900));
        assertEquals(0, bonus(1_000_000));
    }

    @Test
    void unknownTimeEarnsNoBonus() {
        assertEquals(0, policy.bonus(50, 300, Optional.empty()));
    }

    @Test
    void fractionsOfASecondDoNotCount() {
        assertEquals(50, policy.bonus(50, 300, Optional.of(Duration.ofMillis(300_999))));
    }

    @Test
    void zeroEstimateGivesTheBonusOnlyForAnInstantAnswer() {
        assertEquals(50, policy.bonus(50, 0, Optional.of(Duration.ZERO)));
        assertEquals(0, policy.bonus(50, 0, Optional.of(Duration.ofSeconds(1))));
    }

    @Test
    void aCustomCurveReachesZeroWhereItSays() {
        var twice = new TimeBonusPolicy(200);
        assertEquals(50, twice.bonus(50, 100, Optional.of(Duration.ofSeconds(100))));
        assertEquals(25, twice.bonus(50, 100, Optional.of(Duration.ofSeconds(150))));
        assertEquals(0, twice.bonus(50, 100, Optional.of(Duration.ofSeconds(200))));
    }

    @Test
    void theCurveMustEndAfterTheEstimate() {
        assertThrows(IllegalArgumentException.class, () -> new TimeBonusPolicy(100));
        assertThrows(IllegalArgumentException.class, () -> new TimeBonusPolicy(10_001));
    }
}
