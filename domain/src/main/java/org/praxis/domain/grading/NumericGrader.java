package org.praxis.domain.grading;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Grades {@link GraderSettings.Numeric}: correct when {@code |answer - value| <= tolerance}.
 * Accepted forms: optional sign, digits with an optional dot, optional exponent of at most four
 * digits ({@code 42}, {@code -3.5}, {@code .5}, {@code 1.2e3}); the Unicode minus sign counts as a minus. The exponent bound keeps the exact
 * decimal arithmetic small; anything else is INCORRECT with a hint about the format, never an exception.
 */
final class NumericGrader implements Grader {
    static final int MAX_ANSWER_LENGTH = 100;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d{1,4})?");

    private final GraderSettings.Numeric settings;

    NumericGrader(GraderSettings.Numeric settings) {
        this.settings = settings;
    }

    @Override
    public Verdict grade(String answer) {
        // U+2212 is the minus sign word processors and calculators paste instead of a hyphen.
        String text = Normalisation.LENIENT.apply(answer).replace('\u2212', '-');
        if (text.isEmpty()) {
            return incorrect(Feedback.EMPTY + " " + Feedback.NOT_A_NUMBER);
        }
        if (text.length() > MAX_ANSWER_LENGTH) {
            return incorrect(Feedback.tooLong(MAX_ANSWER_LENGTH));
        }
        if (!NUMBER.matcher(text).matches()) {
            boolean decimalComma = text.indexOf(',') >= 0 && text.indexOf('.') < 0
                    && NUMBER.matcher(text.replace(',', '.')).matches();
            return incorrect(decimalComma ? Feedback.DECIMAL_COMMA : Feedback.NOT_A_NUMBER);
        }
        BigDecimal given = new BigDecimal(text);
        if (given.subtract(settings.value()).abs().compareTo(settings.tolerance()) <= 0) {
            return Verdict.correct(Feedback.CORRECT, List.of());
        }
        return incorrect(Feedback.WRONG_NUMBER);
    }

    private static Verdict incorrect(String feedback) {
        return Verdict.incorrect(Score.ZERO, feedback, List.of());
    }
}
