package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.praxis.persistence.reliability.Invariants;
import org.praxis.persistence.testing.TestDatabase;

/**
 * {@code praxis load-sample} on DATABASE_URL: syncs the demo content into an empty database, loads exactly
 * what was asked with a progress bar on stderr, and leaves a database {@code praxis check} finds healthy.
 */
class LoadSampleCommandTest {

    @Test
    void loadsIntoAnEmptyDatabaseAndCheckFindsEveryInvariantHolding() throws Exception {
        String jdbcUrl;
        try (var ds = TestDatabase.shared().freshDatabase()) {
            jdbcUrl = ds.getJdbcUrl();
        }
        String url = jdbcUrl.replace("jdbc:postgresql://", "postgres://" + TestDatabase.shared().user() + "@");

        var loaded = run("load-sample", "--database-url", url, "--learners", "40", "--submissions", "400", "--seed", "3",
                "--months", "2", "--until", "2026-10-01", "--threads", "2");
        assertEquals(0, loaded.code(), loaded.err());
        assertTrue(loaded.out().strip().matches("loaded 40 learners \\(learner-0000001 to learner-0000040\\) and 400 submissions "
                + "on \\d+ problems in \\d+\\.\\d s \\([\\d,]+ submissions/s\\)"), loaded.out());
        assertTrue(loaded.err().contains("\r[##############################] 100%  40/40 learners  400 submissions"), loaded.err());

        try (var c = DriverManager.getConnection(jdbcUrl, TestDatabase.shared().user(), TestDatabase.shared().password());
                var count = c.createStatement().executeQuery("select (select count(*) from users), (select count(*) from submissions), "
                        + "(select count(*) from problems where state = 'published'), "
                        + "(select count(*) from submissions where submitted_at >= '2026-10-01' or submitted_at < '2026-08-01')")) {
            count.next();
            assertEquals(40, count.getLong(1));
            assertEquals(400, count.getLong(2));
            assertTrue(count.getLong(3) >= 30, "the demo content was synced first");
            assertEquals(0, count.getLong(4), "every submission is in the two months before --until");
        }
        var check = run("check", "--database-url", url);
        assertEquals(0, check.code(), check.out());
        assertEquals("all " + Invariants.ALL.size() + " invariants hold", check.out().strip());
    }

    @Test
    void badOptionsAreNamedAndChangeNothing() {
        var none = run("load-sample", "--database-url", "postgres://nobody@127.0.0.1:1/none", "--learners", "0");
        assertEquals(1, none.code());
        assertEquals("praxis: learners must be between 1 and 9999999, was 0", none.err().strip());
        var date = run("load-sample", "--database-url", "postgres://nobody@127.0.0.1:1/none", "--until", "yesterday");
        assertEquals(1, date.code());
        assertEquals("praxis: --until must be a date such as 2026-06-30, was yesterday", date.err().strip());
    }

    record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
