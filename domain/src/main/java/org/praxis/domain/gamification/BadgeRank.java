package org.praxis.domain.gamification;

import java.util.Objects;

/**
 * One rung of the badge ladder (GA1, seed 000 {@code badges}): a rank is held once both its points
 * and its solved-problems requirement are met.
 *
 * @param level 1 = lowest, higher = better (seed 000 {@code rank_level})
 */
public record BadgeRank(String name, int level, long requiredPoints, int requiredSolved) {

    public BadgeRank {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a rank needs a name");
        }
        if (level < 1) {
            throw new IllegalArgumentException("rank levels start at 1, was " + level);
        }
        if (requiredPoints < 0 || requiredSolved < 0) {
            throw new IllegalArgumentException("requirements cannot be negative");
        }
    }

    public boolean isMetBy(long points, int solved) {
        return points >= requiredPoints && solved >= requiredSolved;
    }
}
