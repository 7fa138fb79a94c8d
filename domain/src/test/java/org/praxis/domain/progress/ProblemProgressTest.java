package org.praxis.domain.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.domain.progress.ProgressFixtures.ADA;
import static org.praxis.domain.progress.ProgressFixtures.JOINS;
import static org.praxis.domain.progress.ProgressFixtures.T0;
import static org.praxis.domain.progress.ProgressFixtures.at;
import static org.praxis.domain.progress.ProgressFixtures.correct;
import static org.praxis.domain.progress.ProgressFixtures.error;
import static org.praxis.domain.progress.ProgressFixtures.fresh;
import static org.praxis.domain.progress.ProgressFixtures.incorrect;
import static org.praxis.domain.progress.ProgressFixtures.submission;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.praxis.domain.grading.Score;

class ProblemProgressTest {

    @Test
    void aNewProgressIsNotStartedAndEmpty() {
        ProblemProgress p = fresh();
        assertEquals(ProgressStatus.NOT_STARTED, p.status());
        assertEquals(0, p.attempts());
        assertEquals(Optional.empty(), p.startedAt());
        assertEquals(Optional.empty(), p.firstAttemptAt());
        assertEquals(Optional.empty(), p.completedAt());
        assertEquals(Duration.ZERO, p.timeSpent());
        assertEquals(Score.ZERO, p.bestScore());
        assertEquals(0, p.pointsEarned());
        assertEquals(Optional.empty(), p.bestSubmission());
        assertEquals(Set.of(), p.hintsRevealed());
    }

    @Test
    void startingMovesToInProgressAndRecordsTheSessionStart() {
        ProblemProgress p = fresh().start(T0);
        assertEquals(ProgressStatus.IN_PROGRESS, p.status());
        assertEquals(Optional.of(T0), p.startedAt());
    }

    @Test
    void startingTwiceKeepsTheFirstStart() {
        ProblemProgress started = fresh().start(T0);
        assertSame(started, started.start(at(600)));
    }

    @Test
    void aWrongAttemptCountsAndLeavesTheProblemInProgress() {
        ProblemProgress p = fresh().start(T0).recordAttempt(at(90), incorrect(40), submission(1), 0);
        assertEquals(ProgressStatus.IN_PROGRESS, p.status());
        assertEquals(1, p.attempts());
        assertEquals(Optional.of(at(90)), p.firstAttemptAt());
        assertEquals(Optional.empty(), p.completedAt());
        assertEquals(new Score(40), p.bestScore());
        assertEquals(Optional.of(submission(1)), p.bestSubmission());
        assertEquals(Duration.ofSeconds(90), p.timeSpent());
    }

    @Test
    void aCorrectAttemptCompletesTheProblem() {
        ProblemProgress p = fresh().start(T0)
                .recordAttempt(at(60), incorrect(0), submission(1), 0)
                .recordAttempt(at(300), correct(), submission(2), 130);
        assertEquals(ProgressStatus.COMPLETED, p.status());
        assertEquals(2, p.attempts());
        assertEquals(Optional.of(at(60)), p.firstAttemptAt());
        assertEquals(Optional.of(at(300)), p.completedAt());
        assertEquals(Duration.ofSeconds(300), p.timeSpent());
        assertEquals(Score.FULL, p.bestScore());
        assertEquals(130, p.pointsEarned());
        assertEquals(Optional.of(submission(2)), p.bestSubmission());
    }

    @Test
    void progressNeverMovesBackwards() {
        ProblemProgress done = fresh().start(T0).recordAttempt(at(10), correct(), submission(1), 100);
        ProblemProgress after = done.recordAttempt(at(20), incorrect(0), submission(2), 0).recordAttempt(at(30), error(), submission(3), 0);
        assertEquals(ProgressStatus.COMPLETED, after.status());
        assertEquals(Optional.of(at(10)), after.completedAt());
        assertEquals(ProgressStatus.COMPLETED, ProgressStatus.COMPLETED.advanceTo(ProgressStatus.NOT_STARTED));
        assertFalse(ProgressStatus.COMPLETED.canMoveTo(ProgressStatus.IN_PROGRESS));
        assertFalse(ProgressStatus.IN_PROGRESS.canMoveTo(ProgressStatus.NOT_STARTED));
        assertTrue(ProgressStatus.NOT_STARTED.canMoveTo(ProgressStatus.COMPLETED));
    }

