package org.praxis.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class GradingProperties {

    @Provide
    Arbitrary<String> answers() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withChars("0123456789.,-+eE aA \t\n").ofMaxLength(20),
                Arbitraries.strings().withChars("abcABCßİıſ\u0301\u00E9 \u00A0\t").ofMaxLength(20),
                Arbitraries.of("", " ", "0", "1,2", "3.14", "inner join", "a".repeat(2000)));
    }

    @Provide
    Arbitrary<Grader> graders() {
        return Arbitraries.of(
                BuiltInGraders.forSettings(GraderSettings.ExactAnswer.lenient("inner join", "Straße")),
                BuiltInGraders.forSettings(new GraderSettings.ExactAnswer(List.of("A  b"), true, false)),
                BuiltInGraders.forSettings(new GraderSettings.Numeric(new BigDecimal("3.14"), new BigDecimal("0.01"))),
                BuiltInGraders.forSettings(new GraderSettings.SingleChoice(List.of("a", "b", "c"), 2)),
                BuiltInGraders.forSettings(new GraderSettings.MultipleChoice(List.of("a", "b", "c", "d"), Set.of(0, 2), true)),
                BuiltInGraders.forSettings(new GraderSettings.RegularExpression("a*a*a*a*a*b", Set.of())),
                BuiltInGraders.forSettings(new GraderSettings.RegularExpression("\\d+(\\.\\d+)?", Set.of(GraderSettings.RegularExpression.Flag.IGNORE_CASE))));
    }

    @Property
    void normalisationIsIdempotent(@ForAll("answers") String text, @ForAll boolean caseSensitive, @ForAll boolean normaliseWhitespace) {
        var normalisation = new Normalisation(caseSensitive, normaliseWhitespace);
        String once = normalisation.apply(text);
        assertEquals(once, normalisation.apply(once));
    }

    @Property
    void lenientNormalisationLeavesNoSurroundingOrRepeatedWhitespace(@ForAll("answers") String text) {
        String normal = Normalisation.LENIENT.apply(text);
        assertEquals(normal.strip(), normal);
        assertTrue(!normal.contains("  "), normal);
    }

    @Property
    void aVerdictScoreIsWithin0And100AndGradersNeverThrow(@ForAll("graders") Grader grader, @ForAll("answers") String answer) {
        Verdict verdict = grader.grade(answer);
        assertTrue(verdict.score().value() >= 0 && verdict.score().value() <= 100);
        assertEquals(verdict.isCorrect(), verdict.score().value() == 100);
    }

    @Property
    void feedbackNeverContainsAnAcceptedAnswer(@ForAll @StringLength(min = 3, max = 12) @AlphaChars String letters,
                                               @ForAll("answers") String answer) {
        // The digit 7 appears in no feedback text, so a leak of the answer is the only way to find it there.
        String accepted = letters + "7";
        Grader grader = BuiltInGraders.forSettings(new GraderSettings.ExactAnswer(List.of(accepted), true, false));
        Verdict verdict = grader.grade(answer);
        if (!verdict.isCorrect()) {
            assertTrue(!verdict.feedback().toLowerCase().contains(accepted.toLowerCase()), verdict.feedback());
        }
    }

    @Property
    void numericGradingAcceptsExactlyTheValuesWithinTolerance(@ForAll @IntRange(min = -1000, max = 1000) int hundredths) {
        Grader grader = BuiltInGraders.forSettings(new GraderSettings.Numeric(new BigDecimal("3.14"), new BigDecimal("0.05")));
        BigDecimal answer = new BigDecimal(hundredths).movePointLeft(2);
        boolean within = answer.subtract(new BigDecimal("3.14")).abs().compareTo(new BigDecimal("0.05")) <= 0;
        assertEquals(within, grader.grade(answer.toPlainString()).isCorrect());
    }

    @Property
    void partialCreditNeverReachesFullUnlessExactlyRight(@ForAll Set<@IntRange(min = 0, max = 5) Integer> chosen,
                                                          @ForAll @StringLength(max = 0) String unused) {
        var correct = Set.of(1, 3, 4);
        Grader grader = BuiltInGraders.forSettings(new GraderSettings.MultipleChoice(List.of("a", "b", "c", "d", "e", "f"), correct, true));
        var answer = String.join(",", chosen.stream().map(String::valueOf).toList());
        Verdict verdict = grader.grade(answer);
        assertEquals(chosen.equals(correct), verdict.isCorrect());
        if (!chosen.isEmpty() && !chosen.equals(correct)) {
            long right = chosen.stream().filter(correct::contains).count();
            long wrong = chosen.size() - right;
            assertEquals((int) (100 * Math.max(0, right - wrong) / 3), verdict.score().value());
        }
    }
}
