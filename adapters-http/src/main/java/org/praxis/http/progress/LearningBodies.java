package org.praxis.http.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.praxis.application.progress.port.in.EventView;
import org.praxis.application.progress.port.in.SubmissionView;
import org.praxis.application.progress.port.in.LearnerDashboardUseCase;
import org.praxis.application.progress.port.in.WorkOnProblemUseCase;
import org.praxis.domain.progress.ProgressStatus;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Request and response bodies of the learning loop, and their mapping from the use cases' values. */
final class LearningBodies {
    private LearningBodies() {
    }

    record SubmitRequest(String answer) {
    }

    /** A grading job (PR6): {@code submission} once completed, {@code error} once failed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JobResponse(String id, String status, SubmissionResponse submission, String error) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SubmissionResponse(String id, String problem, int problemVersion, String verdict, int score, int pointsAwarded,
            int xpAwarded, String feedback, List<TestBody> tests, Long runMillis, boolean review, String answer,
            GraderBody grader, ProgressBody progress, TotalsBody totals, List<EventBody> events, Instant submittedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TestBody(String name, boolean passed, boolean hidden, String message, long runMillis) {
    }

    record GraderBody(String id, String version) {
    }

    record ProgressBody(String status, int attempts, int bestScore) {
    }

    record TotalsBody(long points, int solved, int currentStreak, int longestStreak) {
    }

    /** {type, ...fields}: the event's own fields flattened beside its type. */
    @JsonPropertyOrder({"type"})
    record EventBody(String type, @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> fields) {
        @JsonAnyGetter
        public Map<String, Object> any() {
            return fields;
        }
    }

    record HintResponse(int n, String text, int penalty) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SessionResponse(String problem, String status, int attempts, int bestScore, Instant startedAt, Instant completedAt,
            List<Integer> hintsRevealed) {
    }

    record EnrolmentResponse(String track, Instant enrolledAt) {
    }

    record Page<T>(List<T> items, String nextCursor) {
    }

    record DueReviewBody(String problem, String title, LocalDate dueOn, int stage) {
    }

    static SubmissionResponse submission(SubmissionView s) {
        return new SubmissionResponse(s.id().toString(), s.problem().value(), s.problemVersion(),
                s.verdict().name().toLowerCase(Locale.ROOT), s.score(), s.pointsAwarded(), s.xpAwarded(), s.feedback(),
                s.tests().stream().map(t -> new TestBody(t.name(), t.passed(), t.hidden(), t.hidden() ? null : t.message(),
                        t.runMillis())).toList(),
                s.runMillis().orElse(null), s.review(), s.answer(), new GraderBody(s.grader().id(), s.grader().version()),
                new ProgressBody(status(s.progress().status()), s.progress().attempts(), s.progress().bestScore()),
                new TotalsBody(s.totals().points(), s.totals().solved(), s.totals().currentStreak(), s.totals().longestStreak()),
                s.events().stream().map(LearningBodies::event).toList(), s.submittedAt());
    }

    static EventBody event(EventView e) {
        return new EventBody(e.type(), e.fields());
    }

    static SessionResponse session(WorkOnProblemUseCase.MyProgress p) {
        return new SessionResponse(p.problem().value(), status(p.status()), p.attempts(), p.bestScore(), p.startedAt().orElse(null),
                p.completedAt().orElse(null), List.copyOf(p.hintsRevealed()));
    }

    static DueReviewBody due(LearnerDashboardUseCase.DueReview r) {
        return new DueReviewBody(r.problem().value(), r.title(), r.dueOn(), r.stage());
    }

    static String status(ProgressStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