    @Test
    void completionTimeIsTheFirstCorrectAttemptAndIsNeverOverwritten() {
        ProblemProgress p = fresh().start(T0)
                .recordAttempt(at(100), correct(), submission(1), 100)
                .recordAttempt(at(200), correct(), submission(2), 100);
        assertEquals(Optional.of(at(100)), p.completedAt());
    }

    @Test
    void everyAttemptCountsWhateverItsVerdict() {
        ProblemProgress p = fresh()
                .recordAttempt(at(1), error(), submission(1), 0)
                .recordAttempt(at(2), incorrect(10), submission(2), 0)
                .recordAttempt(at(3), correct(), submission(3), 50)
                .recordAttempt(at(4), correct(), submission(4), 50);
        assertEquals(4, p.attempts());
    }

    @Test
    void anAttemptWithoutAStartStartsTheSessionAtTheAttempt() {
        ProblemProgress p = fresh().recordAttempt(at(42), incorrect(0), submission(1), 0);
        assertEquals(Optional.of(at(42)), p.startedAt());
        assertEquals(ProgressStatus.IN_PROGRESS, p.status());
        assertEquals(Duration.ZERO, p.timeSpent());
    }

    @Test
    void bestSubmissionIsTheFirstToReachTheBestScore() {
        ProblemProgress p = fresh().start(T0)
                .recordAttempt(at(1), incorrect(30), submission(1), 0)
                .recordAttempt(at(2), incorrect(70), submission(2), 0)
                .recordAttempt(at(3), incorrect(70), submission(3), 0)
                .recordAttempt(at(4), incorrect(20), submission(4), 0);
        assertEquals(new Score(70), p.bestScore());
        assertEquals(Optional.of(submission(2)), p.bestSubmission());
    }

    @Test
    void pointsEarnedIsTheBestAwardNotTheSum() {
        ProblemProgress p = fresh().start(T0)
                .recordAttempt(at(1), correct(), submission(1), 120)
                .recordAttempt(at(2), correct(), submission(2), 90)
                .recordAttempt(at(3), correct(), submission(3), 140);
        assertEquals(140, p.pointsEarned());
    }

    @Test
    void repeatingASolvedProblemGainsNothing() {
        ProblemProgress solved = fresh().start(T0).recordAttempt(at(1), correct(), submission(1), 120);
        ProgressChange again = new ProgressChange(solved, solved.recordAttempt(at(2), correct(), submission(2), 120));
        assertEquals(0, again.pointsGained());
        assertFalse(again.solvedNow());
    }

    @Test
    void improvingABestAwardGainsOnlyTheDifference() {
        ProblemProgress solved = fresh().start(T0).recordAttempt(at(1), correct(), submission(1), 100);
        ProgressChange better = new ProgressChange(solved, solved.recordAttempt(at(2), correct(), submission(2), 135));
        assertEquals(35, better.pointsGained());
    }

    @Test
    void solvedNowIsTrueOnlyOnTheFirstCorrectAttempt() {
        ProblemProgress started = fresh().start(T0);
        ProblemProgress wrong = started.recordAttempt(at(1), incorrect(0), submission(1), 0);
        ProblemProgress right = wrong.recordAttempt(at(2), correct(), submission(2), 80);
        assertFalse(new ProgressChange(started, wrong).solvedNow());
        assertTrue(new ProgressChange(wrong, right).solvedNow());
        assertTrue(new ProgressChange(wrong, right).bestScoreImproved());
        assertTrue(new ProgressChange(fresh(), started).startedNow());
    }

