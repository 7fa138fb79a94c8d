package org.praxis.application.progress.port.in;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.praxis.domain.curriculum.Difficulty;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.grading.Verdict;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.progress.SubmissionId;

/** The learner's own overview (PR4, PR5, SC5): always about the caller, never anyone else. */
public interface LearnerDashboardUseCase {

    Dashboard dashboard(Actor actor);

    /** Problems due for review on the learner's local today (or overdue), soonest first. */
    List<DueReview> dueReviews(Actor actor);

    record Dashboard(List<Enrolment> enrolments, Optional<ContinueAt> continueAt, List<DueReview> dueReviews,
            List<RecentSubmission> recentSubmissions, List<TopicStatistics> topics) {
    }

    record Enrolment(TrackSlug track, String title, Instant enrolledAt, int percentComplete, int problemsCompleted,
            int problems, List<CompletedModule> completedModules) {
    }

    record CompletedModule(ModuleSlug module, Instant completedAt, long timeSpentSeconds, int finalScore, int points) {
    }

    record ContinueAt(TrackSlug track, ModuleSlug module, ProblemSlug problem, String title) {
    }

    record DueReview(ProblemSlug problem, String title, LocalDate dueOn, int stage) {
    }

    record RecentSubmission(SubmissionId id, ProblemSlug problem, Verdict.Outcome verdict, int score, int pointsAwarded,
            Instant submittedAt) {
    }

    record TopicStatistics(TopicSlug topic, int attempted, int solved, int submissions, int successRatePercent,
            Optional<Long> averageRunMillis, Optional<Long> bestRunMillis, int hintsUsed, double attemptsPerProblem,
            Optional<Difficulty> currentDifficulty, Optional<Difficulty> highestDifficultySolved, int xp, int level) {
    }
}
