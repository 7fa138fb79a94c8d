package org.praxis.persistence.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.persistence.schema.Tables.PROBLEMS;
import static org.praxis.persistence.schema.Tables.PROBLEM_CONTENTS;
import static org.praxis.persistence.schema.Tables.PROBLEM_VERSIONS;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.praxis.application.common.NotFound;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.PageRequest;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.ProblemFilter;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.Change;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.ChangeKind;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.Command;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.Outcome;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.Report;
import org.praxis.application.curriculum.port.in.ValidateContentUseCase.ContentError;
import org.praxis.domain.identity.Actor;
import org.praxis.persistence.testing.TestDatabase;

import com.zaxxer.hikari.HikariDataSource;

/** Content as code on PostgreSQL: the fixture folder synced, changed, emptied and validated. Each test has its own database. */
class ContentSyncOnPostgresTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    private HikariDataSource dataSource;
    private ContentInstance instance;

    @TempDir
    Path temp;

    @BeforeEach
    void freshDatabase() {
        dataSource = TestDatabase.shared().freshDatabase();
        instance = new ContentInstance(dataSource, CLOCK);
    }

    @AfterEach
    void close() {
        instance.close();
        dataSource.close();
    }

    static Path fixture(String name) {
        try {
            return Path.of(ContentSyncOnPostgresTest.class.getResource("/content/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path copyOfValid() throws IOException {
        Path source = fixture("valid");
        Path target = temp.resolve("content");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        return target;
    }

    private Report sync(Path folder) {
        var outcome = instance.sync.sync(Command.of(folder.toString(), false));
        return assertInstanceOf(Outcome.Synced.class, outcome, outcome::toString).report();
    }

    private int count(org.jooq.Table<?> table) {
        return instance.dsl.fetchCount(table);
    }

    private static List<String> names(Report report, ChangeKind kind) {
        return report.problems().changes().stream().filter(c -> c.kind() == kind).map(Change::name).toList();
    }

    @Test
    void theFolderIsSyncedOnceAndTheSecondSyncChangesNothing() {
        Report first = sync(fixture("valid"));
        assertEquals(List.of("html-void-elements", "http-status-created", "quarter-as-decimal", "sum-two-numbers"), names(first, ChangeKind.ADDED));
        assertEquals(1, first.tracks().count(ChangeKind.ADDED));
        assertEquals(4, first.topics().count(ChangeKind.ADDED));
        assertEquals(2, first.achievements().count(ChangeKind.ADDED));
        assertEquals(4, count(PROBLEM_VERSIONS));
        assertEquals(4, count(PROBLEM_CONTENTS));

        Report second = sync(fixture("valid"));
        assertFalse(second.changedAnything(), second.toString());
        assertEquals(4, second.problems().unchanged());
        assertEquals(1, second.tracks().unchanged());
        assertEquals(4, second.topics().unchanged());
        assertEquals(2, second.achievements().unchanged());
        assertEquals(3, second.badges().unchanged());
        assertEquals(4, count(PROBLEM_VERSIONS), "no new version");
        assertEquals(4, count(PROBLEM_CONTENTS), "no new content");

        var page = instance.catalogue.problem("html-void-elements", Actor.anonymous());
        assertEquals("Which of these elements is a **void element**?\n\nPick one.", page.statement(), "CRLF normalised, trailing space trimmed");
        assertEquals(List.of("<div>", "<br>", "<p>"), page.answerFormat().options());
        var track = instance.catalogue.track("web-basics", Actor.anonymous());
        assertEquals(List.of("html-foundations", "http-basics"), track.modules().stream().map(m -> m.slug()).toList());
        assertEquals(List.of("html-foundations"), track.modules().get(1).prerequisites());
        assertEquals(List.of("http-status-created", "sum-two-numbers"),
                track.modules().get(1).lessons().get(0).problems().stream().map(p -> p.slug()).toList());
        assertEquals(List.of("web", "arithmetic", "general"), instance.catalogue.topics().stream().map(t -> t.slug()).toList());
    }

    @Test
    void aChangedProblemMakesVersionTwoAndRollbackMakesVersionThree() throws IOException {
        Path folder = copyOfValid();
        sync(folder);
        Path yaml = folder.resolve("problems/http-status-created/problem.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("basePoints: 80", "basePoints: 90"));

        Report changed = sync(folder);

        assertEquals(List.of(new Change(ChangeKind.CHANGED, "http-status-created", "version 1 -> 2")), changed.problems().changes());
        assertEquals(3, changed.problems().unchanged());
        var page = instance.catalogue.problem("http-status-created", Actor.anonymous());
        assertEquals(Optional.of(2), page.version());
        assertEquals(90, page.basePoints());

        var rolledBack = instance.problems.rollback(Actor.OPERATOR, "http-status-created", 1);
        assertEquals(3, rolledBack.version());
        var after = instance.catalogue.problem("http-status-created", Actor.anonymous());
        assertEquals(Optional.of(3), after.version());
        assertEquals(80, after.basePoints(), "version 3 carries version 1's content");
        assertEquals(List.of(1, 2, 3), instance.problems.versions(Actor.OPERATOR, "http-status-created", PageRequest.first(20)).items().stream()
                .map(v -> v.version()).toList());
        assertEquals(5, count(PROBLEM_CONTENTS), "version 3 shares version 1's content row");

        Report next = sync(folder);
        assertEquals(List.of(new Change(ChangeKind.CHANGED, "http-status-created", "version 3 -> 4")), next.problems().changes(),
                "the folder is the source of truth again");
    }

    @Test
    void aProblemRemovedFromTheFolderIsArchivedNotDeletedAndComesBack() throws IOException {
        Path folder = copyOfValid();
        sync(folder);
        Path quarter = folder.resolve("problems/quarter-as-decimal");
        Path aside = temp.resolve("aside");
        Files.move(quarter, aside);

        Report removed = sync(folder);

        assertEquals(List.of("quarter-as-decimal"), names(removed, ChangeKind.ARCHIVED));
        assertEquals("archived", instance.dsl.select(PROBLEMS.STATE).from(PROBLEMS).where(PROBLEMS.SLUG.eq("quarter-as-decimal")).fetchOne().value1());
        assertEquals(4, count(PROBLEM_VERSIONS), "its version is kept");
        assertThrows(NotFound.class, () -> instance.catalogue.problem("quarter-as-decimal", Actor.anonymous()));

        Files.move(aside, quarter);
        Report back = sync(folder);
        assertEquals(List.of(new Change(ChangeKind.ADDED, "quarter-as-decimal", "restored at version 1")), back.problems().changes());
        assertEquals(Optional.of(1), instance.catalogue.problem("quarter-as-decimal", Actor.anonymous()).version());
    }

    @Test
    void twoInstancesSyncingTheSameFolderAtOnceTakeTurns() throws Exception {
        try (var other = new ContentInstance(dataSource, CLOCK)) {
            var start = new java.util.concurrent.CountDownLatch(1);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var first = pool.submit(() -> {
                    start.await();
                    return instance.sync.sync(Command.of(fixture("valid").toString(), false));
                });
                var second = pool.submit(() -> {
                    start.await();
                    return other.sync.sync(Command.of(fixture("valid").toString(), false));
                });
                start.countDown();
                var reports = List.of(assertInstanceOf(Outcome.Synced.class, first.get(60, java.util.concurrent.TimeUnit.SECONDS)).report(),
                        assertInstanceOf(Outcome.Synced.class, second.get(60, java.util.concurrent.TimeUnit.SECONDS)).report());
                assertEquals(1, reports.stream().filter(Report::changedAnything).count(), "one adds everything, the other finds nothing to do");
            } finally {
                pool.shutdownNow();
            }
        }
        assertEquals(4, count(PROBLEM_VERSIONS));
    }

    @Test
    void aDryRunReportsAndWritesNothing() {
        var outcome = instance.sync.sync(Command.of(fixture("valid").toString(), true));
        var synced = assertInstanceOf(Outcome.Synced.class, outcome);
        assertTrue(synced.dryRun());
        assertEquals(4, synced.report().problems().count(ChangeKind.ADDED));
        assertEquals(0, count(PROBLEMS));
    }

    @Test
    void validationListsEveryErrorWithFileAndField() {
        List<String> errors = instance.validation.validate(fixture("invalid").toString()).stream().map(ContentError::toString).toList();

        assertEquals(List.of(
                "gamification/badges.yaml: is not valid YAML: " + errors.get(0).substring(errors.get(0).indexOf("line ")),
                "problems/html-void-elements/problem.yaml: grader.correct: must be an index within 0..2, was 3",
                "problems/two-sum/problem.yaml: difficulty: must be one of beginner, intermediate, advanced, expert; was 'hard'",
                "problems/two-sum/problem.yaml: hints: penalties add up to 200, more than the 150 points the problem can award",
                "problems/two-sum/problem.yaml: topic: unknown topic 'algorithms'",
                "problems/two-sum/statement.md: is missing; every problem needs a statement",
                "tracks/web-basics.yaml: modules[1].prerequisites[1]: unknown module 'html-basics'",
                "tracks/web-basics.yaml: modules: prerequisite cycle html-foundations -> http-basics -> html-foundations",
                "tracks/web-basics.yaml: modules[1].lessons[0].problems[1]: unknown problem 'missing-problem'"), errors);
        assertTrue(errors.get(0).matches("gamification/badges.yaml: is not valid YAML: line \\d+, column \\d+: .+"), errors.get(0));
        assertInstanceOf(Outcome.Invalid.class, instance.sync.sync(Command.of(fixture("invalid").toString(), false)));
        assertEquals(0, count(PROBLEMS));
    }

    @Test
    void learnersAndAnonymousCallersNeverSeeDraftsArchivedProblemsSolutionsOrHiddenTests() {
        sync(fixture("valid"));
        var author = Actor.OPERATOR;
        instance.problems.saveDraft(author, "secret-draft", Map.of("title", "Secret", "kind", "answer", "difficulty", "beginner",
                "topic", "html", "statement", "A draft nobody may see.", "answer", Map.of("accepted", List.of("hidden"))));
        instance.tracks.saveDraft(author, "with-draft", Map.of("title", "With a draft", "modules", List.of(Map.of("slug", "only",
                "title", "Only", "lessons", List.of(Map.of("slug", "l", "title", "L", "problems", List.of("secret-draft", "quarter-as-decimal")))))));
        instance.tracks.publish(author, "with-draft");
        instance.problems.archive(author, "http-status-created");

        var learner = new Actor.Member(new org.praxis.domain.identity.LearnerId(java.util.UUID.randomUUID()),
                org.praxis.domain.identity.Role.LEARNER, false);
        for (Actor viewer : List.of(Actor.anonymous(), learner)) {
            assertThrows(NotFound.class, () -> instance.catalogue.problem("secret-draft", viewer));
            assertThrows(NotFound.class, () -> instance.catalogue.problem("http-status-created", viewer));
            var listed = instance.catalogue.problems(ProblemFilter.NONE, PageRequest.first(100), viewer).items().stream()
                    .map(item -> item.slug()).toList();
            assertEquals(List.of("html-void-elements", "quarter-as-decimal", "sum-two-numbers"), listed);
            var track = instance.catalogue.track("with-draft", viewer);
            assertEquals(List.of("quarter-as-decimal"), track.modules().get(0).lessons().get(0).problems().stream().map(p -> p.slug()).toList());
            var web = instance.catalogue.track("web-basics", viewer);
            assertEquals(List.of("sum-two-numbers"), web.modules().get(1).lessons().get(0).problems().stream().map(p -> p.slug()).toList());

            var code = instance.catalogue.problem("sum-two-numbers", viewer);
            assertEquals(List.of("small"), code.answerFormat().examples().stream().map(e -> e.name()).toList());
            assertFalse(code.toString().contains("negative"), "the hidden test case is not in the view");
            assertFalse(code.toString().contains("print(sum"), "the official solution is not in the view");
            assertEquals("a, b = map(int, input().split())", code.starterCode());
            assertTrue(code.premium());
        }
    }
}
