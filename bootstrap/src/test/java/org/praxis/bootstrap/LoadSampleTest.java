package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.application.grading.Grading;
import org.praxis.application.grading.port.out.ExternalGraders;
import org.praxis.application.operations.SampleLoadService;
import org.praxis.application.operations.port.in.LoadSampleUseCase;
import org.praxis.application.operations.port.out.SampleData;
import org.praxis.application.progress.EventViews;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.persistence.common.Jooq;
import org.praxis.persistence.common.JooqTransactions;
import org.praxis.persistence.curriculum.JooqPracticeProblems;
import org.praxis.persistence.operations.CopySampleData;
import org.praxis.persistence.progress.JooqSubmissions;
import org.praxis.persistence.progress.StatsJson;
import org.praxis.persistence.reliability.Invariants;
import org.praxis.persistence.testing.FreshDatabase;
import org.praxis.persistence.testing.TestDatabase;

/**
 * The sample loader: 300 learners and 6,000 submissions over four months, written through COPY, leave a
 * database whose every invariant holds, whose totals are the learners' best awards, and whose global
 * board (over HTTP) ranks them by their totals; the same seed gives the same data.
 */
@ExtendWith(FreshDatabase.class)
class LoadSampleTest {
    private static final Instant UNTIL = Instant.parse("2026-11-01T00:00:00Z");
    private static final LoadSampleUseCase.Command COMMAND = new LoadSampleUseCase.Command(300, 6_000, 42, 4, UNTIL, 2);

    private static DataSource db;
    private static DSLContext dsl;
    private static LoadSampleUseCase.Result result;
    private static IdentityFixture app;

