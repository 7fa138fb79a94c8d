package org.praxis.domain.gamification;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.praxis.domain.curriculum.TopicSlug;

/** The achievements on offer (GA2), evaluated in the order given so that results are reproducible. */
public record AchievementRules(List<Achievement> achievements) {

    /** A starter set built from the examples in seeds 000 and 003 ('first_submission', '10_day_streak', 'perfect_score', "Speed Demon"). */
    public static final AchievementRules DEFAULT = new AchievementRules(List.of(
            new Achievement(new AchievementCode("first_submission"), "First submission", new Criterion.FirstSubmission(), Rarity.COMMON, 0),
            new Achievement(new AchievementCode("first_solve"), "First solve",
                    new Criterion.SolvedCount(1, Optional.empty(), Optional.<TopicSlug>empty()), Rarity.COMMON, 0),
            new Achievement(new AchievementCode("perfect_score"), "Perfect without hints", new Criterion.PerfectWithoutHints(), Rarity.COMMON, 0),
            new Achievement(new AchievementCode("speed_demon"), "Speed demon", new Criterion.SolvedUnder(60), Rarity.RARE, 0),
            new Achievement(new AchievementCode("10_day_streak"), "Ten-day streak", new Criterion.StreakDays(10), Rarity.EPIC, 0),
            new Achievement(new AchievementCode("explorer"), "Explorer", new Criterion.DistinctTopicsSolved(5), Rarity.RARE, 0)));

    public AchievementRules {
        achievements = List.copyOf(achievements);
        Set<AchievementCode> seen = new HashSet<>();
        for (Achievement achievement : achievements) {
            if (!seen.add(achievement.code())) {
                throw new IllegalArgumentException("two achievements share the code " + achievement.code());
            }
        }
    }

    /** The achievements not yet held whose criteria these facts meet, in definition order. */
    public List<Achievement> newlyEarned(Set<AchievementCode> held, AchievementFacts facts) {
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(facts, "facts");
        return achievements.stream().filter(a -> !held.contains(a.code()) && a.criterion().isMetBy(facts)).toList();
    }
}
