package org.praxis.domain.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BestAwardPolicyTest {

    @Test
    void firstSolutionAwardsItsPoints() {
        assertEquals(new BestAwardPolicy.Award(120, 120), BestAwardPolicy.award(0, 120));
    }

    @Test
    void secondCorrectSubmissionAddsNothing() {
        assertEquals(new BestAwardPolicy.Award(0, 120), BestAwardPolicy.award(120, 120));
    }

    @Test
    void improvingAddsOnlyTheDifference() {
        assertEquals(new BestAwardPolicy.Award(30, 150), BestAwardPolicy.award(120, 150));
    }

    @Test
    void aWorseResultAddsNothingAndKeepsTheBest() {
        assertEquals(new BestAwardPolicy.Award(0, 150), BestAwardPolicy.award(150, 90));
    }
}
