package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.ChangeKind;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.Command;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.Outcome;
import org.praxis.application.grading.port.out.ReferenceSolutions;
import org.praxis.persistence.grading.SqlSandboxGraders;
import org.praxis.persistence.testing.FreshDatabase;
import org.praxis.persistence.testing.TestDatabase;

/**
 * Content sync runs every new or changed SQL problem's reference query in the real sandbox, on every
 * data set, and refuses the folder when one does not run to a result (GR2), naming the file and field.
 */
@ExtendWith(FreshDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SqlReferenceSyncTest {
    private static final String BROKEN = "classpath:reference-check/broken";
    private static final String GOOD = "classpath:reference-check/good";
    private static final List<String> BROKEN_ERRORS = List.of(
            "problems/sql-bad-rows/problem.yaml: grader.testCases[0].rows: do not load: "
                    + "ERROR: duplicate key value violates unique constraint \"stock_pkey\"",
            "problems/sql-broken-schema/problem.yaml: grader.schema: does not run: ERROR: syntax error at or near \"tabel\"",
            "problems/sql-no-result/problem.yaml: grader.referenceSolution: must run and produce a result on every data set; "
                    + "on the sample rows: it returned no result set; it must be a query (SELECT, WITH, VALUES or TABLE)",
            "problems/sql-syntax-error/problem.yaml: grader.referenceSolution: must run and produce a result on every data set; "
                    + "on the sample rows: ERROR: syntax error at or near \"selec\"",
            "problems/sql-too-slow/problem.yaml: grader.referenceSolution: must run and produce a result on every data set; "
                    + "on the sample rows: it ran over the time limit of 300 ms or the memory or disk limit "
                    + "(ERROR: canceling statement due to statement timeout)",
            "problems/sql-zero-boxes/problem.yaml: grader.referenceSolution: must run and produce a result on every data set; "
                    + "on hidden test case 'an empty box': ERROR: division by zero");

    private static DataSource database;
    private static SqlSandboxGraders sandbox;
    private static final AtomicInteger checked = new AtomicInteger();

    @BeforeAll
    static void start(DataSource dataSource) {
        database = dataSource;
        sandbox = SandboxWiring.graders(dataSource, Map.of()).orElseThrow();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** The sandbox, counting the problems it is asked to check. */
    private static Outcome sync(String folder, boolean dryRun) {
        ReferenceSolutions counting = grader -> {
            checked.incrementAndGet();
            return sandbox.check(grader);
        };
        try (var content = ContentWiring.content(database, Clock.systemUTC(), false, counting)) {
            return content.sync().sync(Command.of(folder, dryRun));
        }
    }

    private static long rows(String table) throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.createStatement();
             var result = statement.executeQuery("select count(*) from " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Test
    @Order(1)
    void aFolderWithBrokenReferenceQueriesIsRefusedFieldByFieldAndNothingChanges() throws SQLException {
        for (boolean dryRun : List.of(true, false)) {
            var invalid = assertInstanceOf(Outcome.Invalid.class, sync(BROKEN, dryRun));
            assertEquals(BROKEN_ERRORS, invalid.errors().stream().map(Object::toString).toList());
        }
        assertEquals(0, rows("problems"));
        assertEquals(0, rows("problem_versions"));
    }

    @Test
    @Order(2)
    void aGoodFolderSyncsAndAnUnchangedProblemIsNotCheckedAgain() throws SQLException {
        checked.set(0);
        var first = assertInstanceOf(Outcome.Synced.class, sync(GOOD, false)).report();
        assertEquals(1, first.problems().count(ChangeKind.ADDED));
        assertEquals(1, checked.get());

        var again = assertInstanceOf(Outcome.Synced.class, sync(GOOD, false)).report();
        assertEquals(1, again.problems().unchanged());
        assertEquals(1, checked.get(), "an unchanged problem was checked when it was published");

        // the good problem is in the broken folder too, unchanged: only the others are checked, and still nothing changes
        checked.set(0);
        assertInstanceOf(Outcome.Invalid.class, sync(BROKEN, false));
        assertEquals(6, checked.get());
        assertEquals(1, rows("problems"));
        assertEquals(1, rows("problem_versions"));
    }

    @Test
    @Order(3)
    void contentSyncOnTheCommandLineRefusesTheBrokenFolder() {
        String url;
        try (var ds = TestDatabase.shared().freshDatabase()) {
            url = ds.getJdbcUrl().replace("jdbc:postgresql://", "postgres://" + TestDatabase.shared().user() + "@");
        }
        var out = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "content", "sync", BROKEN, "--database-url", url);
        assertEquals(1, code, out.toString());
        var expected = new java.util.ArrayList<>(BROKEN_ERRORS);
        expected.add("6 errors; nothing was changed");
        assertEquals(expected, out.toString().lines().toList());
    }
}
