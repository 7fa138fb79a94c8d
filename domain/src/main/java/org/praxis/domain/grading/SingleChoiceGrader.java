package org.praxis.domain.grading;

import java.util.List;

/** Grades {@link GraderSettings.SingleChoice}: the answer is one index, the correct option's. */
final class SingleChoiceGrader implements Grader {
    private final GraderSettings.SingleChoice settings;

    SingleChoiceGrader(GraderSettings.SingleChoice settings) {
        this.settings = settings;
    }

    @Override
    public Verdict grade(String answer) {
        int options = settings.options().size();
        var chosen = Choices.parseIndexes(answer, options).orElse(null);
        if (chosen == null || Normalisation.LENIENT.apply(answer).indexOf(',') >= 0) {
            return incorrect(Feedback.chooseOne(options));
        }
        if (chosen.isEmpty()) {
            return incorrect(Feedback.EMPTY + " " + Feedback.chooseOne(options));
        }
        return chosen.first() == settings.correct()
                ? Verdict.correct(Feedback.CORRECT, List.of())
                : incorrect(Feedback.WRONG_OPTION);
    }

    private static Verdict incorrect(String feedback) {
        return Verdict.incorrect(Score.ZERO, feedback, List.of());
    }
}
