package org.praxis.application.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.application.curriculum.testing.ContentFolderBuilder.answerProblem;
import static org.praxis.application.curriculum.testing.ContentFolderBuilder.lesson;
import static org.praxis.application.curriculum.testing.ContentFolderBuilder.list;
import static org.praxis.application.curriculum.testing.ContentFolderBuilder.map;
import static org.praxis.application.curriculum.testing.ContentFolderBuilder.module;
import static org.praxis.application.curriculum.testing.ContentFolderBuilder.track;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.ChangeKind;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.Command;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.Outcome;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.Report;
import org.praxis.application.curriculum.port.out.Problems.StoredProblem;
import org.praxis.application.curriculum.port.out.Tracks.StoredTrack;
import org.praxis.application.curriculum.testing.ContentFolderBuilder;
import org.praxis.application.curriculum.testing.CurriculumFakes;
import org.praxis.application.grading.port.out.ReferenceSolutions;
import org.praxis.application.grading.port.out.ReferenceSolutions.Failure;
import org.praxis.application.grading.port.out.ReferenceSolutions.Part;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.PublicationState;
import org.praxis.domain.curriculum.TrackSlug;

class ContentSyncServiceTest {
    private static final ProblemSlug CREATED = new ProblemSlug("http-status-created");
    private static final ProblemSlug VOID = new ProblemSlug("html-void-elements");

    private final CurriculumFakes fakes = new CurriculumFakes();

    private Report sync(ContentFolderBuilder folder) {
        return sync(folder, false);
    }

    private Report sync(ContentFolderBuilder folder, boolean dryRun) {
        fakes.folders.put(folder.build());
        var outcome = fakes.sync().sync(Command.of("content", dryRun));
        return assertInstanceOf(Outcome.Synced.class, outcome, () -> outcome.toString()).report();
    }

    private StoredProblem problem(ProblemSlug slug) {
        return fakes.problems.find(slug).orElseThrow();
    }

    @Test
    void aFirstSyncPublishesEverythingAsVersionOne() {
        Report report = sync(ContentFolderBuilder.sample("content"));

        assertEquals(3, report.problems().count(ChangeKind.ADDED));
        assertEquals(1, report.tracks().count(ChangeKind.ADDED));
        assertEquals(4, report.topics().count(ChangeKind.ADDED));
        assertEquals(2, report.achievements().count(ChangeKind.ADDED));
        assertEquals(2, report.badges().count(ChangeKind.CHANGED), "Novice and Adept replace the default's levels 1 and 2 ...");
        assertEquals(4, report.badges().count(ChangeKind.ARCHIVED), "... and the default ladder's levels 3-6 go");
        for (ProblemSlug slug : List.of(CREATED, VOID, new ProblemSlug("quarter-as-decimal"))) {
            assertEquals(PublicationState.PUBLISHED, problem(slug).problem().state());
            assertEquals(1, problem(slug).problem().history().size());
            assertTrue(problem(slug).synced());
        }
        assertEquals(PublicationState.PUBLISHED, fakes.tracks.find(new TrackSlug("web-basics")).orElseThrow().state());
        assertEquals(List.of("content sync"), fakes.changes.announced());
        assertEquals(1, fakes.changes.turns(), "a sync takes its turn among content changes");
    }

    @Test
    void syncingTheSameFolderTwiceChangesNothing() {
        sync(ContentFolderBuilder.sample("content"));
        int saves = fakes.problems.saves() + fakes.tracks.saves();
        fakes.changes.clear();
        fakes.clock.advance(Duration.ofHours(1));

        Report again = sync(ContentFolderBuilder.sample("content"));

        assertFalse(again.changedAnything(), again.toString());
        assertEquals(3, again.problems().unchanged());
        assertEquals(1, again.tracks().unchanged());
        assertEquals(4, again.topics().unchanged());
        assertEquals(2, again.achievements().unchanged());
        assertEquals(2, again.badges().unchanged());
        assertEquals(saves, fakes.problems.saves() + fakes.tracks.saves(), "nothing written");
        assertEquals(1, problem(CREATED).problem().history().size(), "no new version");
        assertEquals(List.of(), fakes.changes.announced(), "nothing announced");
    }

    @Test
    void aChangedProblemGetsTheNextVersion() {
        sync(ContentFolderBuilder.sample("content"));
        var changed = answerProblem("Created", "http");
        changed.put("basePoints", 90);

        Report report = sync(ContentFolderBuilder.sample("content").problem("http-status-created", changed, "Which status code?", ""));

        assertEquals(1, report.problems().count(ChangeKind.CHANGED));
        assertEquals("version 1 -> 2", report.problems().changes().get(0).detail());
        assertEquals(2, report.problems().unchanged());
        assertEquals(2, problem(CREATED).problem().history().size());
        assertEquals(90, problem(CREATED).problem().published().orElseThrow().content().basePoints());
        assertEquals(1, problem(VOID).problem().history().size(), "the others are left alone");
    }

