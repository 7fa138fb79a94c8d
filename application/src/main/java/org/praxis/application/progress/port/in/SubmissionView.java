package org.praxis.application.progress.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.praxis.application.grading.port.out.GraderIdentity;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.grading.TestResult;
import org.praxis.domain.grading.Verdict;
import org.praxis.domain.progress.ProgressStatus;
import org.praxis.domain.progress.SubmissionId;

/**
 * A submission as its learner sees it: the verdict, what it earned, the learner's progress and
 * totals right after it, and the events it caused. Stored as such, so a replay answers identically.
 * Hidden test results carry no message.
 */
public record SubmissionView(
        SubmissionId id,
        ProblemSlug problem,
        int problemVersion,
        String answer,
        Verdict.Outcome verdict,
        int score,
        String feedback,
        List<TestResult> tests,
        Optional<Long> runMillis,
        int pointsAwarded,
        int xpAwarded,
        boolean review,
        GraderIdentity grader,
        Progress progress,
        Totals totals,
        List<EventView> events,
        Instant submittedAt) {

    public SubmissionView {
        Objects.requireNonNull(id);
        Objects.requireNonNull(problem);
        tests = tests.stream().map(t -> t.hidden() ? new TestResult(t.name(), t.passed(), true, "", t.runMillis()) : t).toList();
        events = List.copyOf(events);
    }

    public record Progress(ProgressStatus status, int attempts, int bestScore) {
    }

    public record Totals(long points, int solved, int currentStreak, int longestStreak) {
    }
}
