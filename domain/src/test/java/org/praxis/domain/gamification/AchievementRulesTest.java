package org.praxis.domain.gamification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AchievementRulesTest {

    private final AchievementCode first = new AchievementCode("first_submission");
    private final AchievementCode tenDays = new AchievementCode("10_day_streak");

    @Test
    void earnedAchievementsAreNotEarnedAgain() {
        var facts = new AchievementFacts(1, 0, 0, 10, Map.of(), 0, OptionalLong.empty(), Map.of());
        assertEquals(List.of(first, tenDays),
                AchievementRules.DEFAULT.newlyEarned(Set.of(), facts).stream().map(Achievement::code).toList());
        assertEquals(List.of(tenDays),
                AchievementRules.DEFAULT.newlyEarned(Set.of(first), facts).stream().map(Achievement::code).toList());
    }

    @Test
    void codesAreUniqueAndShapedLikeTheSeed() {
        var a = new Achievement(first, "x", new Criterion.FirstSubmission(), Rarity.COMMON, 0);
        assertThrows(IllegalArgumentException.class, () -> new AchievementRules(List.of(a, a)));
        assertThrows(IllegalArgumentException.class, () -> new AchievementCode("Ten Days"));
    }
}