    @Test
    void aProblemThatLeavesTheFolderIsArchivedAndComesBackPublished() {
        sync(ContentFolderBuilder.sample("content"));
        var withoutQuarter = ContentFolderBuilder.sample("content")
                .without("problems/quarter-as-decimal/problem.yaml")
                .without("problems/quarter-as-decimal/statement.md")
                .without("problems/quarter-as-decimal/solution.md");

        Report removed = sync(withoutQuarter);

        var quarter = new ProblemSlug("quarter-as-decimal");
        assertEquals(List.of("quarter-as-decimal"), removed.problems().changes().stream()
                .filter(c -> c.kind() == ChangeKind.ARCHIVED).map(c -> c.name()).toList());
        assertEquals(PublicationState.ARCHIVED, problem(quarter).problem().state());
        assertEquals(1, problem(quarter).problem().history().size(), "archived, not deleted: the versions stay");

        Report back = sync(ContentFolderBuilder.sample("content"));
        assertEquals(1, back.problems().count(ChangeKind.ADDED));
        assertEquals("restored at version 1", back.problems().changes().get(0).detail());
        assertEquals(PublicationState.PUBLISHED, problem(quarter).problem().state());
        assertEquals(1, problem(quarter).problem().history().size(), "same content: no new version");
    }

    @Test
    void theFolderWinsOverADraftEditedOverHttp() {
        sync(ContentFolderBuilder.sample("content"));
        var stored = problem(CREATED);
        var edited = stored.problem().edit(stored.problem().draft().withPoints(10, 0, 60));
        fakes.problems.save(new StoredProblem(edited, true), Optional.empty(), fakes.clock.instant());

        Report report = sync(ContentFolderBuilder.sample("content"));

        assertEquals(3, report.problems().unchanged(), "the published version did not change");
        assertEquals(problem(CREATED).problem().published().orElseThrow().content(), problem(CREATED).problem().draft(),
                "the draft is the folder's content again");
    }

    @Test
    void aDryRunReportsTheSameAndWritesNothing() {
        Report planned = sync(ContentFolderBuilder.sample("content"), true);

        assertEquals(3, planned.problems().count(ChangeKind.ADDED));
        assertEquals(0, fakes.problems.saves());
        assertEquals(0, fakes.tracks.saves());
        assertEquals(0, fakes.topics.replacements());
        assertEquals(List.of(), fakes.changes.announced());
        assertEquals(0, fakes.changes.turns(), "a dry run waits for nobody");

        Report applied = sync(ContentFolderBuilder.sample("content"), false);
        assertEquals(planned, applied);
    }

    @Test
    void anInvalidFolderChangesNothing() {
        fakes.folders.put(ContentFolderBuilder.sample("content").yaml("tracks/web-basics.yaml", map("title", "No modules")).build());

        var outcome = fakes.sync().sync(Command.of("content", false));

        var invalid = assertInstanceOf(Outcome.Invalid.class, outcome);
        assertEquals("tracks/web-basics.yaml: modules: is required", invalid.errors().get(0).toString());
        assertEquals(0, fakes.problems.saves());
    }

    @Test
    void aTrackThatLeavesTheFolderIsArchivedAndItsProblemsCanMove() {
        sync(ContentFolderBuilder.sample("content"));
        var moved = ContentFolderBuilder.sample("content")
                .without("tracks/web-basics.yaml")
                .yaml("tracks/web-next.yaml", track("Web, next",
                        module("markup", list(), lesson("void", "html-void-elements", "http-status-created"))));

        Report report = sync(moved);

        assertEquals(List.of("web-next"), report.tracks().changes().stream().filter(c -> c.kind() == ChangeKind.ADDED).map(c -> c.name()).toList());
        assertEquals(List.of("web-basics"), report.tracks().changes().stream().filter(c -> c.kind() == ChangeKind.ARCHIVED).map(c -> c.name()).toList());
        assertEquals(PublicationState.ARCHIVED, fakes.tracks.find(new TrackSlug("web-basics")).orElseThrow().state());
        assertEquals(new TrackSlug("web-next"), fakes.tracks.placements().get(VOID));
    }

