package org.praxis.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumericGraderTest {
    private static final Grader PI = BuiltInGraders.forSettings(new GraderSettings.Numeric(new BigDecimal("3.14"), new BigDecimal("0.01")));

    @Test
    void toleranceIsAbsoluteAndInclusive() {
        assertTrue(PI.grade("3.14").isCorrect());
        assertTrue(PI.grade("3.15").isCorrect());
        assertTrue(PI.grade("3.13").isCorrect());
        assertEquals(Verdict.Outcome.INCORRECT, PI.grade("3.151").outcome());
        assertEquals(Verdict.Outcome.INCORRECT, PI.grade("3.129").outcome());
    }

    @Test
    void acceptedNumberFormats() {
        assertTrue(PI.grade(" +3.140 ").isCorrect());
        assertTrue(PI.grade("314e-2").isCorrect());
        assertTrue(PI.grade("0.314E1").isCorrect());
        Grader negative = BuiltInGraders.forSettings(new GraderSettings.Numeric(new BigDecimal("-2"), BigDecimal.ZERO));
        assertTrue(negative.grade("\u22122").isCorrect());
        Grader half = BuiltInGraders.forSettings(new GraderSettings.Numeric(new BigDecimal("0.5"), BigDecimal.ZERO));
        assertTrue(half.grade(".5").isCorrect());
        assertTrue(half.grade("0.50").isCorrect());
        assertEquals(Verdict.Outcome.INCORRECT, half.grade("0.5000001").outcome());
    }

    @Test
    void aWrongNumberNeverSaysWhichWay() {
        assertEquals("That number is not correct.", PI.grade("2").feedback());
        assertEquals("That number is not correct.", PI.grade("4").feedback());
    }

    @Test
    void nonNumbersAreIncorrectWithAFormatHint() {
        for (String answer : new String[] {"pi", "3.1.4", "NaN", "Infinity", "0x10", "1e", "--3", "1 000"}) {
            Verdict verdict = PI.grade(answer);
            assertEquals(Verdict.Outcome.INCORRECT, verdict.outcome(), answer);
            assertEquals(Score.ZERO, verdict.score());
            assertEquals("That is not a number. Enter a number such as 42, -3.5 or 1.2e3.", verdict.feedback(), answer);
        }
    }

    @Test
    void aDecimalCommaGetsItsOwnHint() {
        assertEquals("Use a dot as the decimal separator, for example 3.5.", PI.grade("3,14").feedback());
    }

    @Test
    void emptyAndHugeAnswersAreIncorrect() {
        assertEquals("Your answer is empty. That is not a number. Enter a number such as 42, -3.5 or 1.2e3.", PI.grade("").feedback());
        assertEquals("Answers to this problem are at most 100 characters long.", PI.grade("1".repeat(101)).feedback());
        assertEquals("That is not a number. Enter a number such as 42, -3.5 or 1.2e3.", PI.grade("1e99999").feedback());
        assertEquals(Verdict.Outcome.INCORRECT, PI.grade("9e9999").outcome());
    }

    @Test
    void negativeToleranceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GraderSettings.Numeric(BigDecimal.ONE, new BigDecimal("-0.1")));
    }
}
