package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.praxis.persistence.testing.TestDatabase;

/** {@code praxis content validate} and {@code praxis content sync}, output and exit codes as docs/content.md shows them. */
class ContentCommandTest {

    record Result(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static String freshDatabaseUrl() {
        try (var ds = TestDatabase.shared().freshDatabase()) {
            return ds.getJdbcUrl().replace("jdbc:postgresql://", "postgres://" + TestDatabase.shared().user() + "@");
        }
    }

    @Test
    void validateListsEveryProblemWithFileAndFieldAndExitsOne() {
        var result = run("content", "validate", "classpath:content/invalid");

        assertEquals(1, result.code(), result.err());
        List<String> lines = result.lines();
        assertEquals(10, lines.size(), result.out());
        assertTrue(lines.get(0).startsWith("gamification/badges.yaml: is not valid YAML: line 3, column "), lines.get(0));
        assertEquals(List.of(
                "problems/html-void-elements/problem.yaml: grader.correct: must be an index within 0..2, was 3",
                "problems/two-sum/problem.yaml: difficulty: must be one of beginner, intermediate, advanced, expert; was 'hard'",
                "problems/two-sum/problem.yaml: hints: penalties add up to 200, more than the 150 points the problem can award",
                "problems/two-sum/problem.yaml: topic: unknown topic 'algorithms'",
                "problems/two-sum/statement.md: is missing; every problem needs a statement",
                "tracks/web-basics.yaml: modules[1].prerequisites[1]: unknown module 'html-basics'",
                "tracks/web-basics.yaml: modules: prerequisite cycle html-foundations -> http-basics -> html-foundations",
                "tracks/web-basics.yaml: modules[1].lessons[0].problems[1]: unknown problem 'missing-problem'",
                "9 errors"), lines.subList(1, 10));
    }

    @Test
    void validateSaysSoWhenAllIsWell() {
        var result = run("content", "validate", "classpath:content/valid");
        assertEquals(0, result.code(), result.out() + result.err());
        assertEquals(List.of("classpath:content/valid: valid"), result.lines());
        assertEquals(1, run("content", "validate", "/no/such/folder").code());
    }

    @Test
    void aDryRunPrintsWhatASyncWouldDoThenTheSyncDoesItOnce() {
        String url = freshDatabaseUrl();

        var dryRun = run("content", "sync", "classpath:content/valid", "--dry-run", "--database-url", url);
        assertEquals(0, dryRun.code(), dryRun.err());
        assertEquals(List.of(
                "problems:  4 added, 0 changed (new version), 0 archived, 0 unchanged",
                "  + html-void-elements",
                "  + http-status-created",
                "  + quarter-as-decimal",
                "  + sum-two-numbers",
                "tracks:    1 added, 0 changed, 0 archived, 0 unchanged",
                "  + web-basics",
                "topics:    4 added, 0 changed, 0 archived, 0 unchanged",
                "  + arithmetic",
                "  + html",
                "  + http",
                "  + web",
                "achievements: 2 added, 0 changed, 0 archived, 0 unchanged",
                "  + first-steps",
                "  + ten-intermediate",
                "badges:    0 added, 1 changed, 3 archived, 2 unchanged",
                "  ~ Master (level 3)",
                "  - Advanced (level 4, archived)",
                "  - Expert (level 5, archived)",
                "  - Master (level 6, archived)",
                "dry run: nothing was changed"), dryRun.lines());

        var sync = run("content", "sync", "classpath:content/valid", "--database-url", url);
        assertEquals(0, sync.code(), sync.err());
        assertEquals(dryRun.lines().subList(0, dryRun.lines().size() - 1), sync.lines().subList(0, sync.lines().size() - 1));
        assertTrue(sync.lines().get(sync.lines().size() - 1).matches("synced in \\d+\\.\\d s"), sync.out());

        var again = run("content", "sync", "classpath:content/valid", "--database-url", url);
        assertEquals(List.of(
                "problems:  0 added, 0 changed (new version), 0 archived, 4 unchanged",
                "tracks:    0 added, 0 changed, 0 archived, 1 unchanged",
                "topics:    0 added, 0 changed, 0 archived, 4 unchanged",
                "achievements: 0 added, 0 changed, 0 archived, 2 unchanged",
                "badges:    0 added, 0 changed, 0 archived, 3 unchanged"), again.lines().subList(0, 5));
    }

    @Test
    void syncingAnInvalidFolderChangesNothingAndExitsOne() {
        var result = run("content", "sync", "classpath:content/invalid", "--database-url", freshDatabaseUrl());
        assertEquals(1, result.code());
        assertEquals("9 errors; nothing was changed", result.lines().get(result.lines().size() - 1));
    }

    @Test
    void theDemoIsLoadedByDefaultOnlyWithTheEmbeddedDatabase() {
        assertTrue(demo("--data-dir", "x"));
        assertEquals(false, demo("--database-url", "postgres://u@h/db"));
        assertTrue(demo("--database-url", "postgres://u@h/db", "--demo", "true"));
        assertEquals(false, demo("--demo=false"));
        var failure = org.junit.jupiter.api.Assertions.assertThrows(StartupFailure.class, () -> demo("--demo", "maybe"));
        assertEquals("PRAXIS_DEMO must be true or false, was maybe", failure.getMessage());
    }

    private static boolean demo(String... args) {
        var holder = new Object() {
            @picocli.CommandLine.Mixin
            Settings settings = new Settings();

            @picocli.CommandLine.Mixin
            ContentOptions content = new ContentOptions();
        };
        new picocli.CommandLine(holder).parseArgs(args);
        return holder.content.demo(holder.settings);
    }

    @Test
    void theContentCommandsExplainThemselves() {
        var result = run("content", "sync", "--help");
        assertEquals(0, result.code());
        assertTrue(result.out().contains("--dry-run"), result.out());
        assertTrue(result.out().contains("--database-url"), result.out());
    }
}
