package org.praxis.domain.progress;

import java.util.Objects;

/**
 * The difference one operation made to a problem's progress, read by the reducer to decide which
 * events to emit. Deriving events from before/after keeps {@link ProblemProgress} free of event types.
 */
public record ProgressChange(ProblemProgress before, ProblemProgress after) {
    public ProgressChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (!before.learner().equals(after.learner()) || !before.problem().equals(after.problem())) {
            throw new IllegalArgumentException("a change compares the same learner's progress on the same problem");
        }
    }

    /** Points to add to the learner's total: only an improvement of the problem's best award counts (SC1). */
    public int pointsGained() {
        return after.pointsEarned() - before.pointsEarned();
    }

    /** True exactly once per learner and problem: on the first correct attempt. */
    public boolean solvedNow() {
        return !before.isCompleted() && after.isCompleted();
    }

    public boolean startedNow() {
        return !before.isStarted() && after.isStarted();
    }

    public boolean bestScoreImproved() {
        return after.bestScore().isBetterThan(before.bestScore());
    }
}
