package org.praxis.application.curriculum.port.out;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.progress.ProgressStatus;

/**
 * What the catalogue shows of a signed-in learner's own progress: which modules they completed (for
 * {@code locked}) and where they stand on problems (for {@code status} and {@code progress}). Read only;
 * the learning loop owns the progress itself.
 */
public interface LearnerProgress {

    Set<ModuleSlug> completedModules(LearnerId learner);

    /** The learner's standing on each of {@code problems} they have started; a missing problem is not started. */
    Map<ProblemSlug, Standing> standings(LearnerId learner, Collection<ProblemSlug> problems);

    record Standing(ProgressStatus status, int attempts, int bestScore) {
        public Standing {
            Objects.requireNonNull(status, "status");
        }

        public static final Standing NOT_STARTED = new Standing(ProgressStatus.NOT_STARTED, 0, 0);
    }
}
