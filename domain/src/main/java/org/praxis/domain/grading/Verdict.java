package org.praxis.domain.grading;

import java.util.List;
import java.util.Objects;

/**
 * What a grader decided about one answer. {@code ERROR} means the answer could not be judged
 * (it did not run, or timed out): it is not the learner being wrong, and it scores nothing.
 */
public record Verdict(Outcome outcome, Score score, String feedback, List<TestResult> tests) {

    public enum Outcome { CORRECT, INCORRECT, ERROR }

    public Verdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(score, "score");
        feedback = feedback == null ? "" : feedback;
        tests = List.copyOf(tests);
        if (outcome != Outcome.CORRECT && score.value() == 100) {
            throw new IllegalArgumentException("a full score is only possible for a correct answer");
        }
    }

    public static Verdict correct(String feedback, List<TestResult> tests) {
        return new Verdict(Outcome.CORRECT, Score.FULL, feedback, tests);
    }

    public static Verdict incorrect(Score partial, String feedback, List<TestResult> tests) {
        return new Verdict(Outcome.INCORRECT, partial, feedback, tests);
    }

    public static Verdict error(String feedback) {
        return new Verdict(Outcome.ERROR, Score.ZERO, feedback, List.of());
    }

    public boolean isCorrect() {
        return outcome == Outcome.CORRECT;
    }
}
