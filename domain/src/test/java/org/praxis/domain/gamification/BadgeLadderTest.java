package org.praxis.domain.gamification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BadgeLadderTest {

    private final BadgeLadder ladder = BadgeLadder.DEFAULT;

    private String rank(long points, int solved) {
        return ladder.rankFor(points, solved).map(BadgeRank::name).orElse("none");
    }

    @Test
    void defaultLadderIsSeedZeroZeroZero() {
        assertEquals(List.of("Beginner", "Apprentice", "Intermediate", "Advanced", "Expert", "Master"),
                ladder.ranks().stream().map(BadgeRank::name).toList());
        assertEquals(List.of(0L, 1000L, 2500L, 5000L, 8000L, 12000L), ladder.ranks().stream().map(BadgeRank::requiredPoints).toList());
        assertEquals(List.of(0, 10, 25, 40, 60, 80), ladder.ranks().stream().map(BadgeRank::requiredSolved).toList());
    }

    @Test
    void bothRequirementsMustBeMet() {
        assertEquals("Beginner", rank(0, 0));
        assertEquals("Beginner", rank(5000, 9));      // points alone are not enough
        assertEquals("Beginner", rank(999, 50));      // nor is the solved count
        assertEquals("Apprentice", rank(1000, 10));
        assertEquals("Intermediate", rank(4999, 80));
        assertEquals("Master", rank(12000, 80));
    }

    @Test
    void aJumpEarnsEverySkippedRankOnceLowestFirst() {
        assertEquals(List.of("Apprentice", "Intermediate"),
                ladder.newlyReached(1, 2600, 30).stream().map(BadgeRank::name).toList());
        assertEquals(List.of(), ladder.newlyReached(3, 2600, 30));
    }

    @Test
    void anEmptyLadderHoldsNothing() {
        assertEquals(Optional.empty(), new BadgeLadder(List.of()).rankFor(100, 100));
    }

    @Test
    void aHigherRankMayNotRequireLess() {
        assertThrows(IllegalArgumentException.class, () -> new BadgeLadder(List.of(
                new BadgeRank("A", 1, 100, 5), new BadgeRank("B", 2, 50, 10))));
        assertThrows(IllegalArgumentException.class, () -> new BadgeLadder(List.of(
                new BadgeRank("A", 1, 0, 0), new BadgeRank("B", 1, 50, 10))));
    }
}
