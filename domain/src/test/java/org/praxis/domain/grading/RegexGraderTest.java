package org.praxis.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.praxis.domain.grading.GraderSettings.RegularExpression;
import org.praxis.domain.grading.GraderSettings.RegularExpression.Flag;

class RegexGraderTest {

    private static Grader grader(String pattern, Flag... flags) {
        return BuiltInGraders.forSettings(new RegularExpression(pattern, Set.of(flags)));
    }

    @Test
    void theWholeAnswerMustMatch() {
        Grader year = grader("\\d{4}");
        assertTrue(year.grade("1984").isCorrect());
        assertEquals(Verdict.Outcome.INCORRECT, year.grade("in 1984").outcome());
        assertEquals(Verdict.Outcome.INCORRECT, year.grade("19845").outcome());
        assertEquals("That is not the expected answer.", year.grade("abcd").feedback());
    }

    @Test
    void surroundingWhitespaceIsIgnoredButInnerWhitespaceCounts() {
        Grader grader = grader("group by");
        assertTrue(grader.grade("  group by\n").isCorrect());
        assertEquals(Verdict.Outcome.INCORRECT, grader.grade("group  by").outcome());
    }

    @Test
    void caseMattersUnlessIgnoreCaseIsSet() {
        assertEquals(Verdict.Outcome.INCORRECT, grader("select").grade("SELECT").outcome());
        assertTrue(grader("select", Flag.IGNORE_CASE).grade("SELECT").isCorrect());
        assertTrue(grader("stra(ss|ß)e", Flag.IGNORE_CASE).grade("STRASSE").isCorrect());
    }

    @Test
    void nestedUnboundedRepetitionIsRefusedAtConstruction() {
        for (String pattern : new String[] {"(a+)+b", "(a*)*", "(\\w+\\s?)*$", "((ab)+c)*", "(x+){2,}", "(?:a+){1,10}"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> new RegularExpression(pattern, Set.of()), pattern);
            assertEquals("unusable answer pattern: a repeated group contains an unbounded repetition (like (a+)+), which can take exponential time",
                    e.getMessage(), pattern);
        }
    }

    @Test
    void backReferencesAreRefusedAtConstruction() {
        var e = assertThrows(IllegalArgumentException.class, () -> new RegularExpression("(a)\\1", Set.of()));
        assertEquals("unusable answer pattern: back-references are not allowed (they can take exponential time)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RegularExpression("(?<x>a)\\k<x>", Set.of()));
    }

    @Test
    void safeShapesAreAccepted() {
        for (String pattern : new String[] {"(ab)+", "(a|b)*c", "a+b+", "(a+)?", "(a+){1}", "[(+*)]+", "\\(a+\\)+", "\\\\1", "\\Q(a+)+\\E",
                "(?i)select\\s+\\*\\s+from\\s+\\w+;?"}) {
            new RegularExpression(pattern, Set.of());
        }
    }

    @Test
    void brokenPatternsAreRefusedWithTheReason() {
        var e = assertThrows(IllegalArgumentException.class, () -> new RegularExpression("(unclosed", Set.of()));
        assertTrue(e.getMessage().startsWith("unusable answer pattern: the pattern does not compile: "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RegularExpression("", Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new RegularExpression("a".repeat(501), Set.of()));
    }

    @Test
    void catastrophicBacktrackingThatSlipsThroughIsStoppedByTheStepBudget() {
        // Adjacent overlapping repetitions backtrack polynomially: about 5.7e9 reads for 200 characters
        // (34 s measured on JDK 17) without the budget of 1e6 reads.
        Grader overlapping = grader("a*a*a*a*a*b");
        Verdict verdict = overlapping.grade("a".repeat(200));
        assertEquals(Verdict.error("Your answer could not be checked in time; try a shorter or simpler answer."), verdict);
        assertTrue(overlapping.grade("aaab").isCorrect());
        assertEquals(Verdict.Outcome.INCORRECT, overlapping.grade("a".repeat(20)).outcome());
    }

    @Test
    void answersLongerThanTheLimitAreIncorrect() {
        Verdict verdict = grader("a*").grade("a".repeat(1001));
        assertEquals(Verdict.Outcome.INCORRECT, verdict.outcome());
        assertEquals("Answers to this problem are at most 1000 characters long.", verdict.feedback());
        assertTrue(grader("a*").grade("a".repeat(1000)).isCorrect());
    }

    @Test
    void emptyAnswersAreIncorrect() {
        assertEquals("Your answer is empty.", grader("a*").grade("  ").feedback());
    }
}
