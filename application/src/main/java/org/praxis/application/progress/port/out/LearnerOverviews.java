package org.praxis.application.progress.port.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.praxis.application.progress.port.in.LearnerDashboardUseCase;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.identity.LearnerId;

/** Read models of a learner's own progress: enrolments, completions, reviews, statistics. */
public interface LearnerOverviews {

    /** Enrols (idempotently); empty when no such published track exists. */
    Optional<EnrolResult> enrol(LearnerId learner, TrackSlug track, Instant at);

    List<EnrolledTrack> enrolledTracks(LearnerId learner);

    Set<ProblemSlug> completedProblems(LearnerId learner);

    List<LearnerDashboardUseCase.CompletedModule> completedModules(LearnerId learner);

    List<LearnerDashboardUseCase.DueReview> dueReviews(LearnerId learner, LocalDate onOrBefore);

    List<LearnerDashboardUseCase.TopicStatistics> topicStatistics(LearnerId learner);

    record EnrolResult(Instant enrolledAt, boolean created) {
    }

    /** An enrolled, published track in order, with the module prerequisites (for "continue where you left off"). */
    record EnrolledTrack(TrackSlug track, String title, Instant enrolledAt, List<ModuleOutline> modules) {
    }

    record ModuleOutline(ModuleSlug module, Set<ModuleSlug> prerequisites, List<ProblemRef> problems) {
    }

    record ProblemRef(ProblemSlug slug, String title) {
    }
}
