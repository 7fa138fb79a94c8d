package org.praxis.domain.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.praxis.domain.curriculum.CurriculumFixtures.AGGREGATES;
import static org.praxis.domain.curriculum.CurriculumFixtures.content;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.praxis.domain.grading.GraderSettings;

class ProblemContentTest {
    static final List<Hint> HINTS = List.of(new Hint("Use an aggregate.", 10), new Hint("COUNT(*) counts rows.", 30), new Hint("Free.", 0));

    @Test
    void defaultsComeFromSeed000() {
        ProblemContent c = content("How many rows?");
        assertEquals(100, c.basePoints());
        assertEquals(50, c.timeBonusPoints());
        assertEquals(300, c.estimatedSeconds());
        assertEquals(150, c.maximumPoints());
        assertEquals(List.of(), c.hints());
        assertEquals(false, c.premium());
        assertEquals(Optional.empty(), c.company());
        assertEquals("", c.starterCode());
    }

    @Test
    void hintsAreNumberedFromOneInOrder() {
        ProblemContent c = content("s").withHints(HINTS);
        assertEquals(new Hint("Use an aggregate.", 10), c.hint(1));
        assertEquals(new Hint("Free.", 0), c.hint(3));
        assertEquals("this problem has 3 hints; no hint number 4", assertThrows(IllegalArgumentException.class, () -> c.hint(4)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.hint(0));
    }

    @Test
    void hintPenaltyAddsTheRevealedHintsOnce() {
        ProblemContent c = content("s").withHints(HINTS);
        assertEquals(40, c.hintPenalty(List.of(1, 2, 2, 3)));
        assertEquals(0, c.hintPenalty(Set.of()));
        assertThrows(IllegalArgumentException.class, () -> c.hintPenalty(Set.of(5)));
    }

    @Test
    void hintPenaltiesCannotExceedTheMostAProblemCanAward() {
        ProblemContent c = content("s").withPoints(20, 10, 60);
        c.withHints(List.of(new Hint("a", 15), new Hint("b", 15)));
        var e = assertThrows(IllegalArgumentException.class, () -> c.withHints(List.of(new Hint("a", 15), new Hint("b", 16))));
        assertEquals("hint penalties add up to 31, more than the 30 points the problem can award", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Hint("negative", -1));
        assertThrows(IllegalArgumentException.class, () -> new Hint(" ", 1));
    }

    @Test
    void pointsAndEstimatedTimeAreValidated() {
        ProblemContent c = content("s");
        assertThrows(IllegalArgumentException.class, () -> c.withPoints(-1, 50, 300));
        assertThrows(IllegalArgumentException.class, () -> c.withPoints(100, -1, 300));
        assertEquals("the estimated time must be at least 1 second, was 0",
                assertThrows(IllegalArgumentException.class, () -> c.withPoints(100, 50, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.withPoints(Integer.MAX_VALUE, 1, 300));
        assertEquals(0, c.withPoints(0, 0, 1).maximumPoints());
    }

    @Test
    void graderSettingsMustFitTheKind() {
        var e = assertThrows(IllegalArgumentException.class, () -> content("s")
                .withGrader(new GraderSettings.Numeric(BigDecimal.ONE, BigDecimal.ZERO)));
        assertEquals("a ANSWER problem cannot be graded by 'numeric' settings; use one of [exact, regex]", e.getMessage());
        ProblemContent choice = ProblemContent.of("Pick", "Which?", ProblemKind.CHOICE, Difficulty.INTERMEDIATE, AGGREGATES,
                new GraderSettings.SingleChoice(List.of("a", "b"), 0));
        assertEquals(ProblemKind.CHOICE, choice.kind());
    }

    @Test
    void everyKindAcceptsOnlyItsGraders() {
        assertEquals(Set.of("exact", "regex"), ProblemKind.ANSWER.graderTypes());
        assertEquals(Set.of("numeric"), ProblemKind.NUMERIC.graderTypes());
        assertEquals(Set.of("single-choice", "multiple-choice"), ProblemKind.CHOICE.graderTypes());
        assertEquals(Set.of("sql"), ProblemKind.SQL.graderTypes());
        assertEquals(Set.of("tests"), ProblemKind.CODE.graderTypes());
        assertEquals(Set.of("ai-judge", "tests"), ProblemKind.CODE_REVIEW.graderTypes());
        assertEquals(Set.of("ai-judge"), ProblemKind.DIAGNOSIS.graderTypes());
        assertEquals(Set.of("ai-judge"), ProblemKind.FREE_TEXT.graderTypes());
    }

    @Test
    void textsAndTagsAreValidated() {
        ProblemContent c = content("s");
        assertThrows(IllegalArgumentException.class, () -> c.withStatement(" "));
        assertThrows(IllegalArgumentException.class, () -> ProblemContent.of("x".repeat(201), "s", ProblemKind.ANSWER,
                Difficulty.BEGINNER, AGGREGATES, GraderSettings.ExactAnswer.lenient("a")));
        assertEquals("duplicate tag: Joins",
                assertThrows(IllegalArgumentException.class, () -> c.withCatalogueData(false, List.of("joins", "Joins"), Optional.empty())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.withCatalogueData(false, List.of("x".repeat(51)), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> c.withCatalogueData(false, List.of(), Optional.of(" ")));
        ProblemContent tagged = c.withCatalogueData(true, List.of("joins", "window-functions"), Optional.of("Netflix"));
        assertEquals(List.of("joins", "window-functions"), tagged.tags());
        assertEquals(Optional.of("Netflix"), tagged.company());
        assertEquals(true, tagged.premium());
    }

    @Test
    void missingCodeBecomesEmptyText() {
        ProblemContent c = content("s").withCode(null, null);
        assertEquals("", c.starterCode());
        assertEquals("", c.solution());
    }
}
