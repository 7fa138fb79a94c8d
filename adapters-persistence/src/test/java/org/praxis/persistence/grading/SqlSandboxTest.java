package org.praxis.persistence.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.praxis.domain.grading.GraderSettings.SqlComparison;
import org.praxis.domain.grading.GraderSettings.SqlDataSet;
import org.praxis.domain.grading.GraderSettings.SqlResult;
import org.praxis.domain.grading.TestResult;
import org.praxis.domain.grading.Verdict;
import org.praxis.domain.grading.Verdict.Outcome;
import org.praxis.persistence.common.DatabaseUrl;
import org.praxis.persistence.testing.TestDatabase;

/** The sandbox on the embedded PostgreSQL: grading in every comparison mode, and the hostile battery of issue 7. */
class SqlSandboxTest {
    private static final String SCHEMA = """
            create table orders (id int primary key, customer text not null, total numeric(10, 2), placed_at timestamptz);
            """;
    private static final String SAMPLE = """
            insert into orders values (1, 'ada', 10.50, '2026-01-01 10:00Z'), (2, 'bob', 20.00, '2026-01-02 10:00Z'),
                                      (3, 'ada', 5.25, '2026-01-03 10:00Z');
            """;
    private static final List<SqlDataSet> CASES = List.of(
            new SqlDataSet("empty", true, ""),
            new SqlDataSet("null totals", true, "insert into orders values (1, 'cy', null, null), (2, 'cy', 7, null);"));
    /** The time limit of the hostile cases: small, so the suite stays fast. */
    private static final int LIMIT_MILLIS = 400;
    private static final SqlResult TOTALS = problem("select customer, sum(total) as spent from orders group by customer", SqlComparison.DEFAULT);

    private static String database;
    private static String role;
    private static SqlSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        database = "sandbox_" + id;
        role = "sandbox_role_" + id;
        var db = TestDatabase.shared();
        var admin = new DatabaseUrl(db.jdbcUrl(database), db.user(), db.password());
        sandbox = SqlSandbox.start(new SandboxSettings(admin, role, Optional.empty(), 3, 1_000, "16MB", "1MB"));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static SqlResult problem(String reference, SqlComparison comparison) {
        return new SqlResult(SCHEMA, SAMPLE, CASES, reference, comparison, LIMIT_MILLIS);
    }

    private static Verdict grade(SqlResult problem, String answer) {
        return new SqlSandboxGrader(sandbox, problem).grade(answer);
    }

    private static Verdict grade(String answer) {
        return grade(TOTALS, answer);
    }

    private static List<String> passed(Verdict verdict) {
        var names = new ArrayList<String>();
        for (TestResult test : verdict.tests()) {
            names.add(test.name() + (test.passed() ? ":pass" : ":fail") + (test.hidden() ? ":hidden" : ""));
        }
        return names;
    }

    private static void assertStillIntact() {
        var verdict = grade("select customer, sum(total) as spent from orders group by customer");
        assertEquals(Outcome.CORRECT, verdict.outcome(), verdict.feedback());
    }

    private static Connection adminOn(String name) throws SQLException {
        var db = TestDatabase.shared();
        return DriverManager.getConnection(db.jdbcUrl(name), db.user(), db.password());
    }

    // ---- comparison modes ----

    @Test
    void aCorrectQueryPassesEveryDataSet() {
        var verdict = grade("SELECT o.customer, SUM(o.total) FROM orders o GROUP BY 1 ORDER BY 1 DESC;");
        assertEquals(Outcome.CORRECT, verdict.outcome());
        assertEquals("Correct: the query gives the expected result on all 3 data sets.", verdict.feedback());
        assertEquals(List.of("sample:pass", "empty:pass:hidden", "null totals:pass:hidden"), passed(verdict));
    }

