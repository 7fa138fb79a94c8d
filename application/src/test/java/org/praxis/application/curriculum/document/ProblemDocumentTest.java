package org.praxis.application.curriculum.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.application.curriculum.testing.ContentFolderBuilder.list;
import static org.praxis.application.curriculum.testing.ContentFolderBuilder.map;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.praxis.domain.curriculum.Difficulty;
import org.praxis.domain.curriculum.Hint;
import org.praxis.domain.curriculum.ProblemContent;
import org.praxis.domain.curriculum.ProblemKind;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.grading.GraderSettings;

class ProblemDocumentTest {
    private static final TopicSlug TOPIC = new TopicSlug("sql");

    private static ProblemContent read(Map<String, Object> document) {
        var errors = new FieldErrors();
        var content = ProblemDocument.read(Node.root(document, errors), ProblemDocument.Form.INLINE, ProblemDocument.Texts.NONE);
        assertEquals(List.of(), errors.list());
        return content.orElseThrow();
    }

    @Test
    void everyGraderTypeSurvivesTheRoundTripThroughItsDocument() {
        List<ProblemContent> contents = List.of(
                ProblemContent.of("Exact", "S", ProblemKind.ANSWER, Difficulty.BEGINNER, TOPIC, new GraderSettings.ExactAnswer(List.of("a", "b"), true, false)),
                ProblemContent.of("Regex", "S", ProblemKind.ANSWER, Difficulty.BEGINNER, TOPIC,
                        new GraderSettings.RegularExpression("4[0-9]", Set.of(GraderSettings.RegularExpression.Flag.IGNORE_CASE))),
                ProblemContent.of("Numeric", "S", ProblemKind.NUMERIC, Difficulty.BEGINNER, TOPIC,
                        new GraderSettings.Numeric(new BigDecimal("3.14"), new BigDecimal("0.005"))),
                ProblemContent.of("Multi", "S", ProblemKind.CHOICE, Difficulty.BEGINNER, TOPIC,
                        new GraderSettings.MultipleChoice(List.of("x", "y", "z"), Set.of(0, 2), true)),
                ProblemContent.of("SQL", "S", ProblemKind.SQL, Difficulty.EXPERT, TOPIC,
                        new GraderSettings.SqlResult("create table t(x int);", "select x from t", true, 500)),
                ProblemContent.of("SQL variants", "S", ProblemKind.SQL, Difficulty.ADVANCED, TOPIC,
                        new GraderSettings.SqlResult("create table t(x numeric);", "insert into t values (1.5);",
                                List.of(new GraderSettings.SqlDataSet("empty", true, ""), new GraderSettings.SqlDataSet("ties", false, "insert into t values (2), (2);")),
                                "select x from t order by x", new GraderSettings.SqlComparison(true, true, new BigDecimal("0.01")), 800)),
                ProblemContent.of("Judge", "S", ProblemKind.FREE_TEXT, Difficulty.ADVANCED, TOPIC, new GraderSettings.AiJudge("Because.", "Be kind.", 60))
                        .withHints(List.of(new Hint("first", 5), new Hint("second", 0)))
                        .withCatalogueData(true, List.of("a", "B"), Optional.of("Acme"))
                        .withCode("-- start", "The answer."));
        for (ProblemContent content : contents) {
            assertEquals(content, read(ProblemDocument.write(content, ProblemDocument.Form.INLINE)), content.title());
        }
    }

    @Test
    void theApiExampleDocumentReadsWithItsAnswerShorthandAndTheGeneralTopic() {
        var content = read(map("title", "HTTP", "kind", "answer", "difficulty", "beginner", "statement", "What does HTTP stand for?",
                "hints", list(map("text", "Hypertext...", "penalty", 10)), "answer", map("accepted", list("Hypertext Transfer Protocol"),
                        "caseSensitive", false), "basePoints", 100, "timeBonusPoints", 50, "estimatedSeconds", 300));
        assertEquals(GraderSettings.ExactAnswer.lenient("Hypertext Transfer Protocol"), content.grader());
        assertEquals(ProblemDocument.DEFAULT_TOPIC, content.topic());
    }

    @Test
    void decimalsWrittenDifferentlyButMeaningTheSameReadTheSame() {
        var asNumber = read(map("title", "N", "kind", "numeric", "difficulty", "beginner", "statement", "S",
                "grader", map("type", "numeric", "value", 1000.0, "tolerance", new BigDecimal("1E-2"))));
        var asText = read(map("title", "N", "kind", "numeric", "difficulty", "beginner", "statement", "S",
                "grader", map("type", "numeric", "value", "1000.0", "tolerance", "0.01")));
        assertEquals(asText, asNumber);
    }

    @Test
    void aGraderThatDoesNotFitTheKindIsReportedAtItsType() {
        var errors = new FieldErrors();
        ProblemDocument.read(Node.root(map("title", "T", "kind", "choice", "difficulty", "beginner", "statement", "S",
                "grader", map("type", "exact", "accepted", list("a"))), errors), ProblemDocument.Form.INLINE, ProblemDocument.Texts.NONE);
        assertEquals("grader.type: a choice problem cannot be graded by 'exact' settings; use one of [multiple-choice, single-choice]",
                errors.list().get(0).field() + ": " + errors.list().get(0).message());
    }

    @Test
    void sqlSettingsReadTheirDefaultsAndTheOldSetupScript() {
        var content = read(map("title", "T", "kind", "sql", "difficulty", "beginner", "statement", "S",
                "grader", map("type", "sql", "setupScript", "create table t(x int);", "referenceSolution", "select x from t")));
        assertEquals(new GraderSettings.SqlResult("create table t(x int);", "select x from t", false, 2000), content.grader());
    }

    @Test
    void sqlTestCasesAreCheckedByName() {
        var errors = new FieldErrors();
        ProblemDocument.read(Node.root(map("title", "T", "kind", "sql", "difficulty", "beginner", "statement", "S",
                "grader", map("type", "sql", "schema", "create table t(x int);", "referenceSolution", "select x from t",
                        "numericTolerance", "-1", "testCases", list(map("name", "sample", "rows", ""), map("hidden", true)))), errors),
                ProblemDocument.Form.INLINE, ProblemDocument.Texts.NONE);
        assertEquals(List.of("grader.numericTolerance: cannot be negative, was -1",
                        "grader.testCases[0].name: test case names must be unique and not 'sample'; 'sample' appears twice",
                        "grader.testCases[1].name: is required"),
                errors.list().stream().map(e -> e.field() + ": " + e.message()).toList());
    }
}