    @BeforeAll
    static void load(DataSource dataSource) {
        db = dataSource;
        dsl = Jooq.over(dataSource);
        DemoContent.load(dataSource);
        var reported = new java.util.ArrayList<Long>();
        result = LoadSampleCommand.service(dataSource, ExternalGraders.none()).load(COMMAND, (learners, submissions) -> reported.add(submissions));
        assertEquals(6_000L, reported.get(reported.size() - 1), "the last progress report is the whole load");
        app = new IdentityFixture(dataSource);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static long count(String sql) {
        return dsl.resultQuery(sql).fetchOne(0, Long.class);
    }

    @Test
    void everyInvariantHolds() {
        assertEquals(List.of(), Invariants.over(db).check());
    }

    @Test
    void exactlyTheLearnersAndSubmissionsAskedFor() {
        assertEquals(300, result.learners());
        assertEquals(6_000, result.submissions());
        assertEquals(1, result.firstLearner());
        assertEquals(300, count("select count(*) from users where username like 'learner-%' and role = 'learner'"));
        assertEquals(List.of("learner-0000001", "learner-0000300"),
                dsl.resultQuery("select min(username), max(username) from users").fetchOne().intoList().stream().map(Object::toString).toList());
        assertEquals(6_000, count("select count(*) from submissions"));
        assertEquals(6_000, count("select coalesce(sum(submissions), 0) from learner_states"));
        // no password: sample learners cannot sign in
        assertEquals(0, count("select count(*) from password_credentials"));
    }

    @Test
    void totalsAreTheBestAwardOfEachProblemPlusAchievementRewards() {
        // the best candidate of each problem is the largest points total among its graded answers
        long mismatches = count("""
                with best as (select e.user_id, e.payload->>'problem' as problem, max((e.payload->'points'->>'total')::int) as best
                              from learner_events e where e.type = 'answerGraded' group by 1, 2),
                     per_learner as (select user_id, sum(best) as awards from best group by 1),
                     rewards as (select la.user_id, sum(a.points_reward) as rewards from learner_achievements la
                                 join achievements a on a.code = la.code group by 1)
                select count(*) from learner_states s left join per_learner p on p.user_id = s.user_id
                left join rewards r on r.user_id = s.user_id
                where s.points <> coalesce(p.awards, 0) + coalesce(r.rewards, 0)""");
        assertEquals(0, mismatches);
        assertTrue(count("select count(*) from learner_states where points > 0") > 200);
        assertEquals(count("select coalesce(sum(points_earned), 0) from problem_progress"),
                count("select coalesce(sum(points_awarded), 0) from submissions"));
    }

    @Test
    void theSubmissionsLookLikeMonthsOfRealPractice() {
        assertEquals(0, count("select count(*) from submissions where submitted_at >= '2026-11-01T00:00:00Z' "
                + "or submitted_at < '2026-07-01T00:00:00Z'"));
        assertEquals(4, count("select count(distinct date_trunc('month', submitted_at at time zone 'UTC')) from submissions"));
        assertEquals(0, count("select count(*) from submissions x join users u on u.id = x.user_id where x.submitted_at < u.created_at"));
        long correct = count("select count(*) from submissions where verdict = 'correct'");
        assertTrue(correct > 2_000 && correct < 5_500, "correct " + correct);
        assertTrue(count("select count(*) from submissions where review") > 300);
        assertTrue(count("select max(streak_longest) from learner_states") >= 3);
        assertTrue(count("select count(*) from module_completions") > 50);
        assertTrue(count("select count(distinct time_zone) from users") >= 5);
        assertTrue(count("select count(*) from learner_badges") > 0);
        assertTrue(count("select count(*) from enrolments") >= count("select count(distinct user_id) from submissions"));
        // never on a problem whose module was still locked: every solve of a problem with prerequisites came after them
        assertEquals(0, count("""
                select count(*) from submissions x
                join lesson_problems lp on lp.problem_id = x.problem_id
                join lessons l on l.id = lp.lesson_id
                join module_prerequisites pre on pre.module_id = l.module_id
                where not exists (select 1 from module_completions c where c.user_id = x.user_id
                                  and c.module_id = pre.prerequisite_id and c.completed_at <= x.submitted_at)"""));
    }

    @Test
    void theGlobalBoardRanksTheLearnersByTheirTotals() throws Exception {
        var me = app.register(app.uniqueName("reader"));
        var board = IdentityFixture.json(app.call("GET", "/v1/leaderboards/global?limit=100", me.token(), null));
        assertEquals(count("select count(*) from learner_states where submissions > 0"), board.get("total").asLong());
        assertEquals(100, board.get("items").size());
        for (var item : board.get("items")) {
            var row = dsl.resultQuery("select s.points, s.streak_longest, 1 + (select count(*) from learner_states o where o.submissions > 0 "
                    + "and (o.points > s.points or (o.points = s.points and o.streak_longest > s.streak_longest))) "
                    + "from learner_states s join users u on u.id = s.user_id where u.username = ?", item.get("username").asText()).fetchOne();
            assertEquals(row.get(0, Long.class), item.get("score").asLong(), item.toString());
            assertEquals(row.get(1, Integer.class), item.get("longestStreak").asInt(), item.toString());
            assertEquals(row.get(2, Integer.class), item.get("rank").asInt(), item.toString());
        }
    }

    @Test
    void theSameSeedGivesTheSameLearnersAndAnotherSeedOthers() {
        Map<String, Long> here = totals(dsl);
        try (var other = TestDatabase.shared().freshDatabase()) {
            DemoContent.load(other);
            var again = LoadSampleCommand.service(other, ExternalGraders.none()).load(
                    new LoadSampleUseCase.Command(300, 6_000, 42, 4, UNTIL, 1), LoadSampleUseCase.Progress.NONE);
            assertEquals(result.problems(), again.problems());
            assertEquals(here, totals(Jooq.over(other)));
            assertEquals(List.of(), Invariants.over(other).check());
        }
        try (var other = TestDatabase.shared().freshDatabase()) {
            DemoContent.load(other);
            LoadSampleCommand.service(other, ExternalGraders.none()).load(
                    new LoadSampleUseCase.Command(300, 6_000, 43, 4, UNTIL, 2), LoadSampleUseCase.Progress.NONE);
            assertNotEquals(here, totals(Jooq.over(other)));
        }
    }

    @Test
    void aSecondLoadAddsLearnersAfterTheFirst() {
        try (var other = TestDatabase.shared().freshDatabase()) {
            DemoContent.load(other);
            var loader = LoadSampleCommand.service(other, ExternalGraders.none());
            loader.load(new LoadSampleUseCase.Command(20, 100, 1, 2, UNTIL, 2), LoadSampleUseCase.Progress.NONE);
            var second = loader.load(new LoadSampleUseCase.Command(30, 300, 1, 2, UNTIL, 2), LoadSampleUseCase.Progress.NONE);
            assertEquals(21, second.firstLearner());
            var o = Jooq.over(other);
            assertEquals(50L, o.resultQuery("select count(*) from users").fetchOne(0, Long.class));
            assertEquals(400L, o.resultQuery("select count(*) from submissions").fetchOne(0, Long.class));
            assertEquals(List.of(), Invariants.over(other).check());
        }
    }

    @Test
    void aUserWhoMayNotSkipTriggersLoadsTheSameRowsWithEveryCheck() throws Exception {
        Map<String, Long> here = totals(dsl);
        try (var other = TestDatabase.shared().freshDatabase()) {
            DemoContent.load(other);
            var o = Jooq.over(other);
            // a role that may write every table but not set session_replication_role (not a superuser)
            o.execute("do $$ begin if not exists (select from pg_roles where rolname = 'sample_writer') then "
                    + "create role sample_writer nologin; end if; end $$");
            o.execute("grant pg_read_all_data, pg_write_all_data to sample_writer");
            LoadSampleCommand.service(as(other, "sample_writer"), ExternalGraders.none()).load(COMMAND, LoadSampleUseCase.Progress.NONE);
            assertEquals(here, totals(o));
            assertEquals(List.of(), Invariants.over(other).check());
            assertEquals(0L, o.resultQuery("select count(*) from learner_states s join users u on u.id = s.user_id "
                    + "where s.username is distinct from u.username").fetchOne(0, Long.class));
        }
    }

    /** The data source's connections, each switched to {@code role} while lent out. */
    private static DataSource as(DataSource dataSource, String role) {
        return (DataSource) java.lang.reflect.Proxy.newProxyInstance(LoadSampleTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        return method.invoke(dataSource, args);
                    }
                    var connection = (java.sql.Connection) method.invoke(dataSource, args);
                    try (var statement = connection.createStatement()) {
                        statement.execute("set role " + role);
                    }
                    return java.lang.reflect.Proxy.newProxyInstance(LoadSampleTest.class.getClassLoader(),
                            new Class<?>[] {java.sql.Connection.class}, (p, m, a) -> {
                                if (m.getName().equals("close")) {
                                    try (var statement = connection.createStatement()) {
                                        statement.execute("reset role");
                                    }
                                }
                                try {
                                    return m.invoke(connection, a);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
    }

    @Test
    void everyEventIsStoredAsTheLearningLoopStoresIt() {
        try (var other = TestDatabase.shared().freshDatabase()) {
            DemoContent.load(other);
            var written = new CopySampleData(other);
            var captured = java.util.Collections.synchronizedList(new java.util.ArrayList<SampleData.Learner>());
            SampleData capturing = new SampleData() {
                @Override
                public List<ProblemSlug> publishedProblems() {
                    return written.publishedProblems();
                }

                @Override
                public long highestSampleLearner() {
                    return written.highestSampleLearner();
                }

                @Override
                public void write(List<SampleData.Learner> learners) {
                    captured.addAll(learners);
                    written.write(learners);
                }

                @Override
                public void analyze() {
                    written.analyze();
                }
            };
            var o = Jooq.over(other);
            new SampleLoadService(new JooqPracticeProblems(o), capturing, new Grading(ExternalGraders.none()), new JooqTransactions(o),
                    LearningWiring.BOARD_ZONE).load(new LoadSampleUseCase.Command(200, 4_000, 5, 3, UNTIL, 2), LoadSampleUseCase.Progress.NONE);
            // what SubmitAnswerService's adapter stores for each submission's events: their views, written by Jackson
            var expected = new java.util.HashMap<String, String>();
            var types = new java.util.TreeSet<String>();
            for (var learner : captured) {
                for (var submitted : learner.submissions()) {
                    var views = submitted.events().stream().map(EventViews::of).toList();
                    views.forEach(view -> types.add(view.type()));
                    expected.put(submitted.id().value().toString(),
                            StatsJson.json(views.stream().map(JooqSubmissions::event).toList()).data());
                }
            }
            var stored = o.resultQuery("select id, events::text from submissions")
                    .fetchMap(r -> r.get(0).toString(), r -> r.get(1, String.class));
            assertEquals(expected.size(), stored.size());
            assertEquals(expected, stored);
            assertEquals(15, types.size(), "every kind of event is compared: " + types);
        }
    }

    /** Each learner's points, submissions, solved and longest streak, by user name. */
    private static Map<String, Long> totals(DSLContext dsl) {
        return dsl.resultQuery("select u.username, s.points * 1000000 + s.submissions * 10000 + s.solved * 100 + s.streak_longest "
                + "from learner_states s join users u on u.id = s.user_id")
                .fetchMap(r -> r.get(0, String.class), r -> r.get(1, Long.class));
    }
}
