package org.praxis.domain.scoring;

/**
 * How the points of one attempt were made up. {@code total = max(0, base + timeBonus - hintPenalty)}
 * for a correct answer and 0 otherwise; the parts are kept so the learner can be shown why.
 */
public record PointsBreakdown(int base, int timeBonus, int hintPenalty, int total) {

    public static final PointsBreakdown NOTHING = new PointsBreakdown(0, 0, 0, 0);

    public PointsBreakdown {
        if (base < 0 || timeBonus < 0 || hintPenalty < 0 || total < 0) {
            throw new IllegalArgumentException("points parts cannot be negative");
        }
        if (total > base + timeBonus) {
            throw new IllegalArgumentException("the total cannot exceed base + bonus");
        }
    }
}
