package org.praxis.domain.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.praxis.domain.grading.Score;
import org.praxis.domain.grading.Verdict;

class ProblemProgressProperties {

    sealed interface Action permits Start, Attempt, Hint {
    }

    record Start(long second) implements Action {
    }

    record Attempt(long second, Verdict.Outcome outcome, int score, int points) implements Action {
        Verdict verdict() {
            return new Verdict(outcome, new Score(score), "", List.of());
        }
    }

    record Hint(int number) implements Action {
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Action> start = Arbitraries.longs().between(0, 100_000).map(Start::new);
        Arbitrary<Action> attempt = Combinators.combine(
                Arbitraries.longs().between(0, 100_000),
                Arbitraries.of(Verdict.Outcome.class),
                Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(0, 500)).as((second, outcome, score, points) -> switch (outcome) {
                    case CORRECT -> new Attempt(second, outcome, score, points);
                    case INCORRECT -> new Attempt(second, outcome, Math.min(score, 99), 0);
                    case ERROR -> new Attempt(second, outcome, 0, 0);
                });
        Arbitrary<Action> hint = Arbitraries.integers().between(1, 6).map(Hint::new);
        return Arbitraries.frequencyOf(
                Tuple.of(1, start), Tuple.of(5, attempt), Tuple.of(2, hint))
                .list().ofMaxSize(40);
    }

    private static ProblemProgress apply(ProblemProgress p, Action action, int index) {
        if (action instanceof Start s) {
            return p.start(ProgressFixtures.at(s.second()));
        }
        if (action instanceof Attempt a) {
            return p.recordAttempt(ProgressFixtures.at(a.second()), a.verdict(), ProgressFixtures.submission(index), a.points());
        }
        return p.revealHint(((Hint) action).number());
    }

    @Property
    void progressStatusNeverGoesBackwards(@ForAll("actions") List<Action> actions) {
        ProblemProgress p = ProgressFixtures.fresh();
        for (int i = 0; i < actions.size(); i++) {
            ProblemProgress next = apply(p, actions.get(i), i);
            assertTrue(p.status().compareTo(next.status()) <= 0, p.status() + " -> " + next.status());
            p = next;
        }
    }

    @Property
    void attemptsCountEqualsTheAttemptsRecorded(@ForAll("actions") List<Action> actions) {
        ProblemProgress p = ProgressFixtures.fresh();
        for (int i = 0; i < actions.size(); i++) {
            p = apply(p, actions.get(i), i);
        }
        assertEquals(actions.stream().filter(Attempt.class::isInstance).count(), p.attempts());
    }

    @Property
    void bestScoreIsTheMaximumOfTheScores(@ForAll("actions") List<Action> actions) {
        ProblemProgress p = ProgressFixtures.fresh();
        int max = 0;
        Optional<SubmissionId> firstBest = Optional.empty();
        for (int i = 0; i < actions.size(); i++) {
            p = apply(p, actions.get(i), i);
            if (actions.get(i) instanceof Attempt a && (firstBest.isEmpty() || a.score() > max)) {
                max = a.score();
                firstBest = Optional.of(ProgressFixtures.submission(i));
            }
        }
        assertEquals(new Score(max), p.bestScore());
        assertEquals(firstBest, p.bestSubmission());
    }

    @Property
    void pointsGainedAddUpToTheBestAward(@ForAll("actions") List<Action> actions) {
        ProblemProgress p = ProgressFixtures.fresh();
        int gained = 0;
        int best = 0;
        for (int i = 0; i < actions.size(); i++) {
            ProblemProgress next = apply(p, actions.get(i), i);
            int step = new ProgressChange(p, next).pointsGained();
            assertTrue(step >= 0);
            gained += step;
            p = next;
            if (actions.get(i) instanceof Attempt a) {
                best = Math.max(best, a.points());
            }
        }
        assertEquals(best, p.pointsEarned());
        assertEquals(best, gained);
    }

    @Property
    void completionIsTheFirstCorrectAttempt(@ForAll("actions") List<Action> actions) {
        ProblemProgress p = ProgressFixtures.fresh();
        Optional<Instant> firstCorrect = Optional.empty();
        int solvedEvents = 0;
        for (int i = 0; i < actions.size(); i++) {
            ProblemProgress next = apply(p, actions.get(i), i);
            solvedEvents += new ProgressChange(p, next).solvedNow() ? 1 : 0;
            p = next;
            if (firstCorrect.isEmpty() && actions.get(i) instanceof Attempt a && a.outcome() == Verdict.Outcome.CORRECT) {
                firstCorrect = Optional.of(ProgressFixtures.at(a.second()));
            }
        }
        assertEquals(firstCorrect, p.completedAt());
        assertEquals(firstCorrect.isPresent() ? 1 : 0, solvedEvents);
    }

    @Property
    void hintsRevealedAreExactlyTheHintsAskedFor(@ForAll("actions") List<Action> actions) {
        ProblemProgress p = ProgressFixtures.fresh();
        var asked = new TreeSet<Integer>();
        for (int i = 0; i < actions.size(); i++) {
            p = apply(p, actions.get(i), i);
            if (actions.get(i) instanceof Hint h) {
                asked.add(h.number());
            }
        }
        assertEquals(asked, p.hintsRevealed());
        assertTrue(!p.timeSpent().isNegative() && p.timeSpent().compareTo(Duration.ofSeconds(100_000)) <= 0);
    }
}
