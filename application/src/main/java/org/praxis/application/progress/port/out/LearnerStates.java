package org.praxis.application.progress.port.out;

import java.time.ZoneId;
import java.util.Set;

import org.praxis.application.progress.port.out.PracticeProblems.PracticeProblem;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.progress.LearnerState;
import org.praxis.domain.progress.Outcome;
import org.praxis.domain.progress.ProblemProgress;

/**
 * A learner's progress, in the slices the reducer reads and writes. {@link #lock} must come first in a
 * transaction that changes progress: it serialises one learner's writes (and only that learner's).
 */
public interface LearnerStates {

    /** Locks the learner's state for this transaction (creating it on first use) and returns their time zone. */
    ZoneId lock(LearnerId learner);

    /** The learner's time zone, without locking anything (for reads). */
    ZoneId zoneOf(LearnerId learner);

    Set<ModuleSlug> completedModules(LearnerId learner);

    /** Everything a submission on {@code problem} reads. */
    LearnerState load(LearnerId learner, PracticeProblem problem);

    /** Writes the slices the outcome changed, and its awards (badges, achievements, completions, boards, active day). */
    void save(LearnerState before, Outcome outcome, PracticeProblem problem);

    /** Saves one problem's progress alone (a started session, a revealed hint). */
    void saveProgress(ProblemProgress progress, long problemId);
}
