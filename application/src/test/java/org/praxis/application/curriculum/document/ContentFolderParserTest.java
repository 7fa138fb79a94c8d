package org.praxis.application.curriculum.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.application.curriculum.testing.ContentFolderBuilder.answerProblem;
import static org.praxis.application.curriculum.testing.ContentFolderBuilder.choiceProblem;
import static org.praxis.application.curriculum.testing.ContentFolderBuilder.lesson;
import static org.praxis.application.curriculum.testing.ContentFolderBuilder.list;
import static org.praxis.application.curriculum.testing.ContentFolderBuilder.map;
import static org.praxis.application.curriculum.testing.ContentFolderBuilder.module;
import static org.praxis.application.curriculum.testing.ContentFolderBuilder.track;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.praxis.application.curriculum.port.in.ValidateContentUseCase.ContentError;
import org.praxis.application.curriculum.port.out.ContentFolders.FileContent;
import org.praxis.application.curriculum.testing.ContentFolderBuilder;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemKind;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.gamification.Criterion;
import org.praxis.domain.grading.GraderSettings;
import org.praxis.domain.scoring.XpSettings;

class ContentFolderParserTest {

    private static List<String> errors(ContentFolderBuilder folder) {
        return ContentFolderParser.parse(folder.build()).errors().stream().map(ContentError::toString).toList();
    }

    @Test
    void aValidFolderBecomesDomainValues() {
        var result = ContentFolderParser.parse(ContentFolderBuilder.sample("content").build());
        assertEquals(List.of(), result.errors());
        var snapshot = result.snapshot().orElseThrow();

        assertEquals(List.of("web", "html", "http", "arithmetic"), snapshot.topics().stream().map(t -> t.slug().value()).toList());
        assertEquals(Optional.of(new TopicSlug("web")), snapshot.topics().get(1).topic().parent());
        XpSettings xp = snapshot.topics().get(3).xp().orElseThrow();
        assertEquals(500, xp.maxXp());
        assertEquals(new BigDecimal("1.00"), xp.multiplierFull());
        assertEquals(XpSettings.DEFAULT.dailyXpDecay(), xp.dailyXpDecay(), "omitted keys take the defaults");
        assertEquals(List.of(0, 100, 250), xp.levelThresholds());

        var choice = snapshot.problems().get(new ProblemSlug("html-void-elements"));
        assertEquals(ProblemKind.CHOICE, choice.kind());
        assertEquals(new GraderSettings.SingleChoice(List.of("<div>", "<br>", "<p>"), 1), choice.grader());
        assertEquals("Which element is a void element?", choice.statement());
        assertEquals("`<br>` has no content, so no closing tag.", choice.solution());
        assertEquals(100, choice.basePoints());
        assertEquals(50, choice.timeBonusPoints());
        assertEquals(300, choice.estimatedSeconds());
        assertEquals(10, choice.hints().get(0).penalty());

        var numeric = (GraderSettings.Numeric) snapshot.problems().get(new ProblemSlug("quarter-as-decimal")).grader();
        assertEquals(new BigDecimal("0.005"), numeric.tolerance());

        var track = snapshot.tracks().get(0);
        assertEquals("web-basics", track.slug().value());
        assertEquals(List.of(new ModuleSlug("html-foundations")), track.modules().get(1).prerequisites());

        assertEquals(2, snapshot.ladder().ranks().size());
        assertEquals(new Criterion.LevelReached(new TopicSlug("html"), 2), snapshot.achievements().get(1).achievement().criterion());
    }

    @Test
    void everyProblemOfTheFolderIsReportedAtOnceWithFileAndField() {
        var wrongChoice = choiceProblem("Void elements", "html");
        wrongChoice.put("grader", map("type", "single-choice", "options", list("<div>", "<br>", "<p>"), "correct", 3));
        var tooManyPenalties = answerProblem("Created", "http");
        tooManyPenalties.put("hints", list(map("text", "Think of POST.", "penalty", 60), map("text", "Two hundred and...", "penalty", 60)));
        var folder = ContentFolderBuilder.sample("content")
                .problem("html-void-elements", wrongChoice, "Which element is a void element?", "")
                .problem("http-status-created", tooManyPenalties, "Which status code?", "")
                .yaml("tracks/web-basics.yaml", track("Web basics",
                        module("html-foundations", list("http-basics"), lesson("elements", "html-void-elements")),
                        module("http-basics", list("html-foundations", "html-basics"), lesson("status-codes", "http-status-created"))));

        assertEquals(List.of(
                "problems/html-void-elements/problem.yaml: grader.correct: must be an index within 0..2, was 3",
                "problems/http-status-created/problem.yaml: hints: penalties add up to 120, more than the 100 points the problem can award",
                "tracks/web-basics.yaml: modules[1].prerequisites[1]: unknown module 'html-basics'",
                "tracks/web-basics.yaml: modules: prerequisite cycle html-foundations -> http-basics -> html-foundations"), errors(folder));

        var cycle = ContentFolderBuilder.sample("content").yaml("tracks/web-basics.yaml", track("Web basics",
                module("html-foundations", list("http-basics"), lesson("elements", "html-void-elements")),
                module("http-basics", list("html-foundations"), lesson("status-codes", "http-status-created"))));
        assertEquals(List.of("tracks/web-basics.yaml: modules: prerequisite cycle html-foundations -> http-basics -> html-foundations"),
                errors(cycle));
    }

