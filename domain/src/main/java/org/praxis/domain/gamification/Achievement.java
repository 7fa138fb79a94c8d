package org.praxis.domain.gamification;

import java.util.Objects;

/**
 * An achievement definition (GA2; seed 000 {@code user_achievements}, seed 003 {@code badges} with
 * criteria, rarity and a points reward): earned once, when its criterion first holds.
 *
 * @param pointsReward points added to the learner's total when earned (0 for none)
 */
public record Achievement(AchievementCode code, String title, Criterion criterion, Rarity rarity, int pointsReward) {
    public Achievement {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(rarity, "rarity");
        if (pointsReward < 0) {
            throw new IllegalArgumentException("a points reward cannot be negative");
        }
    }
}