    @Test
    void aProblemPlacedByATrackAuthoredOverHttpIsAConflict() {
        sync(ContentFolderBuilder.sample("content").without("tracks/web-basics.yaml"));
        var definition = new org.praxis.application.curriculum.port.out.Tracks.TrackDefinition(new TrackSlug("authored"), "Authored", "",
                List.of(new org.praxis.application.curriculum.port.out.Tracks.ModuleDefinition(
                        new org.praxis.domain.curriculum.ModuleSlug("handmade"), "Handmade", "", List.of(),
                        List.of(new org.praxis.domain.curriculum.Lesson(new org.praxis.domain.curriculum.LessonSlug("one"), "One", List.of(VOID))))));
        fakes.tracks.save(new StoredTrack(definition.slug(), PublicationState.PUBLISHED, definition, Optional.of(definition),
                Optional.of(fakes.clock.instant()), false), fakes.clock.instant());

        fakes.folders.put(ContentFolderBuilder.sample("content").build());
        var outcome = fakes.sync().sync(Command.of("content", false));

        var invalid = assertInstanceOf(Outcome.Invalid.class, outcome);
        assertEquals(List.of("tracks/web-basics.yaml: problem 'html-void-elements' is in a lesson of track 'authored', which is not in "
                + "this folder (a problem belongs to at most one lesson of all tracks)"), invalid.errors().stream().map(Object::toString).toList());
    }

    @Test
    void progressIsReportedForEveryProblem() {
        fakes.folders.put(ContentFolderBuilder.sample("content").build());
        var steps = new ArrayList<String>();

        fakes.sync().sync(new Command("content", false, (step, done, total) -> steps.add(step + " " + done + "/" + total)));

        assertEquals(List.of("problems 1/3", "problems 2/3", "problems 3/3"), steps);
    }

    @Test
    void validateReportsWithoutTouchingTheStore() {
        fakes.folders.put(ContentFolderBuilder.sample("content").yaml("gamification/achievements.yaml", map("achievements", list(
                map("code", "x", "title", "X", "rarity", "mythic", "criterion", map("type", "firstSubmission"))))).build());

        var errors = fakes.validation().validate("content");

        assertEquals(List.of("gamification/achievements.yaml: achievements[0].rarity: must be one of common, rare, epic, legendary; was 'mythic'"),
                errors.stream().map(Object::toString).toList());
        assertEquals(0, fakes.problems.saves());
    }

    /** A SQL problem (the format's example), with a reference the fake checker below can fail. */
    private static java.util.Map<String, Object> sqlProblem(String reference) {
        return map("title", "Spend", "kind", "sql", "difficulty", "beginner", "topic", "http",
                "grader", map("type", "sql", "schema", "create table orders (id int, total int);",
                        "sampleRows", "insert into orders values (1, 2);",
                        "testCases", list(map("name", "no orders", "hidden", true, "rows", ""),
                                map("name", "one order", "rows", "insert into orders values (1, 1);")),
                        "referenceSolution", reference));
    }

    @Test
    void newAndChangedSqlProblemsHaveTheirReferenceCheckedAndAFailureRefusesTheFolder() {
        var checked = new ArrayList<String>();
        ReferenceSolutions checker = grader -> {
            var sql = (org.praxis.domain.grading.GraderSettings.SqlResult) grader;
            checked.add(sql.referenceSolution());
            if (sql.referenceSolution().contains("broken")) {
                return List.of(new Failure("one order", false, Part.ROWS, "ERROR: duplicate key"),
                        new Failure("no orders", true, Part.REFERENCE, "ERROR: division by zero"));
            }
            return List.of();
        };
        fakes.folders.put(ContentFolderBuilder.sample("content").problem("sql-spend", sqlProblem("select 1"), "Spend?", "").build());
        assertInstanceOf(Outcome.Synced.class, fakes.sync(checker).sync(Command.of("content", false)));
        assertEquals(List.of("select 1"), checked, "only the SQL problem has a reference to run");

        fakes.folders.put(ContentFolderBuilder.sample("content").problem("sql-spend", sqlProblem("select 1"), "Spend?", "").build());
        assertInstanceOf(Outcome.Synced.class, fakes.sync(checker).sync(Command.of("content", false)));
        assertEquals(List.of("select 1"), checked, "unchanged: checked when it was published");

        int saves = fakes.problems.saves();
        fakes.folders.put(ContentFolderBuilder.sample("content").problem("sql-spend", sqlProblem("select broken"), "Spend?", "").build());
        var refused = assertInstanceOf(Outcome.Invalid.class, fakes.sync(checker).sync(Command.of("content", true)));
        assertEquals(List.of(
                "problems/sql-spend/problem.yaml: grader.testCases[1].rows: do not load: ERROR: duplicate key",
                "problems/sql-spend/problem.yaml: grader.referenceSolution: must run and produce a result on every data set; "
                        + "on hidden test case 'no orders': ERROR: division by zero"),
                refused.errors().stream().map(Object::toString).toList());
        assertEquals(List.of("select 1", "select broken"), checked, "a changed problem is checked again, in a dry run too");
        assertInstanceOf(Outcome.Invalid.class, fakes.sync(checker).sync(Command.of("content", false)));
        assertEquals(saves, fakes.problems.saves(), "a refused folder changes nothing");
        assertEquals(1, problem(new ProblemSlug("sql-spend")).problem().history().size());
    }
}