    @Test
    void wrongAnswersCannotCarryPoints() {
        ProblemProgress p = fresh().start(T0);
        var e = assertThrows(IllegalArgumentException.class, () -> p.recordAttempt(at(1), incorrect(50), submission(1), 10));
        assertEquals("only a correct answer earns points, got 10 for INCORRECT", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.recordAttempt(at(1), correct(), submission(1), -1));
    }

    @Test
    void timeSpentFreezesAtCompletion() {
        ProblemProgress p = fresh().start(T0)
                .recordAttempt(at(120), correct(), submission(1), 100)
                .recordAttempt(at(5000), correct(), submission(2), 100);
        assertEquals(Duration.ofSeconds(120), p.timeSpent());
    }

    @Test
    void timeSpentNeverGoesNegativeWhenAnAttemptPredatesTheStart() {
        ProblemProgress p = fresh().start(at(100)).recordAttempt(at(40), incorrect(0), submission(1), 0);
        assertEquals(Duration.ZERO, p.timeSpent());
        assertEquals(Duration.ZERO, fresh().start(at(100)).timeTakenAt(at(40)));
    }

    @Test
    void timeTakenIsMeasuredFromTheSessionStart() {
        assertEquals(Duration.ofSeconds(75), fresh().start(T0).timeTakenAt(at(75)));
        assertEquals(Duration.ZERO, fresh().timeTakenAt(at(75)));
    }

    @Test
    void revealingAHintIsIdempotent() {
        ProblemProgress once = fresh().start(T0).revealHint(2);
        assertSame(once, once.revealHint(2));
        ProblemProgress twice = once.revealHint(1);
        assertEquals(new TreeSet<>(Set.of(1, 2)), twice.hintsRevealed());
        assertEquals(2, twice.hintsUsed());
    }

    @Test
    void hintNumbersStartAtOne() {
        var e = assertThrows(IllegalArgumentException.class, () -> fresh().revealHint(0));
        assertEquals("hint numbers start at 1, was 0", e.getMessage());
    }

    @Test
    void revealingAHintDoesNotChangeTheStatus() {
        assertEquals(ProgressStatus.NOT_STARTED, fresh().revealHint(1).status());
    }

    @Test
    void inconsistentStoredRowsAreRefused() {
        var started = fresh().start(T0);
        assertThrows(IllegalArgumentException.class, () -> new ProblemProgress(ADA, JOINS, ProgressStatus.COMPLETED, 0,
                Optional.of(T0), Optional.empty(), Optional.of(T0), Duration.ZERO, Score.ZERO, 0, Optional.empty(), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new ProblemProgress(ADA, JOINS, ProgressStatus.IN_PROGRESS, 0,
                Optional.of(T0), Optional.empty(), Optional.empty(), Duration.ZERO, Score.ZERO, 10, Optional.empty(), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new ProblemProgress(ADA, JOINS, ProgressStatus.NOT_STARTED, 0,
                Optional.of(T0), Optional.empty(), Optional.empty(), Duration.ZERO, Score.ZERO, 0, Optional.empty(), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new ProblemProgress(ADA, JOINS, ProgressStatus.IN_PROGRESS, 1,
                Optional.of(T0), Optional.of(T0), Optional.empty(), Duration.ZERO, Score.ZERO, 0, Optional.empty(), Set.of()));
        assertEquals(started, new ProblemProgress(ADA, JOINS, ProgressStatus.IN_PROGRESS, 0, Optional.of(T0), Optional.empty(),
                Optional.empty(), Duration.ZERO, Score.ZERO, 0, Optional.empty(), Set.of()));
    }

    @Test
    void hintsRevealedCannotBeModifiedFromOutside() {
        ProblemProgress p = fresh().revealHint(1);
        assertThrows(UnsupportedOperationException.class, () -> p.hintsRevealed().add(3));
    }

    @Test
    void aChangeComparesTheSameLearnerAndProblem() {
        assertThrows(IllegalArgumentException.class, () -> new ProgressChange(fresh(), ProgressFixtures.fresh("other-problem")));
    }
}
