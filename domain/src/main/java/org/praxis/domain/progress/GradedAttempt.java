package org.praxis.domain.progress;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.grading.TestResult;
import org.praxis.domain.grading.Verdict;

/**
 * A submission after grading: which submission (its id is made outside the domain), on which
 * problem, the verdict, and the run time the grader measured if any.
 */
public record GradedAttempt(SubmissionId submission, ProblemSlug problem, Verdict verdict, Optional<Duration> runTime) {

    public GradedAttempt {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(runTime, "runTime");
        if (runTime.filter(Duration::isNegative).isPresent()) {
            throw new IllegalArgumentException("run time cannot be negative");
        }
    }

    /** The run time is the sum of the test cases' run times, or unknown when the verdict has no tests. */
    public static GradedAttempt of(SubmissionId submission, ProblemSlug problem, Verdict verdict) {
        Optional<Duration> run = verdict.tests().isEmpty()
                ? Optional.empty()
                : Optional.of(Duration.ofMillis(verdict.tests().stream().mapToLong(TestResult::runMillis).sum()));
        return new GradedAttempt(submission, problem, verdict, run);
    }
}
