package org.praxis.domain.progress;

/**
 * A learner's running totals (seed 000 {@code users.total_points}): the global board's score and the
 * badge ladder's inputs. {@code points} always equals the sum of per-problem bests plus achievement rewards.
 */
public record LearnerTotals(long points, int solved, int submissions) {

    public static final LearnerTotals ZERO = new LearnerTotals(0, 0, 0);

    public LearnerTotals {
        if (points < 0 || solved < 0 || submissions < 0) {
            throw new IllegalArgumentException("totals cannot be negative");
        }
        if (solved > submissions) {
            throw new IllegalArgumentException("every solved problem needs a submission");
        }
    }

    LearnerTotals plus(long morePoints, int moreSolved, int moreSubmissions) {
        return new LearnerTotals(Math.addExact(points, morePoints), solved + moreSolved, submissions + moreSubmissions);
    }
}
