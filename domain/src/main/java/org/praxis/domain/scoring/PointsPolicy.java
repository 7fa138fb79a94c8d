package org.praxis.domain.scoring;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Points for one graded attempt (SC1, SC2):
 * <pre>
 *   correct:            max(0, basePoints + timeBonus - hintPenalty)
 *   incorrect or error: 0
 * </pre>
 * The 0-100 score of a correct answer does not scale its points: correctness earns points, the score
 * ranks the per-problem board. What the learner's total gains is decided by {@link BestAwardPolicy}.
 */
public record PointsPolicy(TimeBonusPolicy timeBonus) {

    public static final PointsPolicy DEFAULT = new PointsPolicy(TimeBonusPolicy.DEFAULT);

    public PointsPolicy {
        Objects.requireNonNull(timeBonus, "timeBonus");
    }

    /**
     * @param hintPenalty the sum of the penalties of the hints the learner revealed on this problem
     * @param timeTaken   from the start of the learner's session to the submission; empty when unknown
     */
    public PointsBreakdown points(boolean correct, ProblemScoring problem, Optional<Duration> timeTaken, int hintPenalty) {
        Objects.requireNonNull(problem, "problem");
        if (hintPenalty < 0) {
            throw new IllegalArgumentException("a hint penalty cannot be negative, was " + hintPenalty);
        }
        if (!correct) {
            return PointsBreakdown.NOTHING;
        }
        int bonus = timeBonus.bonus(problem.timeBonusPoints(), problem.estimatedSeconds(), timeTaken);
        int total = (int) Math.max(0L, (long) problem.basePoints() + bonus - hintPenalty);
        return new PointsBreakdown(problem.basePoints(), bonus, hintPenalty, total);
    }
}
