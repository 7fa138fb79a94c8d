package org.praxis.domain.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.praxis.domain.curriculum.Difficulty;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.grading.Verdict;
import org.praxis.domain.identity.LearnerId;

/**
 * One learner's statistics in one topic (PR5, seed 003 {@code user_progress}). Counts are stored and
 * rates derived, so the rates are exact and never drift from the counts.
 *
 * <p>"Distinct problem" counts come from the problem's {@link ProgressChange}: a problem counts as
 * attempted on its first recorded attempt and as solved on its first correct one, so repeating a
 * problem never inflates them. Run times only count for correct submissions: a wrong query that
 * fails fast is not a "best run time".
 *
 * @param problemsAttempted     distinct problems with at least one attempt
 * @param problemsSolved        distinct problems completed
 * @param submissions           all recorded attempts
 * @param correctSubmissions    attempts judged correct
 * @param timedSubmissions      correct attempts that reported a run time
 * @param totalRunTime          sum of those run times (the average's numerator)
 * @param bestRunTime           fastest of those run times
 * @param hintsUsed             distinct hints revealed across the topic's problems
 * @param timeSpent             sum of the problems' time spent
 * @param currentDifficulty     difficulty of the most recently attempted problem
 * @param highestDifficultySolved hardest difficulty among solved problems
 */
public record TopicStatistics(
        LearnerId learner,
        TopicSlug topic,
        int problemsAttempted,
        int problemsSolved,
        int submissions,
        int correctSubmissions,
        int timedSubmissions,
        Duration totalRunTime,
        Optional<Duration> bestRunTime,
        int hintsUsed,
        Duration timeSpent,
        Optional<Difficulty> currentDifficulty,
        Optional<Difficulty> highestDifficultySolved,
        Optional<Instant> firstAttemptAt,
        Optional<Instant> lastActivityAt) {

    public TopicStatistics {
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(totalRunTime, "totalRunTime");
        Objects.requireNonNull(bestRunTime, "bestRunTime");
        Objects.requireNonNull(timeSpent, "timeSpent");
        Objects.requireNonNull(currentDifficulty, "currentDifficulty");
        Objects.requireNonNull(highestDifficultySolved, "highestDifficultySolved");
        Objects.requireNonNull(firstAttemptAt, "firstAttemptAt");
        Objects.requireNonNull(lastActivityAt, "lastActivityAt");
        if (problemsAttempted < 0 || problemsSolved < 0 || submissions < 0 || correctSubmissions < 0
                || timedSubmissions < 0 || hintsUsed < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
        if (problemsSolved > problemsAttempted || problemsAttempted > submissions) {
            throw new IllegalArgumentException("need solved <= attempted <= submissions");
        }
        if (correctSubmissions > submissions || timedSubmissions > correctSubmissions) {
            throw new IllegalArgumentException("need timed <= correct <= submissions");
        }
        if (problemsSolved > correctSubmissions) {
            throw new IllegalArgumentException("every solved problem needs a correct submission");
        }
        if (totalRunTime.isNegative() || timeSpent.isNegative()) {
            throw new IllegalArgumentException("durations cannot be negative");
        }
        if ((timedSubmissions > 0) != bestRunTime.isPresent()) {
            throw new IllegalArgumentException("a best run time exists exactly when a run was timed");
        }
        if ((problemsSolved > 0) != highestDifficultySolved.isPresent()) {
            throw new IllegalArgumentException("a highest difficulty solved exists exactly when a problem is solved");
        }
    }

    public static TopicStatistics empty(LearnerId learner, TopicSlug topic) {
        return new TopicStatistics(learner, topic, 0, 0, 0, 0, 0, Duration.ZERO, Optional.empty(), 0, Duration.ZERO,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Folds one attempt in. {@code change} is the problem's progress before and after
     * {@link ProblemProgress#recordAttempt}; {@code runTime} is the submission's measured run time if
     * the grader reported one.
     */
    public TopicStatistics recordAttempt(ProgressChange change, Verdict verdict, Difficulty difficulty, Optional<Duration> runTime,
                                         Instant at) {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(difficulty, "difficulty");
        Objects.requireNonNull(runTime, "runTime");
        Objects.requireNonNull(at, "at");
        requireSameLearner(change);
        if (change.after().attempts() != change.before().attempts() + 1) {
            throw new IllegalArgumentException("the change must be exactly one recorded attempt");
        }
        runTime.ifPresent(t -> {
            if (t.isNegative()) {
                throw new IllegalArgumentException("run time cannot be negative");
            }
        });
        boolean correct = verdict.isCorrect();
        boolean timed = correct && runTime.isPresent();
        Duration run = runTime.orElse(Duration.ZERO);
        Optional<Difficulty> highest = change.solvedNow()
                ? Optional.of(highestDifficultySolved.filter(h -> !difficulty.isHarderThan(h)).orElse(difficulty))
                : highestDifficultySolved;
        return new TopicStatistics(learner, topic,
                problemsAttempted + (change.before().attempts() == 0 ? 1 : 0),
                problemsSolved + (change.solvedNow() ? 1 : 0),
                submissions + 1,
                correctSubmissions + (correct ? 1 : 0),
                timedSubmissions + (timed ? 1 : 0),
                timed ? totalRunTime.plus(run) : totalRunTime,
                timed ? Optional.of(bestRunTime.filter(b -> b.compareTo(run) <= 0).orElse(run)) : bestRunTime,
                hintsUsed,
                timeSpent.plus(change.after().timeSpent().minus(change.before().timeSpent())),
                Optional.of(difficulty),
                highest,
                Optional.of(firstAttemptAt.orElse(at)),
                Optional.of(at));
    }

    /** Folds in a hint reveal; revealing an already revealed hint adds nothing, as it costs nothing. */
    public TopicStatistics recordHint(ProgressChange change) {
        Objects.requireNonNull(change, "change");
        requireSameLearner(change);
        int added = change.after().hintsUsed() - change.before().hintsUsed();
        if (added < 0) {
            throw new IllegalArgumentException("hints are never un-revealed");
        }
        return new TopicStatistics(learner, topic, problemsAttempted, problemsSolved, submissions, correctSubmissions,
                timedSubmissions, totalRunTime, bestRunTime, hintsUsed + added, timeSpent, currentDifficulty,
                highestDifficultySolved, firstAttemptAt, lastActivityAt);
    }

    /** Percentage of submissions judged correct, rounded down; 0 with no submissions. */
    public int successRatePercent() {
        return submissions == 0 ? 0 : (int) (100L * correctSubmissions / submissions);
    }

    /** Mean run time of timed correct submissions, rounded down to the millisecond. */
    public Optional<Duration> averageRunTime() {
        return timedSubmissions == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(totalRunTime.toMillis() / timedSubmissions));
    }

    /** Submissions per attempted problem; 0 when nothing was attempted. */
    public double attemptsPerProblem() {
        return problemsAttempted == 0 ? 0.0 : (double) submissions / problemsAttempted;
    }

    private void requireSameLearner(ProgressChange change) {
        if (!change.after().learner().equals(learner)) {
            throw new IllegalArgumentException("these statistics belong to learner " + learner);
        }
    }
}
