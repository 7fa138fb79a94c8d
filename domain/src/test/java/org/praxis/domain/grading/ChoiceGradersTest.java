package org.praxis.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChoiceGradersTest {
    private static final List<String> OPTIONS = List.of("INNER JOIN", "LEFT JOIN", "CROSS JOIN", "UNION");
    private static final Grader SINGLE = BuiltInGraders.forSettings(new GraderSettings.SingleChoice(OPTIONS, 1));
    private static final Grader MULTIPLE = BuiltInGraders.forSettings(new GraderSettings.MultipleChoice(OPTIONS, Set.of(0, 1, 2), true));
    private static final Grader ALL_OR_NOTHING = BuiltInGraders.forSettings(new GraderSettings.MultipleChoice(OPTIONS, Set.of(0, 1), false));

    @Test
    void singleChoiceIsCorrectOnlyForTheCorrectIndex() {
        assertTrue(SINGLE.grade(" 1 ").isCorrect());
        Verdict wrong = SINGLE.grade("0");
        assertEquals(Verdict.Outcome.INCORRECT, wrong.outcome());
        assertEquals("That is not the right option.", wrong.feedback());
    }

    @Test
    void singleChoiceRefusesMalformedAnswersWithAHint() {
        for (String answer : new String[] {"4", "-1", "b", "0,1", "1.0"}) {
            assertEquals("Choose one option by its number, 0 to 3.", SINGLE.grade(answer).feedback(), answer);
        }
        assertEquals("Your answer is empty. Choose one option by its number, 0 to 3.", SINGLE.grade(" ").feedback());
        assertEquals("Choose one option by its number, 0 to 3.", SINGLE.grade("1,1").feedback());
    }

    @Test
    void multipleChoiceNeedsExactlyTheCorrectSetInAnyOrder() {
        assertTrue(MULTIPLE.grade("2, 0,1").isCorrect());
        assertTrue(MULTIPLE.grade("0,1,2,2").isCorrect());
    }

    @Test
    void partialCreditIsRightMinusWrongOverCorrectRoundedDown() {
        assertEquals(66, MULTIPLE.grade("0,1").score().value());       // 2 right, 0 wrong: 200/3
        assertEquals(33, MULTIPLE.grade("0,1,3").score().value());     // 2 right, 1 wrong: 100/3
        assertEquals(66, MULTIPLE.grade("0,1,2,3").score().value());   // 3 right, 1 wrong: 200/3
        assertEquals(0, MULTIPLE.grade("3").score().value());          // 0 right, 1 wrong: clamped to 0
        assertEquals("Partly right: some of your choices are right, but not exactly the right set.", MULTIPLE.grade("0").feedback());
        assertEquals("That is not the right set of options.", MULTIPLE.grade("3").feedback());
        assertEquals(Verdict.Outcome.INCORRECT, MULTIPLE.grade("0,1").outcome());
    }

    @Test
    void withoutPartialCreditAnIncompleteSetScoresZero() {
        assertTrue(ALL_OR_NOTHING.grade("1,0").isCorrect());
        assertEquals(Score.ZERO, ALL_OR_NOTHING.grade("0").score());
        assertEquals("That is not the right set of options.", ALL_OR_NOTHING.grade("0").feedback());
    }

    @Test
    void multipleChoiceRefusesMalformedAnswersWithAHint() {
        assertEquals("Choose options by their numbers, 0 to 3, separated by commas.", MULTIPLE.grade("0;1").feedback());
        assertEquals("Choose options by their numbers, 0 to 3, separated by commas.", MULTIPLE.grade("0,,1").feedback());
        assertEquals("Choose options by their numbers, 0 to 3, separated by commas.", MULTIPLE.grade("9").feedback());
        assertEquals("Your answer is empty. Choose options by their numbers, 0 to 3, separated by commas.", MULTIPLE.grade("").feedback());
    }

    @Test
    void choiceSettingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new GraderSettings.SingleChoice(List.of("only"), 0));
        assertThrows(IllegalArgumentException.class, () -> new GraderSettings.SingleChoice(OPTIONS, 4));
        assertThrows(IllegalArgumentException.class, () -> new GraderSettings.SingleChoice(List.of("Yes", " yes "), 0));
        assertThrows(IllegalArgumentException.class, () -> new GraderSettings.MultipleChoice(OPTIONS, Set.of(), true));
        assertThrows(IllegalArgumentException.class, () -> new GraderSettings.MultipleChoice(OPTIONS, Set.of(0, 7), true));
    }
}
