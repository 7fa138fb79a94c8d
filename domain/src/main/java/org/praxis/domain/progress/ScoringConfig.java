package org.praxis.domain.progress;

import java.util.Objects;
import org.praxis.domain.gamification.AchievementRules;
import org.praxis.domain.gamification.BadgeLadder;
import org.praxis.domain.scoring.PointsPolicy;
import org.praxis.domain.scoring.XpSettings;

/**
 * The content's scoring configuration for one submission: the problem, its topic's XP settings (the
 * defaults for a problem without a topic, which then earns no XP but is still reviewed), and the
 * platform's points policy, badge ladder and achievements. Each part maps to a content file.
 */
public record ScoringConfig(ScoredProblem problem, XpSettings xp, PointsPolicy points, BadgeLadder badges,
                            AchievementRules achievements) {

    public ScoringConfig {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(xp, "xp");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(badges, "badges");
        Objects.requireNonNull(achievements, "achievements");
    }

    public ScoringConfig withAchievements(AchievementRules rules) {
        return new ScoringConfig(problem, xp, points, badges, rules);
    }

    /** The problem under the default settings: seed 000's ladder, our XP defaults and starter achievements. */
    public static ScoringConfig defaults(ScoredProblem problem) {
        return new ScoringConfig(problem, XpSettings.DEFAULT, PointsPolicy.DEFAULT, BadgeLadder.DEFAULT, AchievementRules.DEFAULT);
    }
}
