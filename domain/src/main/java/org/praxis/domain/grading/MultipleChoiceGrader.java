package org.praxis.domain.grading;

import java.util.List;

/**
 * Grades {@link GraderSettings.MultipleChoice}: correct only for exactly the correct set. With
 * partial credit, {@code score = floor(100 * max(0, right - wrong) / correct.size())} where
 * {@code right} counts chosen correct options and {@code wrong} chosen incorrect ones; that is below
 * 100 for every answer other than the exact set, so a partial answer is never CORRECT.
 */
final class MultipleChoiceGrader implements Grader {
    private final GraderSettings.MultipleChoice settings;

    MultipleChoiceGrader(GraderSettings.MultipleChoice settings) {
        this.settings = settings;
    }

    @Override
    public Verdict grade(String answer) {
        int options = settings.options().size();
        var chosen = Choices.parseIndexes(answer, options).orElse(null);
        if (chosen == null) {
            return incorrect(0, Feedback.chooseSeveral(options));
        }
        if (chosen.isEmpty()) {
            return incorrect(0, Feedback.EMPTY + " " + Feedback.chooseSeveral(options));
        }
        if (chosen.equals(settings.correct())) {
            return Verdict.correct(Feedback.CORRECT, List.of());
        }
        if (!settings.partialCredit()) {
            return incorrect(0, Feedback.WRONG_OPTIONS);
        }
        int right = (int) chosen.stream().filter(settings.correct()::contains).count();
        int wrong = chosen.size() - right;
        int score = 100 * Math.max(0, right - wrong) / settings.correct().size();
        return incorrect(score, score > 0 ? Feedback.PARTLY_RIGHT_OPTIONS : Feedback.WRONG_OPTIONS);
    }

    private static Verdict incorrect(int score, String feedback) {
        return Verdict.incorrect(new Score(score), feedback, List.of());
    }
}
