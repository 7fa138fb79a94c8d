package org.praxis.domain.gamification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The badge ladder (GA1). A learner holds the highest rank whose points <em>and</em> solved
 * requirements are both met. Seed 000's trigger looks at points only although its table has
 * {@code required_exercises}; we require both, as the table intends.
 *
 * <p>Requirements may not fall as the level rises, so holding a rank implies meeting every rank below it
 * and "the highest rank met" is simply the last one met.
 */
public record BadgeLadder(List<BadgeRank> ranks) {

    /** Seed 000's six ranks. */
    public static final BadgeLadder DEFAULT = new BadgeLadder(List.of(
            new BadgeRank("Beginner", 1, 0, 0),
            new BadgeRank("Apprentice", 2, 1000, 10),
            new BadgeRank("Intermediate", 3, 2500, 25),
            new BadgeRank("Advanced", 4, 5000, 40),
            new BadgeRank("Expert", 5, 8000, 60),
            new BadgeRank("Master", 6, 12000, 80)));

    public BadgeLadder {
        var sorted = new ArrayList<>(ranks);
        sorted.sort(Comparator.comparingInt(BadgeRank::level));
        for (int i = 1; i < sorted.size(); i++) {
            BadgeRank lower = sorted.get(i - 1);
            BadgeRank higher = sorted.get(i);
            if (lower.level() == higher.level()) {
                throw new IllegalArgumentException("two ranks share level " + higher.level());
            }
            if (lower.name().equals(higher.name())) {
                throw new IllegalArgumentException("two ranks share the name " + higher.name());
            }
            if (higher.requiredPoints() < lower.requiredPoints() || higher.requiredSolved() < lower.requiredSolved()) {
                throw new IllegalArgumentException("rank " + higher.name() + " requires less than " + lower.name());
            }
        }
        ranks = List.copyOf(sorted);
    }

    /** The rank held with these totals, if any. */
    public Optional<BadgeRank> rankFor(long points, int solved) {
        BadgeRank held = null;
        for (BadgeRank rank : ranks) {
            if (!rank.isMetBy(points, solved)) {
                break;
            }
            held = rank;
        }
        return Optional.ofNullable(held);
    }

    /**
     * The ranks above {@code heldLevel} that these totals reach, lowest first. Skipped ranks are
     * earned too, so every rung is earned exactly once even when one submission jumps two.
     */
    public List<BadgeRank> newlyReached(int heldLevel, long points, int solved) {
        return ranks.stream().filter(rank -> rank.level() > heldLevel && rank.isMetBy(points, solved)).toList();
    }
}
