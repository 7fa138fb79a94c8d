package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.praxis.persistence.reliability.Invariants;
import org.praxis.persistence.testing.TestDatabase;

/** {@code praxis check}: one line per violation and exit 1, or "all N invariants hold" and exit 0. */
class CheckCommandTest {

    @Test
    void aHealthyDatabaseExitsZeroAndACorruptedCounterIsNamed() throws Exception {
        String jdbcUrl;
        try (var ds = TestDatabase.shared().freshDatabase()) {
            jdbcUrl = ds.getJdbcUrl();
        }
        String url = jdbcUrl.replace("jdbc:postgresql://", "postgres://" + TestDatabase.shared().user() + "@");
        int n = Invariants.ALL.size();

        var healthy = run("check", "--database-url", url);
        assertEquals(0, healthy.code(), healthy.err());
        assertEquals("all " + n + " invariants hold", healthy.out().strip());

        try (var c = DriverManager.getConnection(jdbcUrl, TestDatabase.shared().user(), TestDatabase.shared().password())) {
            c.createStatement().execute("insert into users (id, username, email, created_at, updated_at) values "
                    + "('00000000-0000-0000-0000-000000000009', 'corrupt', 'corrupt@example.org', now(), now())");
            // seven points out of nowhere: no problem, submission, achievement or event accounts for them
            c.createStatement().execute("insert into learner_states (user_id, points, updated_at) values "
                    + "('00000000-0000-0000-0000-000000000009', 7, now())");
        }
        var corrupted = run("check", "--database-url", url);
        assertEquals(1, corrupted.code(), corrupted.err());
        String learner = "learner 00000000-0000-0000-0000-000000000009: ";
        assertEquals("points-are-problem-awards-plus-rewards: " + learner + "points 7, problems 0 + rewards 0\n"
                + "points-are-submission-awards-plus-rewards: " + learner + "points 7, submissions 0 + rewards 0\n"
                + "award-events-match-totals: " + learner + "points 7, pointsAwarded events 0\n"
                + "3 violation(s) of " + n + " invariants", corrupted.out().strip().replace("\r", ""));
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
