package org.praxis.domain.gamification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.praxis.domain.curriculum.Difficulty;
import org.praxis.domain.curriculum.TopicSlug;

class CriterionTest {

    private static final TopicSlug JOINS = new TopicSlug("joins");
    private static final TopicSlug WINDOWS = new TopicSlug("windows");

    private static AchievementFacts facts() {
        return new AchievementFacts(12, 1500, 6, 4,
                Map.of(new SolvedKey(Optional.of(JOINS), Difficulty.ADVANCED), 3,
                        new SolvedKey(Optional.of(WINDOWS), Difficulty.BEGINNER), 2,
                        new SolvedKey(Optional.empty(), Difficulty.ADVANCED), 1),
                1, OptionalLong.of(45), Map.of(JOINS, 3));
    }

    @Test
    void everyCriterionRoundTripsThroughItsJsonObject() {
        List<Criterion> all = List.of(
                new Criterion.FirstSubmission(),
                new Criterion.SolvedCount(10, Optional.of(Difficulty.ADVANCED), Optional.of(JOINS)),
                new Criterion.SolvedCount(3, Optional.empty(), Optional.empty()),
                new Criterion.StreakDays(7),
                new Criterion.PerfectWithoutHints(),
                new Criterion.SolvedUnder(60),
                new Criterion.LevelReached(JOINS, 3),
                new Criterion.PointsTotal(1000),
                new Criterion.DistinctTopicsSolved(2));
        for (Criterion c : all) {
            assertEquals(c, Criterion.fromJson(c.toJson()), () -> c + " -> " + c.toJson());
        }
    }

    @Test
    void jsonObjectsLookLikeTheContentFiles() {
        assertEquals(Map.of("type", "solvedCount", "count", 10, "difficulty", "advanced", "topic", "joins"),
                new Criterion.SolvedCount(10, Optional.of(Difficulty.ADVANCED), Optional.of(JOINS)).toJson());
        assertEquals(Map.of("type", "streakDays", "days", 10), new Criterion.StreakDays(10).toJson());
    }

    @Test
    void numbersFromAnyJsonLibraryAreAcceptedWhenWhole() {
        assertEquals(new Criterion.PointsTotal(1000), Criterion.fromJson(Map.of("type", "pointsTotal", "points", new BigDecimal("1000"))));
        assertEquals(new Criterion.StreakDays(7), Criterion.fromJson(Map.of("type", "streakDays", "days", 7.0)));
        assertThrows(IllegalArgumentException.class, () -> Criterion.fromJson(Map.of("type", "streakDays", "days", 7.5)));
    }

    @Test
    void typosAreRefusedNotIgnored() {
        assertThrows(IllegalArgumentException.class, () -> Criterion.fromJson(Map.of("type", "streakDay", "days", 7)));
        assertThrows(IllegalArgumentException.class, () -> Criterion.fromJson(Map.of("type", "streakDays", "day", 7)));
        assertThrows(IllegalArgumentException.class, () -> Criterion.fromJson(Map.of("type", "solvedCount", "count", 1, "difficulty", "hard")));
        assertThrows(IllegalArgumentException.class, () -> Criterion.fromJson(Map.of("type", "levelReached", "level", 2)));
        assertThrows(IllegalArgumentException.class, () -> Criterion.fromJson(Map.of("count", 2)));
        assertThrows(IllegalArgumentException.class, () -> Criterion.fromJson(Map.of("type", "streakDays", "days", 0)));
    }

    @Test
    void solvedCountFiltersByDifficultyAndTopic() {
        assertTrue(new Criterion.SolvedCount(6, Optional.empty(), Optional.empty()).isMetBy(facts()));
        assertFalse(new Criterion.SolvedCount(7, Optional.empty(), Optional.empty()).isMetBy(facts()));
        assertTrue(new Criterion.SolvedCount(4, Optional.of(Difficulty.ADVANCED), Optional.empty()).isMetBy(facts()));
        assertFalse(new Criterion.SolvedCount(5, Optional.of(Difficulty.ADVANCED), Optional.empty()).isMetBy(facts()));
        assertTrue(new Criterion.SolvedCount(3, Optional.of(Difficulty.ADVANCED), Optional.of(JOINS)).isMetBy(facts()));
        assertFalse(new Criterion.SolvedCount(1, Optional.of(Difficulty.BEGINNER), Optional.of(JOINS)).isMetBy(facts()));
        assertTrue(new Criterion.SolvedCount(2, Optional.empty(), Optional.of(WINDOWS)).isMetBy(facts()));
    }

    @Test
    void theOtherCriteriaReadTheirCounter() {
        assertTrue(new Criterion.FirstSubmission().isMetBy(facts()));
        assertTrue(new Criterion.StreakDays(4).isMetBy(facts()));
        assertFalse(new Criterion.StreakDays(5).isMetBy(facts()));
        assertTrue(new Criterion.PerfectWithoutHints().isMetBy(facts()));
        assertTrue(new Criterion.SolvedUnder(46).isMetBy(facts()));
        assertFalse(new Criterion.SolvedUnder(45).isMetBy(facts()));
        assertTrue(new Criterion.LevelReached(JOINS, 3).isMetBy(facts()));
        assertFalse(new Criterion.LevelReached(WINDOWS, 1).isMetBy(facts()));
        assertTrue(new Criterion.PointsTotal(1500).isMetBy(facts()));
        assertFalse(new Criterion.PointsTotal(1501).isMetBy(facts()));
        assertTrue(new Criterion.DistinctTopicsSolved(2).isMetBy(facts()));
        assertFalse(new Criterion.DistinctTopicsSolved(3).isMetBy(facts()));
    }

    @Test
    void aNewLearnerMeetsNothing() {
        var none = new AchievementFacts(0, 0, 0, 0, Map.of(), 0, OptionalLong.empty(), Map.of());
        assertTrue(AchievementRules.DEFAULT.newlyEarned(java.util.Set.of(), none).isEmpty());
    }
}
