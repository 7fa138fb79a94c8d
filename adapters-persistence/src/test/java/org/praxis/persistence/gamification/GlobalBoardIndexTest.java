package org.praxis.persistence.gamification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.application.gamification.port.in.LeaderboardsUseCase.Entry;
import org.praxis.application.gamification.port.out.Boards;
import org.praxis.application.gamification.port.out.Boards.BoardKey;
import org.praxis.domain.identity.LearnerId;
import org.praxis.persistence.common.Jooq;
import org.praxis.persistence.testing.FreshDatabase;

/**
 * Issue 8's acceptance: the ranks the index answers equal a plain SQL {@code RANK()} over the same rows,
 * for thousands of learners with many ties, after loading, after random changes followed by a poll, and
 * on two instances over one database. Changes are made in SQL, as another instance would commit them.
 */
@ExtendWith(FreshDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GlobalBoardIndexTest {
    private static final BoardKey GLOBAL = new BoardKey.Global();
    private static final int LEARNERS = 5_000;

    private final DataSource dataSource;
    private final DSLContext dsl;
    private static GlobalBoardIndex index;
    private static JooqBoards boards;

    GlobalBoardIndexTest(DataSource dataSource) {
        this.dataSource = dataSource;
        this.dsl = Jooq.over(dataSource);
    }

    /** What the board is, by definition: RANK() over the rows, ties listed by user name. */
    private record Expected(UUID learner, int rank, String username, long points, int streak) {
        String line() {
            return rank + " " + username + " " + points + " " + streak;
        }
    }

    private List<Expected> sqlBoard() {
        return dsl.resultQuery("select s.user_id, rank() over (order by s.points desc, s.streak_longest desc) as rank, u.username, "
                        + "s.points, s.streak_longest from learner_states s join users u on u.id = s.user_id where s.submissions > 0 "
                        + "order by s.points desc, s.streak_longest desc, u.username")
                .fetch(r -> new Expected(r.get(0, UUID.class), r.get(1, Integer.class), r.get(2, String.class), r.get(3, Long.class),
                        r.get(4, Integer.class)));
    }

    private static String line(Entry e) {
        return e.rank() + " " + e.username() + " " + e.score() + " " + e.longestStreak().orElseThrow();
    }

    private void sql(String statement) {
        dsl.execute(statement);
    }

    @Test
    @Order(1)
    void loadedFromThousandsOfLearnersWithTiesItRanksAsSqlDoes() {
        sql("select setseed(0.8)");
        // few distinct points and streaks: large groups of equal keys; one learner in ten never submitted
        sql("insert into users (id, username, created_at, updated_at) select gen_random_uuid(), "
                + "'u' || substr(md5(g::text), 1, 12), now(), now() from generate_series(1, " + LEARNERS + ") g");
        sql("insert into learner_states (user_id, points, streak_longest, submissions, updated_at) "
                + "select id, (floor(random() * 12) * 10)::bigint, floor(random() * 3)::int, "
                + "case when random() < 0.1 then 0 else 1 + floor(random() * 5)::int end, now() from users");
        index = new GlobalBoardIndex(dsl, Duration.ofSeconds(2));
        boards = new JooqBoards(dsl, index);
        assertFalse(index.loaded());
        index.load();
        assertTrue(index.loaded());

        var expected = sqlBoard();
        assertTrue(expected.size() > 4_000 && expected.size() < 5_000, "most learners are on the board: " + expected.size());
        assertEquals(expected.size(), boards.size(GLOBAL));
        assertRanksAsSql(expected, expected.size());
        assertNeighboursAsSql(expected, new Random(1), 300);
    }

    @Test
    @Order(2)
    void randomChangesDeletionsAndNewLearnersAreExactAfterOnePoll() {
        var before = sqlBoard();
        var random = new Random(2);
        for (int i = 0; i < 400; i++) {
            var learner = before.get(random.nextInt(before.size())).learner();
            // points and longest streaks only grow; many changes land on keys others already hold
            sql("update learner_states set points = points + " + (10 * random.nextInt(4)) + ", streak_longest = streak_longest + "
                    + random.nextInt(2) + ", submissions = submissions + 1 where user_id = '" + learner + "'");
        }
        // learners who had never submitted submit now; some accounts are deleted (the rows cascade)
        sql("update learner_states set submissions = 1, points = 30 where submissions = 0 and user_id in "
                + "(select user_id from learner_states where submissions = 0 order by user_id limit 100)");
        for (int i = 0; i < 25; i++) {
            sql("delete from users where id = '" + before.get(random.nextInt(before.size())).learner() + "'");
        }
        // renamed learners move within their group of equals (listed by user name)
        sql("update users set username = 'a' || substr(username, 2) where id in (select user_id from learner_states "
                + "where submissions > 0 order by user_id limit 30)");

        index.poll();

        var expected = sqlBoard();
        assertEquals(expected.size(), index.size(), "the poll alone brought the index up to date");
        for (var e : expected) {
            var fresh = GlobalBoardIndex.key(e.points(), e.streak());
            assertEquals(e.rank(), index.countBetterThan(e.learner(), fresh) + 1, e.line());
        }
        assertRanksAsSql(expected, 1_000);
        assertNeighboursAsSql(expected, random, 200);
    }

    @Test
    @Order(3)
    void myOwnRankIsExactRightAfterMyChangeEvenWhenEverythingElseWaitsForAPoll() {
        var expected = sqlBoard();
        var me = expected.get(expected.size() - 1);
        // my submission commits; no poll: my read catches up and reads my row fresh
        sql("update learner_states set points = points + 1000, submissions = submissions + 1 where user_id = '" + me.learner() + "'");
        var position = boards.positionOf(GLOBAL, new LearnerId(me.learner())).orElseThrow();
        assertEquals(1, position.rank());
        assertEquals(me.points() + 1000, position.score());
        assertEquals(0, position.index());
        assertRanksAsSql(sqlBoard(), 500);
    }

    @Test
    @Order(4)
    void twoInstancesOnOneDatabaseBothSeeAChangeAfterOnePoll() {
        var other = new GlobalBoardIndex(dsl, Duration.ofSeconds(2));
        other.load();
        var expected = sqlBoard();
        var riser = expected.get(expected.size() / 2);
        var watcher = expected.get(expected.size() / 2 + 50);
        sql("update learner_states set points = points + 5000, submissions = submissions + 1 where user_id = '" + riser.learner() + "'");
        index.poll();
        other.poll();
        var now = sqlBoard();
        var watched = now.stream().filter(e -> e.learner().equals(watcher.learner())).findFirst().orElseThrow();
        long key = GlobalBoardIndex.key(watched.points(), watched.streak());
        assertEquals(watched.rank(), index.countBetterThan(watcher.learner(), key) + 1);
        assertEquals(watched.rank(), other.countBetterThan(watcher.learner(), key) + 1);
        assertEquals(now.size(), other.size());
        for (var e : now) {
            assertEquals(e.rank(), other.countBetterThan(e.learner(), GlobalBoardIndex.key(e.points(), e.streak())) + 1, e.line());
        }
    }

    @Test
    @Order(5)
    void aChangeThatCommitsAfterANewerOneIsPickedUpByThePollsOverlap() throws SQLException {
        var expected = sqlBoard();
        var late = expected.get(100).learner();
        var early = expected.get(200).learner();
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            try (var update = slow.createStatement()) {
                // stamped now, committed later
                update.executeUpdate("update learner_states set points = points + 7000 where user_id = '" + late + "'");
            }
            sql("update learner_states set points = points + 9000 where user_id = '" + early + "'");
            // a reader catches up past the newer change: the older one is not visible yet
            index.catchUpReading(Optional.empty());
            slow.commit();
        }
        // a strict catch-up starts after the newest change held and cannot see the late one...
        index.catchUpReading(Optional.empty());
        var now = sqlBoard();
        var lateNow = now.stream().filter(e -> e.learner().equals(late)).findFirst().orElseThrow();
        assertEquals(2, lateNow.rank());
        var third = now.get(2);
        long thirdKey = GlobalBoardIndex.key(third.points(), third.streak());
        assertEquals(third.rank() - 1, index.countBetterThan(third.learner(), thirdKey) + 1, "not yet: the late change is missing");
        // ...the poll re-reads the last two seconds of changes and finds it
        index.poll();
        assertEquals(third.rank(), index.countBetterThan(third.learner(), thirdKey) + 1);
        assertRanksAsSql(now, 500);
    }

    @Test
    @Order(6)
    void withoutALoadedIndexTheBoardIsCountedInSqlAndAgrees() {
        var unloaded = new JooqBoards(dsl, new GlobalBoardIndex(dsl, Duration.ofSeconds(2)));
        var expected = sqlBoard();
        var random = new Random(6);
        for (int i = 0; i < 50; i++) {
            var e = expected.get(random.nextInt(expected.size()));
            assertEquals(e.rank(), unloaded.positionOf(GLOBAL, new LearnerId(e.learner())).orElseThrow().rank());
            var around = unloaded.around(GLOBAL, new LearnerId(e.learner()), 3).orElseThrow();
            var indexed = boards.around(GLOBAL, new LearnerId(e.learner()), 3).orElseThrow();
            assertEquals(around.entries().stream().map(GlobalBoardIndexTest::line).toList(),
                    indexed.entries().stream().map(GlobalBoardIndexTest::line).toList());
            assertEquals(e.rank(), indexed.rank());
            assertEquals(around.rank(), indexed.rank());
            assertEquals(around.score(), indexed.score());
        }
        assertEquals(expected.size(), unloaded.size(GLOBAL));
    }

    /** {@code samples} learners' positions (all of them, or a random choice) read as a client would. */
    private void assertRanksAsSql(List<Expected> expected, int samples) {
        var onBoard = new HashMap<UUID, Expected>();
        for (var e : expected) {
            onBoard.put(e.learner(), e);
        }
        var all = dsl.resultQuery("select user_id from learner_states").fetch(r -> r.get(0, UUID.class));
        var picks = new ArrayList<Integer>();
        var random = new Random(samples);
        for (int i = 0; i < expected.size(); i++) {
            if (samples >= expected.size() || random.nextInt(expected.size()) < samples) {
                picks.add(i);
            }
        }
        int checked = 0;
        for (int i : picks) {
            var e = expected.get(i);
            var position = boards.positionOf(GLOBAL, new LearnerId(e.learner()));
            assertEquals(Optional.of(new Boards.Position(e.rank(), e.points(), i)), position, e.line());
            checked++;
        }
        for (var learner : all) {
            if (!onBoard.containsKey(learner)) {
                assertEquals(Optional.empty(), boards.positionOf(GLOBAL, new LearnerId(learner)), "never submitted: not on the board");
            }
        }
        assertEquals(picks.size(), checked);
    }

    @Test
    @Order(50)
    void aReadRunsOnAGenericPlanThatStaysWithinItsStatement() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            var one = org.jooq.impl.DSL.using(c, org.jooq.SQLDialect.POSTGRES);
            var reader = new GlobalBoardIndex(one, Duration.ofSeconds(5));
            var learner = one.resultQuery("select user_id from learner_states where submissions > 0 order by user_id limit 1").fetchOne(0, UUID.class);
            // past the driver's prepare threshold (5), so the server-side prepared statement is exercised too
            for (int i = 0; i < 8; i++) {
                var reading = reader.catchUpReading(Optional.of(learner), 5);
                assertEquals(learner, reading.mine().orElseThrow().learner());
                assertEquals("auto", one.resultQuery("show plan_cache_mode").fetchOne(0, String.class), "after read " + (i + 1));
            }
            // PostgreSQL's own choice would be a custom plan, made again at every execution; the pooled
            // connection may hold the statement's other shapes too (without neighbours), from earlier tests
            var plans = one.resultQuery("select generic_plans, custom_plans from pg_prepared_statements where statement like '%with me as%'")
                    .fetch();
            assertFalse(plans.isEmpty(), "the reading is a prepared statement");
            assertTrue(plans.stream().anyMatch(p -> p.get(0, Long.class) >= 3), "generic plans: " + plans);
            assertTrue(plans.stream().allMatch(p -> p.get(1, Long.class) == 0), "no custom plan: " + plans);
            // inside a transaction the setting would outlast the read: left out there
            c.setAutoCommit(false);
            try {
                assertEquals(learner, reader.catchUpReading(Optional.of(learner), 5).mine().orElseThrow().learner());
                assertEquals("auto", one.resultQuery("show plan_cache_mode").fetchOne(0, String.class), "inside a transaction");
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private void assertNeighboursAsSql(List<Expected> expected, Random random, int samples) {
        var picks = new ArrayList<Integer>(List.of(0, 1, expected.size() - 1, expected.size() - 2));
        for (int i = 0; i < samples; i++) {
            picks.add(random.nextInt(expected.size()));
        }
        for (int i : picks) {
            int k = List.of(0, 1, 5, 12, 50).get(random.nextInt(5));
            var me = expected.get(i);
            var around = boards.around(GLOBAL, new LearnerId(me.learner()), k).orElseThrow();
            var lines = expected.subList(Math.max(0, i - k), Math.min(expected.size(), i + k + 1)).stream().map(Expected::line).toList();
            assertEquals(lines, around.entries().stream().map(GlobalBoardIndexTest::line).toList(), me.line() + " k=" + k);
            assertEquals(me.rank(), around.rank());
            assertEquals(me.points(), around.score());
        }
    }
}
