package org.praxis.domain.progress;

/**
 * Where a learner stands on one problem. The order of the constants is the only allowed direction:
 * a status can stay or move right, never left, so a later wrong answer cannot un-solve a problem.
 */
public enum ProgressStatus {
    NOT_STARTED, IN_PROGRESS, COMPLETED;

    public boolean canMoveTo(ProgressStatus next) {
        return next.compareTo(this) >= 0;
    }

    /** The later of the two: moving "back" is silently a no-op, which is what replayed events need. */
    public ProgressStatus advanceTo(ProgressStatus next) {
        return canMoveTo(next) ? next : this;
    }
}
