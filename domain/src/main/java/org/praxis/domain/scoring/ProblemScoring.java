package org.praxis.domain.scoring;

/**
 * What a problem's content says about its points (CU2, seed 000 {@code problems}): base points,
 * the time bonus and the estimated time the bonus is measured against.
 */
public record ProblemScoring(int basePoints, int timeBonusPoints, long estimatedSeconds) {

    /** Seed 000's column defaults: 100 base points, 50 bonus points; the estimate is ours (5 minutes). */
    public static final ProblemScoring SEED_DEFAULT = new ProblemScoring(100, 50, 300);

    public ProblemScoring {
        if (basePoints < 0 || timeBonusPoints < 0 || estimatedSeconds < 0) {
            throw new IllegalArgumentException("base points, bonus points and estimated seconds cannot be negative");
        }
        if ((long) basePoints + timeBonusPoints > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("base + bonus points must fit an int");
        }
    }

    public int maximum() {
        return basePoints + timeBonusPoints;
    }
}
