package org.praxis.persistence.gamification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.application.gamification.port.in.LeaderboardsUseCase.Entry;
import org.praxis.application.gamification.port.out.Boards.BoardKey;
import org.praxis.persistence.common.Jooq;
import org.praxis.persistence.testing.FreshDatabase;

/**
 * The global board's pages served from the index ({@link GlobalBoardIndex#page}) equal the SQL page (ranks,
 * ties at the hundredth place listed by user name, display names) after every kind of change that reaches
 * the index: above, at and below the page's last key, renames, new display names, departures, a change made
 * by another instance, and changes applied while pages are read. The first entries are made once for each
 * state of the board: the test counts how often.
 */
@ExtendWith(FreshDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GlobalBoardFirstPageTest {
    private static final BoardKey GLOBAL = new BoardKey.Global();
    private static GlobalBoardIndex index;
    private static JooqBoards boards;

    private final DSLContext dsl;

    GlobalBoardFirstPageTest(javax.sql.DataSource dataSource) {
        this.dsl = Jooq.over(dataSource);
    }

    /** The board's first 100 by definition: RANK() over every learner on it, ties by user name. */
    private List<String> sqlPage() {
        return sqlPage(100, 0);
    }

    /** What JooqLearnerStates tells the index after a commit here: the row as committed (its own stamp). */
    private void committedHere(GlobalBoardIndex to, UUID learner) {
        var row = dsl.resultQuery("select s.points, s.streak_longest, s.submissions, (extract(epoch from s.board_changed_at) * 1000000)::bigint, "
                + "u.username, u.display_name from learner_states s join users u on u.id = s.user_id where s.user_id = ?", learner).fetchOne();
        to.committedHere(learner, row.get(0, Long.class), row.get(1, Integer.class), row.get(2, Integer.class) > 0, row.get(3, Long.class),
                row.get(4, String.class), Optional.ofNullable(row.get(5, String.class)));
    }

    private List<String> sqlPage(int limit, int offset) {
        return dsl.resultQuery("select rank() over (order by s.points desc, s.streak_longest desc), u.username, "
                        + "coalesce(u.display_name, u.username), s.points, s.streak_longest "
                        + "from learner_states s join users u on u.id = s.user_id where s.submissions > 0 "
                        + "order by s.points desc, s.streak_longest desc, u.username collate \"C\" limit " + limit + " offset " + offset)
                .fetch(r -> r.get(0) + " " + r.get(1) + " " + r.get(2) + " " + r.get(3) + " " + r.get(4));
    }

    private static List<String> lines(List<Entry> entries) {
        return entries.stream().map(e -> e.rank() + " " + e.username() + " " + e.displayName() + " " + e.score() + " "
                + e.longestStreak().orElseThrow()).toList();
    }

    private List<String> page() {
        return lines(boards.page(GLOBAL, 100, 0));
    }

    /** The served page equals SQL's, and the slices of it too; returns how many times the first entries were made. */
    private long assertPageAsSql() {
        long before = index.topsMade();
        var expected = sqlPage();
        assertEquals(expected, page());
        assertEquals(expected.subList(95, 100), lines(boards.page(GLOBAL, 5, 95)));
        assertEquals(expected.subList(0, 20), lines(boards.page(GLOBAL, 20, 0)));
        assertEquals(expected.subList(40, 100), lines(boards.page(GLOBAL, 60, 40)));
        // past the first entries: a walk of the index's order
        assertEquals(sqlPage(100, 40), lines(boards.page(GLOBAL, 100, 40)));
        return index.topsMade() - before;
    }

    private UUID learnerAt(int position) {
        return dsl.resultQuery("select s.user_id from learner_states s join users u on u.id = s.user_id where s.submissions > 0 "
                + "order by s.points desc, s.streak_longest desc, u.username offset " + position + " limit 1").fetchOne(0, UUID.class);
    }

    private String keyAt(int position) {
        return dsl.resultQuery("select s.points || ' ' || s.streak_longest from learner_states s join users u on u.id = s.user_id "
                + "where s.submissions > 0 order by s.points desc, s.streak_longest desc, u.username offset " + position + " limit 1")
                .fetchOne(0, String.class);
    }

    private void sql(String statement, Object... binds) {
        dsl.execute(statement, binds);
    }

    @Test
    @Order(1)
    void theFirstPageIsMadeOnceAndThenServedAsMadeUntilTheBoardChanges() {
        // 600 learners on 12 distinct points and 2 streaks: about 25 learners a key, so the hundredth place is a tie
        sql("insert into users (id, username, display_name, created_at, updated_at) select gen_random_uuid(), "
                + "'u' || substr(md5(g::text), 1, 10), case when g % 3 = 0 then 'Name ' || g end, now(), now() "
                + "from generate_series(1, 600) g");
        sql("insert into learner_states (user_id, points, streak_longest, submissions, updated_at) "
                + "select id, (n % 12) * 10, (n / 12) % 2, case when n % 10 = 7 then 0 else 1 end, now() "
                + "from (select id, row_number() over (order by username) as n from users) u");
        index = new GlobalBoardIndex(dsl, Duration.ofSeconds(2));
        boards = new JooqBoards(dsl, index);
        index.load();
        assertEquals(keyAt(99), keyAt(100), "the hundredth place is shared with the next learner");

        assertEquals(1, assertPageAsSql(), "made once");
        assertEquals(0, assertPageAsSql(), "then served as made");
        assertEquals(sqlPage().size(), 100);
    }

    @Test
    @Order(2)
    void aChangeBelowTheLastKeyLeavesThePageAsSqlHasIt() {
        // any change of the board makes the first entries again: cheaper than telling which changes touch them
        var low = learnerAt(400);
        sql("update learner_states set submissions = submissions + 1, streak_longest = streak_longest + 1 where user_id = ? "
                + "and (points, streak_longest + 1) < (select points, streak_longest from learner_states where user_id = ?)", low, learnerAt(99));
        index.poll();
        assertEquals(1, assertPageAsSql());
        // a learner joins the board far below it
        sql("update learner_states set submissions = 1, points = 0, streak_longest = 0 where user_id = "
                + "(select user_id from learner_states where submissions = 0 order by user_id limit 1)");
        index.poll();
        assertEquals(1, assertPageAsSql());
        index.poll();
        assertEquals(0, assertPageAsSql(), "a poll that reads the same rows again changes nothing");
    }

    @Test
    @Order(3)
    void aLearnerReachingTheLastKeyWithAnEarlierNameEntersThePage() {
        var hundredth = learnerAt(99);
        var climber = learnerAt(300);
        sql("update users set username = 'a0-climber' where id = ?", climber);
        index.poll();
        sql("update learner_states s set points = h.points, streak_longest = h.streak_longest, submissions = s.submissions + 1 "
                + "from learner_states h where h.user_id = ? and s.user_id = ?", hundredth, climber);
        index.poll();
        assertEquals(1, assertPageAsSql());
        assertEquals(List.of("a0-climber"), sqlPage().stream().filter(l -> l.contains("a0-climber")).map(l -> l.split(" ")[1]).toList());
    }

    @Test
    @Order(4)
    void aChangeAboveTheLastKeyReordersThePage() {
        var tenth = learnerAt(10);
        sql("update learner_states set points = points + 500, submissions = submissions + 1 where user_id = ?", tenth);
        index.poll();
        assertEquals(1, assertPageAsSql());
        // a learner from far below jumps to the top
        sql("update learner_states set points = points + 900, submissions = submissions + 1 where user_id = ?", learnerAt(450));
        index.poll();
        assertEquals(1, assertPageAsSql());
    }

    @Test
    @Order(5)
    void renamesAndNewDisplayNamesOnThePageAreServedAtOnceAfterTheNextPoll() {
        var onPage = learnerAt(50);
        sql("update users set username = 'zz-renamed' where id = ?", onPage);
        index.poll();
        assertEquals(1, assertPageAsSql(), "V9 stamps the rename: it travels like a change");
        sql("update users set display_name = 'Ada Lovelace' where id = ?", learnerAt(3));
        index.poll();
        assertEquals(1, assertPageAsSql(), "V9 stamps a new display name");
        // my neighbours carry the names too (V9 copies the display name next to the user name)
        var around = boards.around(GLOBAL, new org.praxis.domain.identity.LearnerId(learnerAt(4)), 2).orElseThrow();
        assertEquals(sqlPage().subList(2, 7), lines(around.entries()));
        assertEquals("Ada Lovelace", around.entries().get(1).displayName());
        // the learner at the hundredth place moves within the tie by a rename and may leave the page
        sql("update users set username = 'zzzz-last' where id = ?", learnerAt(99));
        index.poll();
        assertEquals(1, assertPageAsSql());
        // below the page
        sql("update users set username = 'b-below', display_name = 'Below' where id = ?", learnerAt(300));
        index.poll();
        assertEquals(1, assertPageAsSql());
    }

    @Test
    @Order(6)
    void aDepartureFromThePageIsFilledFromBelow() {
        sql("delete from users where id = ?", learnerAt(0));
        sql("delete from users where id = ?", learnerAt(99));
        index.poll();
        assertEquals(1, assertPageAsSql());
        sql("delete from users where id = ?", learnerAt(350));
        index.poll();
        assertEquals(1, assertPageAsSql());
    }

    @Test
    @Order(7)
    void aChangeCommittedByAnotherInstanceReachesThisOneWithItsNextPoll() {
        var other = new GlobalBoardIndex(dsl, Duration.ofSeconds(2));
        var otherBoards = new JooqBoards(dsl, other);
        other.load();
        var before = sqlPage();
        assertEquals(before, lines(otherBoards.page(GLOBAL, 100, 0)));
        assertEquals(0, assertPageAsSql());
        // the other instance's learner submits there: it reads its own change at once
        var riser = learnerAt(120);
        sql("update learner_states set points = points + 2000, submissions = submissions + 1 where user_id = ?", riser);
        committedHere(other, riser);
        var after = sqlPage();
        assertNotEquals(before, after);
        assertEquals(after, lines(otherBoards.page(GLOBAL, 100, 0)));
        // this one serves what it held until its next poll (a second in production), then the change
        assertEquals(before, page());
        index.poll();
        assertEquals(1, assertPageAsSql());
    }

    @Test
    @Order(8)
    void aChangeOfThisInstanceIsReadAtOnceWithoutAPoll() {
        assertEquals(0, assertPageAsSql());
        var learner = learnerAt(30);
        sql("update learner_states set streak_longest = streak_longest + 5, submissions = submissions + 1 where user_id = ?", learner);
        // after the commit of a submission here (JooqLearnerStates tells the index)
        committedHere(index, learner);
        assertEquals(1, assertPageAsSql());
        assertEquals(index.size(), boards.size(GLOBAL));
    }

    @Test
    @Order(9)
    void pagesReadWhileChangesApplyAreEachABoardAsItWasAtSomeMoment() throws Exception {
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        var readers = new ArrayList<Thread>();
        var reads = new java.util.concurrent.atomic.AtomicLong();
        for (int r = 0; r < 3; r++) {
            var reader = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        assertOrdered(boards.page(GLOBAL, 100, 0), 0);
                        assertOrdered(boards.page(GLOBAL, 50, 120), 120);
                        reads.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            reader.start();
            readers.add(reader);
        }
        var random = new java.util.Random(9);
        for (int i = 0; i < 150; i++) {
            var learner = learnerAt(random.nextInt(300));
            sql("update learner_states set points = points + ?, submissions = submissions + 1 where user_id = ?", 10 * random.nextInt(30), learner);
            committedHere(index, learner);
        }
        stop.set(true);
        for (var reader : readers) {
            reader.join();
        }
        assertEquals(null, failure.get());
        assertTrue(reads.get() > 0);
        assertEquals(1, assertPageAsSql());
    }

    /** A page as a board is: in board order, with standard competition ranks for its positions from {@code offset}. */
    private static void assertOrdered(List<Entry> page, int offset) {
        for (int i = 1; i < page.size(); i++) {
            var a = page.get(i - 1);
            var b = page.get(i);
            int byKey = a.score() != b.score() ? Long.compare(b.score(), a.score())
                    : Integer.compare(b.longestStreak().orElseThrow(), a.longestStreak().orElseThrow());
            assertTrue(byKey < 0 || byKey == 0 && a.username().compareTo(b.username()) < 0, a + " before " + b);
            assertEquals(byKey == 0 ? a.rank() : offset + i + 1, b.rank(), "rank of " + b);
        }
    }

    @Test
    @Order(10)
    void aShortBoardIsServedWhole() {
        sql("delete from users where id in (select user_id from learner_states where submissions > 0 "
                + "order by points, streak_longest offset 40)");
        index.poll();
        var expected = sqlPage();
        assertEquals(40, expected.size());
        assertEquals(expected, page());
        assertEquals(expected.subList(30, 40), lines(boards.page(GLOBAL, 100, 30)));
        long before = index.topsMade();
        assertEquals(expected, page());
        assertEquals(0, index.topsMade() - before);
        // even the last learner's change may reorder a short board
        sql("update learner_states set points = points + 1, submissions = submissions + 1 where user_id = ?", learnerAt(39));
        index.poll();
        assertEquals(sqlPage(), page());
        assertEquals(1, index.topsMade() - before);
    }

    @Test
    @Order(12)
    void aLearnerRenamedBeforeJoiningTheBoardJoinsWithBothNames() {
        UUID late = UUID.randomUUID();
        sql("insert into users (id, username, display_name, created_at, updated_at) values (?, 'zz-late', 'Late Name', now(), now())", late);
        sql("insert into learner_states (user_id, points, streak_longest, submissions, updated_at) values (?, 0, 0, 0, now())", late);
        sql("update users set username = 'zz-renamed' where id = ?", late);
        sql("update learner_states set points = 5, submissions = 1 where user_id = ?", late);
        assertEquals(List.of("zz-renamed", "Late Name"), dsl.resultQuery("select username, display_name from learner_states where user_id = ?", late)
                .fetchOne().intoList().stream().map(Object::toString).toList());
    }
}
