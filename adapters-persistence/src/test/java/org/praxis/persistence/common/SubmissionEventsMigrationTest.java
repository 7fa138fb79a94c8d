package org.praxis.persistence.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.praxis.application.progress.port.in.EventView;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.progress.SubmissionId;
import org.praxis.persistence.progress.JooqSubmissions;
import org.praxis.persistence.testing.TestDatabase;

import com.zaxxer.hikari.HikariDataSource;

/** V13 moves the rows of learner_events into their submissions' {@code events}, in order, and leaves a view of them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionEventsMigrationTest {
    private static final UUID ADA = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID GRADED = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID SILENT = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final String AT = "2026-03-04T05:06:07.123456Z";

    private HikariDataSource dataSource;
    private DSLContext dsl;

    @BeforeAll
    void rowsOfV12AreMigrated() {
        // written out of order: the position orders them
        dataSource = atV12(tx -> tx.execute("""
                insert into learner_events (user_id, submission_id, position, type, payload, occurred_at) values
                  (?, ?, 1, 'pointsAwarded', '{"at":"2026-03-04T05:06:07.123456Z","points":10,"total":10,"source":"solution"}', ?::timestamptz),
                  (?, ?, 0, 'answerGraded', '{"at":"2026-03-04T05:06:07.123456Z","problem":"one-plus-one","verdict":"correct"}', ?::timestamptz),
                  (?, ?, 2, 'problemSolved', '{"at":"2026-03-04T05:06:07.123456Z","problem":"one-plus-one","score":100}', ?::timestamptz)""",
                ADA, GRADED, AT, ADA, GRADED, AT, ADA, GRADED, AT));
        dsl = Jooq.over(dataSource);
        Migrations.migrate(dataSource);
    }

    /** A database at V12 with ada, a problem, two submissions of hers ({@link #GRADED}, {@link #SILENT}) and the given rows. */
    private static HikariDataSource atV12(java.util.function.Consumer<DSLContext> rows) {
        var v12 = TestDatabase.shared().emptyDatabase();
        Flyway.configure().dataSource(v12).locations(Migrations.LOCATION).target("12").load().migrate();
        Jooq.over(v12).transaction(c -> {
            var tx = c.dsl();
            // the rows a learner's submissions refer to are beside the point: no foreign key is checked for these
            tx.execute("set local session_replication_role = replica");
            tx.execute("insert into users (id, username, email, created_at, updated_at) values (?, 'ada', 'ada@example.org', ?::timestamptz, ?::timestamptz)",
                    ADA, AT, AT);
            tx.execute("insert into problems (slug, state, created_at, updated_at) values ('one-plus-one', 'draft', now(), now())");
            for (var id : List.of(GRADED, SILENT)) {
                tx.execute("""
                        insert into submissions (id, user_id, problem_id, problem_version, answer, verdict, score, feedback, tests,
                            points_awarded, xp_awarded, grader, grader_version, review, progress_status, progress_attempts,
                            progress_best_score, total_points, total_solved, current_streak, longest_streak, submitted_at)
                        values (?, ?, (select id from problems), 1, '2', 'correct', 100, '', '[]', 10, 5, 'exact', '1', false, 'completed',
                            1, 100, 10, 1, 1, 1, ?::timestamptz)""", id, ADA, AT);
            }
            rows.accept(tx);
        });
        return v12;
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @Test
    void eachSubmissionHoldsItsOwnEventsInTheirOrderWithTheirFieldsInOrder() {
        var events = new JooqSubmissions(dsl).find(new LearnerId(ADA), new SubmissionId(GRADED)).orElseThrow().events();

        assertEquals(List.of(
                new EventView("answerGraded", Map.of("at", "2026-03-04T05:06:07.123456Z", "problem", "one-plus-one", "verdict", "correct")),
                new EventView("pointsAwarded", Map.of("at", "2026-03-04T05:06:07.123456Z", "points", 10, "total", 10, "source", "solution")),
                new EventView("problemSolved", Map.of("at", "2026-03-04T05:06:07.123456Z", "problem", "one-plus-one", "score", 100))),
                events);
        assertEquals(List.of("at", "points", "total", "source"), List.copyOf(events.get(1).fields().keySet()));
        assertEquals(List.of(), new JooqSubmissions(dsl).find(new LearnerId(ADA), new SubmissionId(SILENT)).orElseThrow().events());
    }

    @Test
    void theViewListsThemOnePerRowAsTheTableDid() {
        assertEquals(List.of(GRADED + " 0 answerGraded one-plus-one true", GRADED + " 1 pointsAwarded null true",
                        GRADED + " 2 problemSolved one-plus-one true"),
                dsl.resultQuery("select submission_id || ' ' || position || ' ' || type || ' ' || coalesce(payload ->> 'problem', 'null') "
                        + "|| ' ' || (occurred_at = ?::timestamptz) from learner_events where user_id = ? order by submission_id, position", AT, ADA)
                        .fetch(0, String.class));
    }

    @Test
    void theyAreWrittenAsTheServiceWritesThem() {
        assertEquals("[{\"type\":\"answerGraded\",\"fields\":{\"at\":\"2026-03-04T05:06:07.123456Z\",\"problem\":\"one-plus-one\","
                + "\"verdict\":\"correct\"}},{\"type\":\"pointsAwarded\",\"fields\":{\"at\":\"2026-03-04T05:06:07.123456Z\",\"points\":10,"
                + "\"total\":10,\"source\":\"solution\"}},{\"type\":\"problemSolved\",\"fields\":{\"at\":\"2026-03-04T05:06:07.123456Z\","
                + "\"problem\":\"one-plus-one\",\"score\":100}}]",
                dsl.fetchValue("select events::text from submissions where id = ?", GRADED));
    }

    @Test
    void anEventOfNoSubmissionOfItsLearnerStopsTheMigrationAndChangesNothing() {
        // another learner's event naming ada's submission, and one of ada's at another time than the submission
        try (var v12 = atV12(tx -> tx.execute("""
                insert into learner_events (user_id, submission_id, position, type, payload, occurred_at) values
                  (?, ?, 0, 'answerGraded', '{}', ?::timestamptz), (gen_random_uuid(), ?, 0, 'answerGraded', '{}', ?::timestamptz),
                  (?, ?, 0, 'answerGraded', '{}', ?::timestamptz + interval '1 second')""",
                ADA, GRADED, AT, SILENT, AT, ADA, SILENT, AT))) {
            var failure = assertThrows(org.flywaydb.core.api.FlywayException.class, () -> Migrations.migrate(v12));

            assertTrue(failure.getMessage().contains("V13: 2 learner_events row(s) belong to no submission of their learner at its time"),
                    failure.getMessage());
            var at = Jooq.over(v12);
            assertEquals("12", at.fetchValue("select max(version::int)::text from flyway_schema_history where success"));
            assertEquals(3, at.fetchValue("select count(*)::int from learner_events"));
            assertEquals(0, at.fetchValue("select count(*)::int from information_schema.columns where table_name = 'submissions' and column_name = 'events'"));
        }
    }

    @Test
    void eventsMustBeAList() {
        assertThrows(DataAccessException.class, () -> dsl.execute("update submissions set events = '{}' where id = ?", SILENT));
        assertEquals("[]", dsl.fetchValue("select events::text from submissions where id = ?", SILENT));
    }
}