    @Test
    void aWrongQueryExplainsTheVisibleDifferenceOnly() {
        var verdict = grade("select customer, count(*) from orders group by customer");
        assertEquals(Outcome.INCORRECT, verdict.outcome());
        assertEquals(List.of("sample:fail", "empty:pass:hidden", "null totals:fail:hidden"), passed(verdict));
        assertEquals("2 expected rows missing, e.g. ('ada', 15.75); 2 rows not expected, e.g. ('ada', 2)", verdict.tests().get(0).message());
        assertEquals("", verdict.tests().get(2).message());
        assertEquals(33, verdict.score().value());
        assertEquals("Not quite: 1 of 3 data sets give the expected result. On the sample data: "
                + "2 expected rows missing, e.g. ('ada', 15.75); 2 rows not expected, e.g. ('ada', 2).", verdict.feedback());
    }

    @Test
    void aQueryRightOnTheSampleButWrongOnHiddenDataSaysNothingOfItsRows() {
        // count(*) counts the NULL total of the hidden data set, count(total) does not
        var counts = problem("select customer, count(total) from orders group by customer", SqlComparison.DEFAULT);
        var verdict = grade(counts, "select customer, count(*) from orders group by customer");
        assertEquals(Outcome.INCORRECT, verdict.outcome());
        assertEquals(List.of("sample:pass", "empty:pass:hidden", "null totals:fail:hidden"), passed(verdict));
        assertEquals("", verdict.tests().get(2).message());
        assertEquals(66, verdict.score().value());
        assertEquals("Not quite: 2 of 3 data sets give the expected result. It fails on hidden data: think about empty tables, ties,"
                + " duplicates and NULLs.", verdict.feedback());
    }

    @Test
    void orderMattersOnlyWhenTheProblemSaysSo() {
        var ordered = problem("select id from orders order by id desc", new SqlComparison(true, false, BigDecimal.ZERO));
        assertEquals(Outcome.CORRECT, grade(ordered, "select id from orders order by -id").outcome());
        var wrongOrder = grade(ordered, "select id from orders order by id");
        assertEquals(Outcome.INCORRECT, wrongOrder.outcome());
        assertEquals("the rows are right but not in the expected order: row 1 differs: expected (3), got (1)", wrongOrder.tests().get(0).message());
        var unordered = problem("select id from orders order by id desc", SqlComparison.DEFAULT);
        assertEquals(Outcome.CORRECT, grade(unordered, "select id from orders").outcome());
    }

    @Test
    void columnNamesMatterOnlyWhenTheProblemSaysSo() {
        var named = problem("select customer, sum(total) as spent from orders group by customer", new SqlComparison(false, true, BigDecimal.ZERO));
        var verdict = grade(named, "select customer, sum(total) from orders group by customer");
        assertEquals(Outcome.INCORRECT, verdict.outcome());
        assertEquals("column 2 should be named 'spent', was 'sum'", verdict.tests().get(0).message());
        assertEquals(Outcome.CORRECT, grade(named, "select customer, sum(total) AS Spent from orders group by customer").outcome());
        assertEquals(Outcome.CORRECT, grade("select customer as who, sum(total) as amount from orders group by customer").outcome());
    }

    @Test
    void numbersCompareWithinTheTolerance() {
        var average = problem("select round(avg(total), 2) from orders", new SqlComparison(false, false, new BigDecimal("0.01")));
        assertEquals(Outcome.CORRECT, grade(average, "select avg(total)::float8 from orders").outcome());
        var exact = problem("select round(avg(total), 2) from orders", SqlComparison.DEFAULT);
        assertEquals(Outcome.INCORRECT, grade(exact, "select avg(total) from orders").outcome());
        assertEquals(Outcome.CORRECT, grade(exact, "select round(avg(total), 2)::text::numeric(12, 4) from orders").outcome());
    }

    @Test
    void timestampsWithAZoneCompareAsInstantsAndAMissingColumnIsNamed() {
        var latest = problem("select id, placed_at from orders", SqlComparison.DEFAULT);
        assertEquals(Outcome.CORRECT, grade(latest, "select id, placed_at at time zone 'UTC' at time zone 'UTC' from orders").outcome());
        var verdict = grade(latest, "select id from orders");
        assertEquals("expected 2 columns, got 1", verdict.tests().get(0).message());
    }

    // ---- the hostile battery ----

