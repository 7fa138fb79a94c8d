package org.praxis.application.progress.port.out;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.praxis.application.progress.port.out.PracticeProblems.PracticeProblem;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.progress.LearnerState;
import org.praxis.domain.progress.Outcome;
import org.praxis.domain.progress.ProblemProgress;

/**
 * A learner's progress, in the slices the reducer reads and writes. {@link #lock} (or
 * {@link #lockAndLoad}) must come first in a transaction that changes progress: it serialises one
 * learner's writes (and only that learner's).
 */
public interface LearnerStates {

    /**
     * A submission's start, in one go: locks the learner's state for this transaction (creating it on
     * first use), then reads everything the decision needs, as of after the lock (so what a previous
     * holder of the lock committed is seen): the Idempotency-Key's earlier use, the completed modules,
     * and the slices a submission on {@code problem} reads.
     */
    Snapshot lockAndLoad(LearnerId learner, PracticeProblem problem, Optional<String> key);

    /** What {@link #lockAndLoad} read: the learner's zone, the key's use (if it was used), modules done, and the state. */
    record Snapshot(ZoneId zone, Optional<Submissions.KeyUse> keyUse, Set<ModuleSlug> completedModules, LearnerState state) {
        public Snapshot {
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(keyUse, "keyUse");
            completedModules = Set.copyOf(completedModules);
            Objects.requireNonNull(state, "state");
        }
    }

    /** Locks the learner's state for this transaction (creating it on first use) and returns their time zone. */
    ZoneId lock(LearnerId learner);

    /** The learner's time zone, without locking anything (for reads). */
    ZoneId zoneOf(LearnerId learner);

    Set<ModuleSlug> completedModules(LearnerId learner);

    /** Everything a submission on {@code problem} reads. */
    LearnerState load(LearnerId learner, PracticeProblem problem);

    /**
     * Writes the slices the outcome changed, and its awards (badges, achievements, completions, active
     * day). An adapter may send these writes later in the same transaction (with the next statement or
     * the commit): a failure then fails the transaction as any failure inside it does.
     */
    void save(LearnerState before, Outcome outcome, PracticeProblem problem);

    /** Saves one problem's progress alone (a started session, a revealed hint). */
    void saveProgress(ProblemProgress progress, long problemId);
}
