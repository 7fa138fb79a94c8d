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

    /** What the board is, by definition: RANK() over the rows, ties listed by user name (code point order). */
    private record Expected(UUID learner, int rank, String username, String displayName, long points, int streak) {
        String line() {
            return rank + " " + username + " " + displayName + " " + points + " " + streak;
        }
    }

    private List<Expected> sqlBoard() {
        return dsl.resultQuery("select s.user_id, rank() over (order by s.points desc, s.streak_longest desc) as rank, u.username, "
                        + "coalesce(u.display_name, u.username), s.points, s.streak_longest from learner_states s join users u on u.id = s.user_id "
                        + "where s.submissions > 0 order by s.points desc, s.streak_longest desc, u.username collate \"C\"")
                .fetch(r -> new Expected(r.get(0, UUID.class), r.get(1, Integer.class), r.get(2, String.class), r.get(3, String.class),
                        r.get(4, Long.class), r.get(5, Integer.class)));
    }

    private static String line(Entry e) {
        return e.rank() + " " + e.username() + " " + e.displayName() + " " + e.score() + " " + e.longestStreak().orElseThrow();
    }

    /** The learner's rank as the index holds it. */
    private static long rankIn(GlobalBoardIndex index, UUID learner) {
        return index.standing(learner, 0).orElseThrow().me().rank();
    }

    private void sql(String statement) {
        dsl.execute(statement);
    }

    @Test
    @Order(1)
    void loadedFromThousandsOfLearnersWithTiesItRanksAsSqlDoes() {
        sql("select setseed(0.8)");
        // few distinct points and streaks: large groups of equal keys; one learner in ten never submitted
        // names in mixed case with punctuation, which collations other than "C" order differently; some display names
        sql("insert into users (id, username, display_name, created_at, updated_at) select gen_random_uuid(), "
                + "(array['u', 'U', 'u_', 'u.'])[1 + g % 4] || substr(md5(g::text), 1, 12), "
                + "case when g % 3 = 0 then 'Learner ' || g end, now(), now() from generate_series(1, " + LEARNERS + ") g");
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
        // renamed learners move within their group of equals (listed by user name); display names come and go
        sql("update users set username = 'a' || substr(username, 2) where id in (select user_id from learner_states "
                + "where submissions > 0 order by user_id limit 30)");
        sql("update users set display_name = case when display_name is null then 'New ' || username end where id in "
                + "(select user_id from learner_states where submissions > 0 order by user_id desc limit 40)");

        index.poll();

        var expected = sqlBoard();
        assertEquals(expected.size(), index.size(), "the poll alone brought the index up to date");
        for (var e : expected) {
            assertEquals(e.rank(), rankIn(index, e.learner()), e.line());
        }
        assertRanksAsSql(expected, 1_000);
        assertNeighboursAsSql(expected, random, 200);
    }

    @Test
    @Order(3)
    void myOwnChangeIsReadAtOnceOnThisInstanceAndTheDatabasesStampTakesOverAtThePoll() {
        var expected = sqlBoard();
        var me = expected.get(expected.size() - 1);
        long before = stampOf(me.learner());
        // my submission commits here: JooqLearnerStates tells the index, with the stamp it knows under the lock
        sql("update learner_states set points = points + 1000, submissions = submissions + 1 where user_id = '" + me.learner() + "'");
        index.committedHere(me.learner(), me.points() + 1000, me.streak(), true, before + 1, me.username(),
                me.displayName().equals(me.username()) ? Optional.empty() : Optional.of(me.displayName()));
        var position = boards.positionOf(GLOBAL, new LearnerId(me.learner())).orElseThrow();
        assertEquals(new Boards.Position(1, me.points() + 1000, 0), position);
        assertRanksAsSql(sqlBoard(), 500);
        // the poll reads the row with the database's stamp; a later change made elsewhere is newer still
        index.poll();
        sql("update learner_states set points = points - 999, submissions = submissions + 1 where user_id = '" + me.learner() + "'");
        index.poll();
        assertEquals(me.points() + 1, boards.positionOf(GLOBAL, new LearnerId(me.learner())).orElseThrow().score());
        assertRanksAsSql(sqlBoard(), 500);
    }

    @Test
    @Order(8)
    void aLearnersRowCommittedByAnotherThreadIsReadAgainOnRefresh() {
        var expected = sqlBoard();
        var me = expected.get(expected.size() - 2);
        // a grading worker (perhaps on another instance) committed my answer
        sql("update learner_states set points = points + 3000, submissions = submissions + 1 where user_id = '" + me.learner() + "'");
        assertEquals(me.rank(), boards.positionOf(GLOBAL, new LearnerId(me.learner())).orElseThrow().rank(), "not polled yet");
        boards.refresh(new LearnerId(me.learner()));
        var now = sqlBoard();
        int at = now.stream().map(Expected::learner).toList().indexOf(me.learner());
        assertTrue(now.get(at).rank() < me.rank() - 100, "a change that moves me far up: " + now.get(at).line());
        assertEquals(new Boards.Position(now.get(at).rank(), me.points() + 3000, at),
                boards.positionOf(GLOBAL, new LearnerId(me.learner())).orElseThrow());
        index.poll();
        assertRanksAsSql(sqlBoard(), 300);
    }

    private long stampOf(UUID learner) {
        return dsl.fetchValue("select (extract(epoch from board_changed_at) * 1000000)::bigint from learner_states where user_id = ?", learner)
                instanceof Number n ? n.longValue() : Long.MIN_VALUE;
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
        assertEquals(watched.rank(), rankIn(index, watcher.learner()));
        assertEquals(watched.rank(), rankIn(other, watcher.learner()));
        assertEquals(now.size(), other.size());
        for (var e : now) {
            assertEquals(e.rank(), rankIn(other, e.learner()), e.line());
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
            // a poll reads the newer change: the older one is not visible yet
            index.poll();
            slow.commit();
        }
        var now = sqlBoard();
        var lateNow = now.stream().filter(e -> e.learner().equals(late)).findFirst().orElseThrow();
        assertEquals(2, lateNow.rank());
        var third = now.get(2);
        assertEquals(third.rank() - 1, rankIn(index, third.learner()), "not yet: the late change is missing");
        // the next poll reads again the last two seconds before the newest change held, and finds it
        index.poll();
        assertEquals(third.rank(), rankIn(index, third.learner()));
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

    @Test
    @Order(7)
    void pagesBeyondTheFirstHundredWalkTheIndexAndEqualSql() {
        var expected = sqlBoard();
        var random = new Random(7);
        var offsets = new ArrayList<Integer>(List.of(0, 99, 100, 101, expected.size() - 10, expected.size() - 1, expected.size(),
                expected.size() + 5));
        for (int i = 0; i < 60; i++) {
            offsets.add(random.nextInt(expected.size()));
        }
        for (int offset : offsets) {
            int limit = List.of(1, 10, 100).get(random.nextInt(3));
            var lines = expected.subList(Math.min(offset, expected.size()), Math.min(offset + limit, expected.size())).stream()
                    .map(Expected::line).toList();
            assertEquals(lines, boards.page(GLOBAL, limit, offset).stream().map(GlobalBoardIndexTest::line).toList(),
                    "offset " + offset + " limit " + limit);
        }
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