    @Test
    void writesToTheProblemTablesAreRolledBack() {
        for (String attack : List.of("drop table orders", "delete from orders", "update orders set total = 0", "truncate orders")) {
            var verdict = grade(attack);
            assertEquals(Outcome.ERROR, verdict.outcome(), attack);
            assertEquals("The statement returned no rows to compare: submit a query (SELECT, WITH, VALUES or TABLE).", verdict.feedback(), attack);
            assertStillIntact();
        }
        var returning = grade("delete from orders returning customer, total");
        assertEquals(Outcome.INCORRECT, returning.outcome());
        assertStillIntact();
    }

    @Test
    void twoStatementsAreRefusedBeforeAnythingRuns() {
        var verdict = grade("select customer, sum(total) from orders group by customer; drop table orders");
        assertEquals(Verdict.error("The answer has 2 statements: submit exactly one SQL query."), verdict);
        assertEquals(Verdict.error("The answer has 2 statements: submit exactly one SQL query."), grade("select 1;select 2;"));
        assertEquals(Verdict.error("The answer is empty: submit one SQL query."), grade("  "));
        assertEquals(Verdict.error("The answer has no SQL statement: submit one SQL query."), grade(";"));
        assertEquals(Outcome.CORRECT, grade("select customer, sum(total) as \"a;b\" from orders where customer <> 'x;y' group by customer; -- done; really").outcome());
        assertEquals(Outcome.CORRECT, grade("select customer, sum(total) from orders where customer <> $$;drop table orders;$$ group by customer /* ; */").outcome());
    }

