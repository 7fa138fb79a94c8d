package org.praxis.domain.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.grading.Score;

/**
 * A learner finished a module (PR4, seed 002 {@code module_completions}): every published problem of
 * the module is completed. Time, score and points are derived from the problems' progress, so a
 * completion can always be recomputed and never disagrees with the problems it summarises.
 *
 * @param completedAt the moment the last of the module's problems was completed
 * @param timeSpent   the sum of the problems' time spent
 * @param finalScore  the mean of the problems' best scores, rounded down
 * @param points      the sum of the problems' points earned
 */
public record ModuleCompletion(ModuleSlug module, Instant completedAt, Duration timeSpent, Score finalScore, int points) {

    public ModuleCompletion {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(timeSpent, "timeSpent");
        Objects.requireNonNull(finalScore, "finalScore");
        if (timeSpent.isNegative()) {
            throw new IllegalArgumentException("time spent cannot be negative");
        }
        if (points < 0) {
            throw new IllegalArgumentException("points cannot be negative");
        }
    }

    /**
     * The completion of {@code module}, or empty while any of its published problems is not completed.
     * A module without published problems is never complete: completing it would need no action, so
     * there would be no moment at which it happened.
     *
     * @param publishedProblems the module's published problems (drafts and archived problems do not count)
     * @param progress          the learner's progress by problem; missing entries mean not started
     */
    public static Optional<ModuleCompletion> evaluate(ModuleSlug module, Collection<ProblemSlug> publishedProblems,
                                                      Map<ProblemSlug, ProblemProgress> progress) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(progress, "progress");
        var problems = new LinkedHashSet<>(publishedProblems);
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        Instant last = Instant.MIN;
        Duration time = Duration.ZERO;
        long scoreSum = 0;
        int points = 0;
        for (var problem : problems) {
            ProblemProgress p = progress.get(problem);
            if (p == null || !p.isCompleted()) {
                return Optional.empty();
            }
            Instant done = p.completedAt().orElseThrow();
            last = done.isAfter(last) ? done : last;
            time = time.plus(p.timeSpent());
            scoreSum += p.bestScore().value();
            points = Math.addExact(points, p.pointsEarned());
        }
        return Optional.of(new ModuleCompletion(module, last, time, new Score((int) (scoreSum / problems.size())), points));
    }
}