    @Test
    void referencesAcrossFilesAreChecked() {
        var unknownTopic = choiceProblem("Void elements", "css");
        var folder = ContentFolderBuilder.sample("content")
                .problem("html-void-elements", unknownTopic, "Which element is a void element?", "")
                .yaml("tracks/more-web.yaml", track("More web",
                        module("html-foundations", list(), lesson("again", "http-status-created", "no-such-problem"))))
                .yaml("gamification/achievements.yaml", map("achievements", list(
                        map("code", "css-level", "title", "CSS", "rarity", "epic", "criterion", map("type", "levelReached", "topic", "css", "level", 2)),
                        map("code", "typo", "title", "Typo", "rarity", "common", "criterion", map("type", "solvedCount")))));

        assertEquals(List.of(
                "gamification/achievements.yaml: achievements[1].criterion.count: is required",
                "gamification/achievements.yaml: achievements[0].criterion.topic: unknown topic 'css'",
                "problems/html-void-elements/problem.yaml: topic: unknown topic 'css'",
                "tracks/web-basics.yaml: modules[1].lessons[0].problems[0]: problem 'http-status-created' is already in a lesson of "
                        + "tracks/more-web.yaml (a problem belongs to at most one lesson of all tracks)",
                "tracks/web-basics.yaml: modules[0].slug: module 'html-foundations' is already defined in tracks/more-web.yaml "
                        + "(module slugs are unique across tracks)",
                "tracks/more-web.yaml: modules[0].lessons[0].problems[1]: unknown problem 'no-such-problem'").stream().sorted(
                        java.util.Comparator.comparing(line -> line.substring(0, line.indexOf(':')))).toList(),
                errors(folder));
    }

    @Test
    void filesAndKeysThatAreNotPartOfTheFormatAreErrors() {
        var typo = choiceProblem("Void elements", "html");
        typo.put("dificulty", "beginner");
        var folder = ContentFolderBuilder.sample("content")
                .problem("html-void-elements", typo, "Which element is a void element?", "")
                .without("problems/http-status-created/statement.md")
                .yaml("problems/quarter-as-decimal/problem.yml", map())
                .text("problems/quarter-as-decimal/notes.md", "ignored")
                .file("topics.yaml", new FileContent.Unreadable("is not valid YAML: line 3, column 7: mapping values are not allowed here"))
                .yaml("tracks/Web_Basics.yaml", track("Bad name"));

        List<String> errors = errors(folder);
        assertTrue(errors.contains("problems/html-void-elements/problem.yaml: dificulty: is not a field here; expected one of "
                + "[basePoints, company, difficulty, estimatedSeconds, grader, hints, kind, premium, tags, timeBonusPoints, title, topic]"), errors.toString());
        assertTrue(errors.contains("problems/http-status-created/statement.md: is missing; every problem needs a statement"), errors.toString());
        assertTrue(errors.contains("problems/quarter-as-decimal/problem.yml: YAML files of a content folder end in .yaml"), errors.toString());
        assertTrue(errors.contains("topics.yaml: is not valid YAML: line 3, column 7: mapping values are not allowed here"), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("tracks/Web_Basics.yaml: the file name is not a valid slug")), errors.toString());
        assertTrue(errors.stream().noneMatch(e -> e.contains("notes.md")), "other files are not read: " + errors);
    }

    @Test
    void theBadgeLadderMustClimbFromLevelOneWithoutEverRequiringLess() {
        var folder = ContentFolderBuilder.sample("content").yaml("gamification/badges.yaml", map("ranks", list(
                map("name", "Novice", "level", 1, "minPoints", 10, "minSolved", 0),
                map("name", "Adept", "level", 3, "minPoints", 5, "minSolved", 5))));
        assertEquals(List.of(
                "gamification/badges.yaml: ranks[0].minPoints: must be 0: the first rank requires nothing",
                "gamification/badges.yaml: ranks[1].level: must be 2, was 3 (levels start at 1 and go up by one)",
                "gamification/badges.yaml: ranks[1].minPoints: is less than the 10 of the rank below"), errors(folder));
    }

    @Test
    void aFolderThatDoesNotExistIsOneError() {
        var folder = new ContentFolderBuilder("nowhere").file(".", new FileContent.Unreadable("is not a folder"));
        assertEquals(List.of("nowhere: is not a folder"), errors(folder));
    }

    @Test
    void withoutBadgesTheDefaultLadderApplies() {
        var result = ContentFolderParser.parse(ContentFolderBuilder.sample("content").without("gamification/badges.yaml").build());
        assertEquals(org.praxis.domain.gamification.BadgeLadder.DEFAULT, result.snapshot().orElseThrow().ladder());
    }
}
