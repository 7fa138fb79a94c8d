package org.praxis.domain.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.grading.Score;
import org.praxis.domain.grading.Verdict;
import org.praxis.domain.identity.LearnerId;

/**
 * One learner's progress on one problem (PR1, PR3). Immutable: every operation returns a new value,
 * so the reducer can compare before and after to decide which events happened.
 *
 * <p>Rules, each pinned by a test:
 * <ul>
 *   <li>status only moves NOT_STARTED &gt; IN_PROGRESS &gt; COMPLETED, never back;</li>
 *   <li>every recorded attempt counts, whatever its verdict;</li>
 *   <li>{@code completedAt} is the first correct attempt and is never overwritten;</li>
 *   <li>{@code bestScore} is the maximum verdict score; {@code bestSubmission} is the first submission that reached it;</li>
 *   <li>{@code pointsEarned} is the best award for this problem, not a sum: repeating a solution adds nothing;</li>
 *   <li>{@code timeSpent} is session start to the latest attempt up to completion, then frozen.</li>
 * </ul>
 * {@code hintsRevealed} holds hint numbers (from 1) and iterates in ascending order.
 */
public record ProblemProgress(
        LearnerId learner,
        ProblemSlug problem,
        ProgressStatus status,
        int attempts,
        Optional<Instant> startedAt,
        Optional<Instant> firstAttemptAt,
        Optional<Instant> completedAt,
        Duration timeSpent,
        Score bestScore,
        int pointsEarned,
        Optional<SubmissionId> bestSubmission,
        Set<Integer> hintsRevealed) {

    public ProblemProgress {
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(firstAttemptAt, "firstAttemptAt");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(timeSpent, "timeSpent");
        Objects.requireNonNull(bestScore, "bestScore");
        Objects.requireNonNull(bestSubmission, "bestSubmission");
        Objects.requireNonNull(hintsRevealed, "hintsRevealed");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts cannot be negative, was " + attempts);
        }
        if (timeSpent.isNegative()) {
            throw new IllegalArgumentException("time spent cannot be negative, was " + timeSpent);
        }
        if (pointsEarned < 0) {
            throw new IllegalArgumentException("points earned cannot be negative, was " + pointsEarned);
        }
        // The cross-field rules below keep rows loaded from storage as consistent as values built here.
        if ((status == ProgressStatus.NOT_STARTED) == startedAt.isPresent()) {
            throw new IllegalArgumentException("a problem has a start time exactly when it is started (status " + status + ")");
        }
        if ((attempts > 0) != firstAttemptAt.isPresent() || (attempts > 0) != bestSubmission.isPresent()) {
            throw new IllegalArgumentException("first attempt and best submission are present exactly when there are attempts");
        }
        if ((status == ProgressStatus.COMPLETED) != completedAt.isPresent()) {
            throw new IllegalArgumentException("a completion time is present exactly when the status is COMPLETED");
        }
        if (status == ProgressStatus.COMPLETED && attempts == 0) {
            throw new IllegalArgumentException("a problem can only be completed by an attempt");
        }
        if (attempts == 0 && !bestScore.equals(Score.ZERO)) {
            throw new IllegalArgumentException("a best score needs an attempt");
        }
        if (pointsEarned > 0 && status != ProgressStatus.COMPLETED) {
            throw new IllegalArgumentException("only a completed problem has earned points");
        }
        var hints = new TreeSet<Integer>();
        for (Integer hint : hintsRevealed) {
            hints.add(HintNumbers.check(hint));
        }
        hintsRevealed = Collections.unmodifiableSortedSet(hints);
    }

    public static ProblemProgress notStarted(LearnerId learner, ProblemSlug problem) {
        return new ProblemProgress(learner, problem, ProgressStatus.NOT_STARTED, 0, Optional.empty(), Optional.empty(),
                Optional.empty(), Duration.ZERO, Score.ZERO, 0, Optional.empty(), new TreeSet<>());
    }

    /**
     * The learner opened the problem: the session starts. Idempotent, the first start wins, because
     * time spent and the time bonus are measured from the first time the learner saw the problem.
     */
    public ProblemProgress start(Instant at) {
        Objects.requireNonNull(at, "at");
        if (startedAt.isPresent()) {
            return this;
        }
        return new ProblemProgress(learner, problem, status.advanceTo(ProgressStatus.IN_PROGRESS), attempts, Optional.of(at),
                firstAttemptAt, completedAt, timeSpent, bestScore, pointsEarned, bestSubmission, hintsRevealed);
    }

    /**
     * Records one graded attempt. {@code pointsAwarded} is what scoring computed for this attempt
     * (zero unless correct); the progress keeps the best of them, so the learner's total should grow
     * by {@link ProgressChange#pointsGained()}, never by {@code pointsAwarded}.
     *
     * <p>An attempt without a prior {@link #start} starts the session at the attempt.
     */
    public ProblemProgress recordAttempt(Instant at, Verdict verdict, SubmissionId submission, int pointsAwarded) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(submission, "submission");
        if (pointsAwarded < 0) {
            throw new IllegalArgumentException("points awarded cannot be negative, was " + pointsAwarded);
        }
        if (!verdict.isCorrect() && pointsAwarded != 0) {
            throw new IllegalArgumentException("only a correct answer earns points, got " + pointsAwarded + " for " + verdict.outcome());
        }
        Instant sessionStart = startedAt.orElse(at);
        boolean wasCompleted = status == ProgressStatus.COMPLETED;
        Duration spent = wasCompleted ? timeSpent : max(timeSpent, nonNegative(Duration.between(sessionStart, at)));
        boolean newBest = attempts == 0 || verdict.score().isBetterThan(bestScore);
        ProgressStatus next = status.advanceTo(verdict.isCorrect() ? ProgressStatus.COMPLETED : ProgressStatus.IN_PROGRESS);
        Optional<Instant> completion = completedAt.isPresent() || !verdict.isCorrect() ? completedAt : Optional.of(at);
        return new ProblemProgress(learner, problem, next, attempts + 1, Optional.of(sessionStart),
                Optional.of(firstAttemptAt.orElse(at)), completion, spent,
                newBest ? verdict.score() : bestScore,
                Math.max(pointsEarned, pointsAwarded),
                newBest ? Optional.of(submission) : bestSubmission,
                hintsRevealed);
    }

    /** Reveals hint {@code number} (1-based). Revealing the same hint again changes nothing and costs nothing. */
    public ProblemProgress revealHint(int number) {
        HintNumbers.check(number);
        if (hintsRevealed.contains(number)) {
            return this;
        }
        var hints = new TreeSet<>(hintsRevealed);
        hints.add(number);
        return new ProblemProgress(learner, problem, status, attempts, startedAt, firstAttemptAt, completedAt, timeSpent,
                bestScore, pointsEarned, bestSubmission, hints);
    }

    /**
     * How long the learner has worked on the problem when submitting at {@code at}: the input of the
     * time bonus. Zero when the problem was never started or the clock went backwards.
     */
    public Duration timeTakenAt(Instant at) {
        Objects.requireNonNull(at, "at");
        return startedAt.map(start -> nonNegative(Duration.between(start, at))).orElse(Duration.ZERO);
    }

    public int hintsUsed() {
        return hintsRevealed.size();
    }

    public boolean isStarted() {
        return status != ProgressStatus.NOT_STARTED;
    }

    public boolean isCompleted() {
        return status == ProgressStatus.COMPLETED;
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
