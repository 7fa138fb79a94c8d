package org.praxis.domain.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PointsPolicyTest {

    private final PointsPolicy policy = PointsPolicy.DEFAULT;
    private final ProblemScoring problem = new ProblemScoring(100, 50, 300);

    @Test
    void fastCorrectAnswerEarnsBasePlusFullBonus() {
        assertEquals(new PointsBreakdown(100, 50, 0, 150), policy.points(true, problem, Optional.of(Duration.ofSeconds(120)), 0));
    }

    @Test
    void slowCorrectAnswerEarnsBasePlusShrunkBonusMinusHints() {
        // 600 s: bonus 25; two hints of 10 and 5
        assertEquals(new PointsBreakdown(100, 25, 15, 110), policy.points(true, problem, Optional.of(Duration.ofSeconds(600)), 15));
    }

    @Test
    void wrongAnswersScoreNothing() {
        assertEquals(PointsBreakdown.NOTHING, policy.points(false, problem, Optional.of(Duration.ofSeconds(1)), 0));
    }

    @Test
    void hintPenaltyNeverTakesPointsBelowZero() {
        assertEquals(new PointsBreakdown(100, 50, 500, 0), policy.points(true, problem, Optional.of(Duration.ZERO), 500));
    }

    @Test
    void withoutASessionOnlyTheBaseCounts() {
        assertEquals(new PointsBreakdown(100, 0, 0, 100), policy.points(true, problem, Optional.empty(), 0));
    }

    @Test
    void seedDefaultsAreHundredAndFifty() {
        assertEquals(150, ProblemScoring.SEED_DEFAULT.maximum());
    }

    @Test
    void negativePenaltiesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> policy.points(true, problem, Optional.empty(), -1));
    }
}