    @Test
    void transactionControlIsRefusedSoNoRunCanKeepItsRows() throws SQLException {
        for (String attack : List.of("commit", "COMMIT AND CHAIN", "  /* x */ end", "rollback", "abort", "begin", "start transaction",
                "savepoint s", "release s", "prepare transaction 'x'")) {
            var verdict = grade(attack);
            assertEquals(Outcome.ERROR, verdict.outcome(), attack);
            assertTrue(verdict.feedback().startsWith("Transaction control ("), attack + ": " + verdict.feedback());
        }
        // past the grader's check, straight to the sandbox: the committed run's schema is dropped at once
        var committed = sandbox.run(TOTALS, new SqlDataSet("hidden", true, SAMPLE), "commit");
        assertTrue(committed instanceof SqlSandbox.Run.AnswerFailed, committed.toString());
        try (var admin = adminOn(database); var rows = admin.createStatement().executeQuery(
                "select count(*) from pg_namespace where nspname like 'run_%'")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "the committed run left nothing behind");
        }
        assertEquals(Outcome.ERROR, grade("do $$ begin commit; end $$").outcome(), "a DO block cannot end the client's transaction");
        assertStillIntact();
    }

    @Test
    void aSleepPastTheLimitIsStopped() {
        long started = System.nanoTime();
        var verdict = grade("select customer, sum(total) from orders, pg_sleep(5) group by customer");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(Verdict.error("The query was stopped: it ran over the limit of 400 ms or used too much memory or disk."), verdict);
        // well short of the 5 s sleep, with room for a loaded machine's setup of the schema around it
        assertTrue(millis < 4_000, "took " + millis + " ms");
    }

    @Test
    void aRecursiveQueryThatNeverEndsIsStopped() {
        var verdict = grade("with recursive r(n) as (select 1 union all select n + 1 from r) select count(*), 1 from r");
        assertEquals(Verdict.error("The query was stopped: it ran over the limit of 400 ms or used too much memory or disk."), verdict);
    }

    @Test
    void anExplodingCrossJoinIsCutAtTheRowLimitOrStopped() {
        var rows = grade("select a.customer, b.total from orders a, orders b, orders c, orders d, generate_series(1, 1000) g");
        assertEquals(Outcome.INCORRECT, rows.outcome());
        assertEquals("the query returned more than 1000 rows, far more than expected", rows.tests().get(0).message());
        var counted = grade("select count(*), 1 from generate_series(1, 100000) a, generate_series(1, 100000) b");
        assertEquals(Verdict.error("The query was stopped: it ran over the limit of 400 ms or used too much memory or disk."), counted);
        var sorted = grade("select a::text, b from generate_series(1, 10000) a, generate_series(1, 10000) b order by 1 desc, 2");
        assertEquals(Verdict.error("The query was stopped: it ran over the limit of 400 ms or used too much memory or disk."), sorted);
    }

    @Test
    void serverProgramsAndFilesAreOutOfReach() {
        assertEquals(Outcome.ERROR, grade("copy orders to program 'touch /tmp/praxis-pwned'").outcome());
        assertTrue(grade("copy orders to program 'touch /tmp/praxis-pwned'").feedback().contains("permission denied"),
                grade("copy orders to program 'id'").feedback());
        assertFalse(new java.io.File("/tmp/praxis-pwned").exists());
        assertEquals(Verdict.error("The query failed: ERROR: permission denied for function pg_read_file"),
                grade("select pg_read_file('/etc/passwd'), 1"));
        assertTrue(grade("copy orders to '/tmp/praxis-orders'").feedback().contains("permission denied"));
        assertEquals(Verdict.error("The query failed: ERROR: permission denied for function lo_import"), grade("select lo_import('/etc/passwd'), 1"));
    }

    @Test
    void secretsOfTheServerStayHidden() {
        assertEquals(Verdict.error("The query failed: ERROR: permission denied for table pg_authid"), grade("select rolname, rolpassword from pg_authid"));
        var settings = sandbox.run(TOTALS, new SqlDataSet("sample", false, SAMPLE),
                "select name, setting from pg_settings where name in ('data_directory', 'config_file', 'hba_file')");
        assertEquals(List.of(), ((SqlSandbox.Run.Compared) settings).actual().rows());
        assertEquals(Verdict.error("The query failed: ERROR: permission denied for view pg_stat_activity"), grade("select query, 1 from pg_stat_activity"));
    }

    @Test
    void theApplicationsTablesAreInAnotherDatabase() {
        assertEquals(Verdict.error("The query failed: ERROR: relation \"users\" does not exist"), grade("select username, 1 from users"));
        assertTrue(grade("select username, 1 from postgres.public.users").feedback().startsWith("The query failed: ERROR: cross-database references are not implemented"));
    }

    @Test
    void theRoleCannotBeSwitched() {
        assertEquals(Verdict.error("The query failed: ERROR: permission denied to set role \"postgres\""), grade("set role postgres"));
        assertEquals(Outcome.ERROR, grade("set session authorization postgres").outcome());
        assertEquals(Verdict.error("The statement returned no rows to compare: submit a query (SELECT, WITH, VALUES or TABLE)."), grade("reset role"));
        var who = sandbox.run(TOTALS, new SqlDataSet("sample", false, SAMPLE), "select current_user, session_user");
        assertEquals(List.of(List.of(role, role)), ((SqlSandbox.Run.Compared) who).actual().rows());
    }

    @Test
    void theTimeLimitCannotBeSwitchedOff() {
        assertEquals(Outcome.ERROR, grade("set statement_timeout = 0").outcome());
        assertEquals(Verdict.error("The query was stopped: it ran over the limit of 400 ms or used too much memory or disk."),
                grade("select set_config('statement_timeout', '0', false), pg_sleep(5)"));
        assertEquals(Verdict.error("The query was stopped: it ran over the limit of 400 ms or used too much memory or disk."),
                grade("select customer, sum(total) from orders, pg_sleep(5) group by customer"));
        var limits = sandbox.run(TOTALS, new SqlDataSet("sample", false, SAMPLE),
                "select current_setting('statement_timeout'), current_setting('temp_file_limit'), current_setting('work_mem')");
        assertEquals(List.of(List.of("400ms", "16MB", "1MB")), ((SqlSandbox.Run.Compared) limits).actual().rows());
        assertEquals(Verdict.error("The query failed: ERROR: permission denied to set parameter \"temp_file_limit\""),
                grade("set temp_file_limit = -1"));
    }

    @Test
    void createdFunctionsVanishWithTheRun() {
        assertEquals(Outcome.ERROR, grade("create function spy() returns int language sql as 'select 1'").outcome());
        assertEquals(Outcome.ERROR, grade("create function public.spy() returns int language sql as 'select 1'").outcome());
        assertEquals(Verdict.error("The query failed: ERROR: function spy() does not exist"), grade("select spy(), 1"));
    }

    @Test
    void listenAndNotifyReachNoOne() throws SQLException {
        assertEquals(Outcome.ERROR, grade("listen praxis").outcome());
        assertEquals(Outcome.ERROR, grade("notify praxis, 'hello'").outcome());
        assertEquals(Outcome.INCORRECT, grade("select pg_notify('praxis', 'hello'), 1").outcome());
        try (var admin = adminOn(database); var rows = admin.createStatement().executeQuery(
                "select count(*) from pg_listening_channels()")) {
            rows.next();
            assertEquals(0, rows.getInt(1));
        }
    }

    @Test
    void otherSubmissionsCannotBeSignalledOrBlocked() throws SQLException {
        assertEquals(Verdict.error("The query failed: ERROR: permission denied for function pg_terminate_backend"),
                grade("select pg_terminate_backend(pid), 1 from generate_series(1, 10) pid"));
        assertEquals(Verdict.error("The query failed: ERROR: permission denied for function pg_cancel_backend"),
                grade("select pg_cancel_backend(1), 1"));
        assertEquals(Outcome.INCORRECT, grade("select pg_advisory_lock(42), 1").outcome());
        try (var admin = adminOn(database); var rows = admin.createStatement().executeQuery(
                "select count(*) from pg_locks where locktype = 'advisory'")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "DISCARD ALL released the session lock");
        }
    }

    @Test
    void theRoleHoldsNoPowerOutsideItsSandbox() throws SQLException {
        try (var admin = adminOn("postgres"); var rows = admin.createStatement().executeQuery(
                "select rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls, "
                        + "(select count(*) from pg_auth_members m where m.member = r.oid) from pg_roles r where rolname = '" + role + "'")) {
            assertTrue(rows.next());
            assertEquals(List.of(false, false, false, false, false, 0L),
                    List.of(rows.getBoolean(1), rows.getBoolean(2), rows.getBoolean(3), rows.getBoolean(4), rows.getBoolean(5), rows.getLong(6)));
        }
        try (var admin = adminOn(database); var rows = admin.createStatement().executeQuery(
                "select has_schema_privilege('" + role + "', 'public', 'CREATE'), has_schema_privilege('" + role + "', 'public', 'USAGE')")) {
            rows.next();
            assertEquals(List.of(false, false), List.of(rows.getBoolean(1), rows.getBoolean(2)));
        }
        try (var admin = adminOn(database); var rows = admin.createStatement().executeQuery(
                "select count(*) from pg_namespace where nspname like 'run_%'")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "no run leaves its schema behind");
        }
    }

    @Test
    void provisioningTwiceLeavesTheSameState() {
        var db = TestDatabase.shared();
        var settings = new SandboxSettings(new DatabaseUrl(db.jdbcUrl(database), db.user(), db.password()), role, Optional.of("fixed-secret"),
                3, 1_000, "16MB", "1MB");
        assertEquals("fixed-secret", SandboxProvisioning.provision(settings));
        assertEquals("fixed-secret", SandboxProvisioning.provision(settings));
        try (var again = SqlSandbox.start(settings)) {
            assertEquals(Outcome.CORRECT, new SqlSandboxGrader(again, TOTALS).grade("select customer, sum(total) from orders group by customer").outcome());
        }
    }

    @Test
    void aBrokenProblemIsAnErrorThatIsNotTheLearnersFault() {
        var broken = problem("select nope from orders", SqlComparison.DEFAULT);
        var verdict = grade(broken, "select 1");
        assertEquals(Outcome.ERROR, verdict.outcome());
        assertTrue(verdict.feedback().startsWith("This problem could not be graded (the reference solution failed: ERROR: column \"nope\" does not exist"),
                verdict.feedback());
    }
}
