package org.praxis.domain.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.domain.progress.ProgressFixtures.T0;
import static org.praxis.domain.progress.ProgressFixtures.at;
import static org.praxis.domain.progress.ProgressFixtures.correct;
import static org.praxis.domain.progress.ProgressFixtures.fresh;
import static org.praxis.domain.progress.ProgressFixtures.incorrect;
import static org.praxis.domain.progress.ProgressFixtures.submission;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.grading.Score;

class ModuleCompletionTest {
    static final ModuleSlug SQL_BASICS = new ModuleSlug("sql-basics");
    static final ProblemSlug A = new ProblemSlug("a");
    static final ProblemSlug B = new ProblemSlug("b");

    private static ProblemProgress solved(String slug, long startSecond, long doneSecond, int score, int points) {
        return fresh(slug).start(at(startSecond)).recordAttempt(at(doneSecond), ProgressFixtures.correct(score), submission(1), points);
    }

    @Test
    void aModuleIsCompleteWhenAllItsPublishedProblemsAreCompleted() {
        var progress = Map.of(A, solved("a", 0, 100, 100, 150), B, solved("b", 200, 500, 91, 120));
        ModuleCompletion completion = ModuleCompletion.evaluate(SQL_BASICS, List.of(A, B), progress).orElseThrow();
        assertEquals(SQL_BASICS, completion.module());
        assertEquals(at(500), completion.completedAt());
        assertEquals(Duration.ofSeconds(400), completion.timeSpent());
        assertEquals(new Score(95), completion.finalScore()); // (100 + 91) / 2 = 95.5, rounded down
        assertEquals(270, completion.points());
    }

    @Test
    void anUnfinishedProblemKeepsTheModuleIncomplete() {
        var progress = Map.of(A, solved("a", 0, 100, 100, 150),
                B, fresh("b").start(T0).recordAttempt(at(9), incorrect(90), submission(2), 0));
        assertEquals(Optional.empty(), ModuleCompletion.evaluate(SQL_BASICS, List.of(A, B), progress));
    }

    @Test
    void aProblemWithoutProgressKeepsTheModuleIncomplete() {
        assertEquals(Optional.empty(), ModuleCompletion.evaluate(SQL_BASICS, List.of(A, B), Map.of(A, solved("a", 0, 1, 100, 1))));
    }

    @Test
    void aModuleWithoutPublishedProblemsIsNeverComplete() {
        assertEquals(Optional.empty(), ModuleCompletion.evaluate(SQL_BASICS, List.of(), Map.of(A, solved("a", 0, 1, 100, 1))));
    }

    @Test
    void completedProblemsOutsideThePublishedListDoNotCount() {
        var progress = Map.of(A, solved("a", 0, 100, 100, 150), B, solved("b", 0, 999, 0, 0));
        ModuleCompletion completion = ModuleCompletion.evaluate(SQL_BASICS, List.of(A), progress).orElseThrow();
        assertEquals(at(100), completion.completedAt());
        assertEquals(150, completion.points());
        assertEquals(Score.FULL, completion.finalScore());
    }

    @Test
    void aDuplicatedProblemCountsOnce() {
        var progress = Map.of(A, solved("a", 0, 100, 80, 10));
        ModuleCompletion completion = ModuleCompletion.evaluate(SQL_BASICS, List.of(A, A), progress).orElseThrow();
        assertEquals(new Score(80), completion.finalScore());
        assertEquals(10, completion.points());
        assertEquals(correct().score(), Score.FULL);
    }
}
