package org.praxis.http.progress;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.praxis.application.progress.port.in.LearnerDashboardUseCase.Dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The dashboard's JSON (PR4, PR5). */
final class DashboardBodies {
    private DashboardBodies() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DashboardResponse(List<EnrolmentBody> enrolments, ContinueBody continueAt, List<LearningBodies.DueReviewBody> dueReviews,
            List<RecentBody> recentSubmissions, List<TopicBody> topics) {
    }

    record EnrolmentBody(String track, String title, Instant enrolledAt, int percentComplete, int problemsCompleted, int problems,
            List<ModuleBody> completedModules) {
    }

    record ModuleBody(String module, Instant completedAt, long timeSpentSeconds, int finalScore, int points) {
    }

    record ContinueBody(String track, String module, String problem, String title) {
    }

    record RecentBody(String id, String problem, String verdict, int score, int pointsAwarded, Instant submittedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TopicBody(String topic, int attempted, int solved, int submissions, int successRatePercent, Long averageRunMillis,
            Long bestRunMillis, int hintsUsed, double attemptsPerProblem, String currentDifficulty, String highestDifficultySolved,
            int xp, int level) {
    }

    static DashboardResponse of(Dashboard d) {
        return new DashboardResponse(
                d.enrolments().stream().map(e -> new EnrolmentBody(e.track().value(), e.title(), e.enrolledAt(), e.percentComplete(),
                        e.problemsCompleted(), e.problems(), e.completedModules().stream()
                                .map(m -> new ModuleBody(m.module().value(), m.completedAt(), m.timeSpentSeconds(), m.finalScore(), m.points()))
                                .toList())).toList(),
                d.continueAt().map(c -> new ContinueBody(c.track().value(), c.module().value(), c.problem().value(), c.title())).orElse(null),
                d.dueReviews().stream().map(LearningBodies::due).toList(),
                d.recentSubmissions().stream().map(r -> new RecentBody(r.id().toString(), r.problem().value(),
                        r.verdict().name().toLowerCase(Locale.ROOT), r.score(), r.pointsAwarded(), r.submittedAt())).toList(),
                d.topics().stream().map(t -> new TopicBody(t.topic().value(), t.attempted(), t.solved(), t.submissions(),
                        t.successRatePercent(), t.averageRunMillis().orElse(null), t.bestRunMillis().orElse(null), t.hintsUsed(),
                        t.attemptsPerProblem(), t.currentDifficulty().map(x -> x.name().toLowerCase(Locale.ROOT)).orElse(null),
                        t.highestDifficultySolved().map(x -> x.name().toLowerCase(Locale.ROOT)).orElse(null), t.xp(), t.level()))
                        .toList());
    }
}
