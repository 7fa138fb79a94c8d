package org.praxis.domain.grading;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Grades {@link GraderSettings.RegularExpression}: the answer, with surrounding white space removed
 * and in Unicode NFC, must match the whole pattern. Two guards keep a learner's answer from hanging
 * a thread on a pattern the static check let through: answers are at most
 * {@value #MAX_ANSWER_LENGTH} characters, and matching may read at most {@value #STEP_BUDGET}
 * characters in total (backtracking reads the same characters again and again); over budget, the
 * verdict is ERROR: the answer could not be judged. Counting reads rather than measuring time keeps
 * the result the same on every machine.
 */
final class RegexGrader implements Grader {
    static final int MAX_ANSWER_LENGTH = 1_000;
    static final long STEP_BUDGET = 1_000_000;

    private final Pattern pattern;

    RegexGrader(GraderSettings.RegularExpression settings) {
        this.pattern = Pattern.compile(settings.pattern(), settings.bits());
    }

    @Override
    public Verdict grade(String answer) {
        String text = Normalizer.normalize(strip(answer == null ? "" : answer), Normalizer.Form.NFC);
        if (text.length() > MAX_ANSWER_LENGTH) {
            return Verdict.incorrect(Score.ZERO, Feedback.tooLong(MAX_ANSWER_LENGTH), List.of());
        }
        if (text.isEmpty()) {
            return Verdict.incorrect(Score.ZERO, Feedback.EMPTY, List.of());
        }
        try {
            boolean matches = pattern.matcher(new BudgetedText(text, new long[] {STEP_BUDGET})).matches();
            return matches
                    ? Verdict.correct(Feedback.CORRECT, List.of())
                    : Verdict.incorrect(Score.ZERO, Feedback.WRONG_ANSWER, List.of());
        } catch (BudgetedText.Exhausted e) {
            return Verdict.error(Feedback.NOT_CHECKABLE);
        }
    }

    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && Normalisation.isWhitespace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && Normalisation.isWhitespace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /** A view of the answer that counts every character read against a shared budget. */
    static final class BudgetedText implements CharSequence {
        private final String text;
        private final long[] remaining;

        BudgetedText(String text, long[] remaining) {
            this.text = text;
            this.remaining = remaining;
        }

        @Override
        public char charAt(int index) {
            if (--remaining[0] < 0) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedText(text.substring(start, end), remaining);
        }

        @Override
        public String toString() {
            return text;
        }

        static final class Exhausted extends RuntimeException {
            Exhausted() {
                super("regular expression step budget exhausted", null, false, false);
            }
        }
    }
}
