package org.praxis.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuiltInGradersTest {

    @Test
    void builtInSettingsGetAGrader() {
        assertTrue(BuiltInGraders.find(GraderSettings.ExactAnswer.lenient("42")).orElseThrow().grade("42").isCorrect());
        assertTrue(BuiltInGraders.find(new GraderSettings.Numeric(BigDecimal.TEN, BigDecimal.ZERO)).orElseThrow().grade("10").isCorrect());
    }

    @Test
    void externalSettingsAreLeftToAdapters() {
        assertEquals(Optional.empty(), BuiltInGraders.find(new GraderSettings.SqlResult("create table t(x int);", "select x from t", false, 2000)));
        assertEquals(Optional.empty(), BuiltInGraders.find(new GraderSettings.AiJudge("The model overfits.", "", 70)));
        assertEquals(Optional.empty(), BuiltInGraders.find(new GraderSettings.TestSuite(
                List.of(new GraderSettings.TestCase("sums", "1 2", "3", false, 1000, 64)))));
    }

    @Test
    void everySettingsTypeHasAStableDiscriminator() {
        assertEquals("exact", GraderSettings.ExactAnswer.lenient("a").type());
        assertEquals("numeric", new GraderSettings.Numeric(BigDecimal.ONE, BigDecimal.ZERO).type());
        assertEquals("single-choice", new GraderSettings.SingleChoice(List.of("a", "b"), 0).type());
        assertEquals("multiple-choice", new GraderSettings.MultipleChoice(List.of("a", "b"), java.util.Set.of(0), true).type());
        assertEquals("regex", new GraderSettings.RegularExpression("a", java.util.Set.of()).type());
        assertEquals("sql", new GraderSettings.SqlResult("s", "q", true, 1).type());
        assertEquals("tests", new GraderSettings.TestSuite(List.of(new GraderSettings.TestCase("t", "", "", true, 1, 1))).type());
        assertEquals("ai-judge", new GraderSettings.AiJudge("r", null, 0).type());
    }
}
