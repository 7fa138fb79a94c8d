package org.praxis.domain.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.praxis.domain.progress.ProgressFixtures.ADA;
import static org.praxis.domain.progress.ProgressFixtures.T0;
import static org.praxis.domain.progress.ProgressFixtures.at;
import static org.praxis.domain.progress.ProgressFixtures.correct;
import static org.praxis.domain.progress.ProgressFixtures.incorrect;
import static org.praxis.domain.progress.ProgressFixtures.submission;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.praxis.domain.curriculum.Difficulty;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.grading.Verdict;
import org.praxis.domain.identity.LearnerId;

class TopicStatisticsTest {
    static final TopicSlug JOINS = new TopicSlug("joins");

    /** Keeps one problem's progress and the topic statistics in step, like the reducer does. */
    private static final class Session {
        TopicStatistics stats = TopicStatistics.empty(ADA, JOINS);
        ProblemProgress a = ProgressFixtures.fresh("a").start(T0);
        ProblemProgress b = ProgressFixtures.fresh("b").start(T0);
        int n;

        void attemptA(long second, Verdict verdict, int points, Difficulty difficulty, Long runMillis) {
            ProblemProgress next = a.recordAttempt(at(second), verdict, submission(++n), points);
            stats = stats.recordAttempt(new ProgressChange(a, next), verdict, difficulty,
                    Optional.ofNullable(runMillis).map(Duration::ofMillis), at(second));
            a = next;
        }

        void attemptB(long second, Verdict verdict, int points, Difficulty difficulty, Long runMillis) {
            ProblemProgress next = b.recordAttempt(at(second), verdict, submission(++n), points);
            stats = stats.recordAttempt(new ProgressChange(b, next), verdict, difficulty,
                    Optional.ofNullable(runMillis).map(Duration::ofMillis), at(second));
            b = next;
        }

        void hintA(int number) {
            ProblemProgress next = a.revealHint(number);
            stats = stats.recordHint(new ProgressChange(a, next));
            a = next;
        }
    }

    @Test
    void countsDistinctProblemsAndAllSubmissions() {
        var s = new Session();
        s.attemptA(10, incorrect(0), 0, Difficulty.BEGINNER, 40L);
        s.attemptA(20, correct(), 100, Difficulty.BEGINNER, 30L);
        s.attemptA(30, correct(), 100, Difficulty.BEGINNER, 20L);
        s.attemptB(40, incorrect(50), 0, Difficulty.ADVANCED, null);
        TopicStatistics t = s.stats;
        assertEquals(2, t.problemsAttempted());
        assertEquals(1, t.problemsSolved());
        assertEquals(4, t.submissions());
        assertEquals(2, t.correctSubmissions());
        assertEquals(50, t.successRatePercent());
        assertEquals(2.0, t.attemptsPerProblem());
        assertEquals(Optional.of(at(10)), t.firstAttemptAt());
        assertEquals(Optional.of(at(40)), t.lastActivityAt());
    }

    @Test
    void runTimesCountOnlyCorrectSubmissions() {
        var s = new Session();
        s.attemptA(10, incorrect(0), 0, Difficulty.BEGINNER, 5L);
        s.attemptA(20, correct(), 100, Difficulty.BEGINNER, 31L);
        s.attemptA(30, correct(), 100, Difficulty.BEGINNER, 20L);
        assertEquals(Optional.of(Duration.ofMillis(20)), s.stats.bestRunTime());
        assertEquals(Optional.of(Duration.ofMillis(25)), s.stats.averageRunTime()); // (31 + 20) / 2 = 25.5, rounded down
        assertEquals(2, s.stats.timedSubmissions());
    }

    @Test
    void currentDifficultyIsTheLastAttemptedAndHighestSolvedNeverDrops() {
        var s = new Session();
        s.attemptB(10, correct(), 100, Difficulty.ADVANCED, null);
        s.attemptA(20, correct(), 100, Difficulty.BEGINNER, null);
        assertEquals(Optional.of(Difficulty.BEGINNER), s.stats.currentDifficulty());
        assertEquals(Optional.of(Difficulty.ADVANCED), s.stats.highestDifficultySolved());
    }

    @Test
    void highestDifficultySolvedIgnoresFailedAttempts() {
        var s = new Session();
        s.attemptA(10, correct(), 100, Difficulty.BEGINNER, null);
        s.attemptB(20, incorrect(10), 0, Difficulty.EXPERT, null);
        assertEquals(Optional.of(Difficulty.BEGINNER), s.stats.highestDifficultySolved());
        assertEquals(Optional.of(Difficulty.EXPERT), s.stats.currentDifficulty());
    }

    @Test
    void hintUseCountsEachHintOnce() {
        var s = new Session();
        s.hintA(1);
        s.hintA(1);
        s.hintA(2);
        assertEquals(2, s.stats.hintsUsed());
    }

    @Test
    void timeSpentAddsTheProblemsTimeSpent() {
        var s = new Session();
        s.attemptA(60, incorrect(0), 0, Difficulty.BEGINNER, null);
        s.attemptA(100, correct(), 100, Difficulty.BEGINNER, null);
        s.attemptB(30, correct(), 100, Difficulty.BEGINNER, null);
        assertEquals(Duration.ofSeconds(130), s.stats.timeSpent());
    }

    @Test
    void emptyStatisticsHaveZeroRates() {
        TopicStatistics t = TopicStatistics.empty(ADA, JOINS);
        assertEquals(0, t.successRatePercent());
        assertEquals(0.0, t.attemptsPerProblem());
        assertEquals(Optional.empty(), t.averageRunTime());
    }

    @Test
    void anotherLearnersProgressIsRefused() {
        var other = ProblemProgress.notStarted(LearnerId.of("00000000-0000-0000-0000-000000000002"), ProgressFixtures.JOINS);
        var change = new ProgressChange(other, other.recordAttempt(T0, correct(), submission(1), 1));
        assertThrows(IllegalArgumentException.class, () -> TopicStatistics.empty(ADA, JOINS)
                .recordAttempt(change, correct(), Difficulty.BEGINNER, Optional.empty(), T0));
    }

    @Test
    void aChangeThatIsNotOneAttemptIsRefused() {
        var p = ProgressFixtures.fresh();
        assertThrows(IllegalArgumentException.class, () -> TopicStatistics.empty(ADA, JOINS)
                .recordAttempt(new ProgressChange(p, p.start(T0)), correct(), Difficulty.BEGINNER, Optional.empty(), T0));
    }
}
