package org.praxis.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExactAnswerGraderTest {
    private static final Grader JOIN = BuiltInGraders.forSettings(GraderSettings.ExactAnswer.lenient("INNER JOIN", "join"));

    @Test
    void anyAcceptedAnswerIsCorrect() {
        assertEquals(new Verdict(Verdict.Outcome.CORRECT, Score.FULL, "Correct.", List.of()), JOIN.grade("inner join"));
        assertTrue(JOIN.grade("Join").isCorrect());
    }

    @Test
    void surroundingAndRepeatedWhitespaceAndCaseAreIgnoredByDefault() {
        assertTrue(JOIN.grade("  Inner\t\tJOIN \n").isCorrect());
    }

    @Test
    void aWrongAnswerIsIncorrectWithZeroAndNeverRevealsTheAnswer() {
        Verdict verdict = JOIN.grade("outer join");
        assertEquals(new Verdict(Verdict.Outcome.INCORRECT, Score.ZERO, "That is not the expected answer.", List.of()), verdict);
        assertFalse(verdict.feedback().toLowerCase().contains("inner"));
    }

    @Test
    void anEmptyAnswerSaysSo() {
        assertEquals("Your answer is empty.", JOIN.grade("   ").feedback());
        assertEquals("Your answer is empty.", JOIN.grade(null).feedback());
    }

    @Test
    void caseSensitiveAnswersPointAtCaseWithoutRevealing() {
        Grader grader = BuiltInGraders.forSettings(new GraderSettings.ExactAnswer(List.of("SELECT"), true, true));
        assertTrue(grader.grade(" SELECT ").isCorrect());
        Verdict nearMiss = grader.grade("select");
        assertEquals(Verdict.Outcome.INCORRECT, nearMiss.outcome());
        assertEquals("Almost: check upper and lower case.", nearMiss.feedback());
        assertEquals("That is not the expected answer.", grader.grade("insert").feedback());
    }

    @Test
    void significantWhitespaceIsComparedVerbatim() {
        Grader grader = BuiltInGraders.forSettings(new GraderSettings.ExactAnswer(List.of("a  b"), false, false));
        assertTrue(grader.grade("A  B").isCorrect());
        assertEquals("Almost: check the spacing.", grader.grade("a b").feedback());
    }

    @Test
    void overlongAnswersAreIncorrectNotErrors() {
        Verdict verdict = JOIN.grade("x".repeat(10_001));
        assertEquals(Verdict.Outcome.INCORRECT, verdict.outcome());
        assertEquals("Answers to this problem are at most 10000 characters long.", verdict.feedback());
    }

    @Test
    void acceptedAnswersMustBeUsable() {
        assertThrows(IllegalArgumentException.class, () -> new GraderSettings.ExactAnswer(List.of(), false, true));
        assertThrows(IllegalArgumentException.class, () -> GraderSettings.ExactAnswer.lenient("ok", "  "));
    }
}
