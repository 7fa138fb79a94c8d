package org.praxis.persistence.gamification;

import static org.praxis.persistence.schema.Tables.BOARD_PERIOD_SCORES;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.praxis.application.gamification.port.in.LeaderboardsUseCase.Entry;
import org.praxis.application.gamification.port.out.Boards;
import org.praxis.domain.identity.LearnerId;
import org.praxis.persistence.common.Pipeline;

/**
 * Boards read from the rows the learning loop writes.
 * Standard competition rank = 1 + the number of strictly better entries; equal entries are listed by
 * user name so that pages are stable.
 *
 * <p>With a loaded {@link GlobalBoardIndex}, the global board's size, ranks and neighbours come from the
 * index instead of counting rows (O(rank) at a million learners): the reader's own row is read fresh in
 * the same statement that catches the index up, so "my rank" is exact after my own submission whatever
 * the index still holds for me (docs/performance.md, "Boards and ranks"). Its first 100 entries are served
 * from the index's memory ({@link GlobalBoardIndex#first}) while no change that may touch them has reached
 * it; this instance's own commits reach it before its next page read, the others' with the next poll. The
 * other boards count in SQL.
 */
public final class JooqBoards implements Boards {
    private final DSLContext dsl;
    private final GlobalBoardIndex global;

    /** Every board counted in SQL (commands and tests that need no index). */
    public JooqBoards(DSLContext dsl) {
        this(dsl, null);
    }

    /** {@code global}: the index that answers the global board once it is loaded (null: none). */
    public JooqBoards(DSLContext dsl, GlobalBoardIndex global) {
        this.dsl = Objects.requireNonNull(dsl);
        this.global = global;
    }

    private boolean indexed(BoardKey board) {
        return board instanceof BoardKey.Global && global != null && global.loaded();
    }

    @Override
    public void credit(LearnerId learner, List<BoardKey.Period> periods, long points) {
        for (var period : periods) {
            // deferred: sent with the submission's other writes, in one round trip
            Pipeline.write(dsl.insertInto(BOARD_PERIOD_SCORES)
                    .set(BOARD_PERIOD_SCORES.BOARD, period.board()).set(BOARD_PERIOD_SCORES.PERIOD, period.period())
                    .set(BOARD_PERIOD_SCORES.USER_ID, learner.value()).set(BOARD_PERIOD_SCORES.SCORE, points)
                    .onConflict(BOARD_PERIOD_SCORES.BOARD, BOARD_PERIOD_SCORES.PERIOD, BOARD_PERIOD_SCORES.USER_ID).doUpdate()
                    .set(BOARD_PERIOD_SCORES.SCORE, BOARD_PERIOD_SCORES.SCORE.plus(points)));
        }
    }

    @Override
    public boolean exists(BoardKey board) {
        if (board instanceof BoardKey.OnProblem p) {
            return dsl.fetchExists(dsl.selectOne().from(org.praxis.persistence.schema.Tables.PROBLEMS)
                    .where(org.praxis.persistence.schema.Tables.PROBLEMS.SLUG.eq(p.problem().value())
                            .and(org.praxis.persistence.schema.Tables.PROBLEMS.STATE.eq("published"))));
        }
        if (board instanceof BoardKey.InTopic t) {
            return dsl.fetchExists(dsl.selectOne().from(org.praxis.persistence.schema.Tables.TOPICS)
                    .where(org.praxis.persistence.schema.Tables.TOPICS.SLUG.eq(t.topic().value())
                            .and(org.praxis.persistence.schema.Tables.TOPICS.ARCHIVED_AT.isNull())));
        }
        return true;
    }

    @Override
    public long size(BoardKey board) {
        if (indexed(board)) {
            // this instance's own commits at once; the others' arrive with the next poll (within a second)
            global.catchUpIfChangedHere();
            return global.size();
        }
        var source = Source.of(board);
        return ((Number) dsl.fetchValue("select count(*) from " + source.from, source.binds.toArray())).longValue();
    }

    @Override
    public List<Entry> page(BoardKey board, int limit, int offset) {
        if (indexed(board) && (long) offset + limit <= GlobalBoardIndex.TOP) {
            global.catchUpIfChangedHere();
            return global.first(limit, offset, this::globalTop);
        }
        var source = Source.of(board);
        var binds = new ArrayList<Object>(source.binds);
        binds.add(limit);
        binds.add(offset);
        return dsl.resultQuery("select u.username, u.display_name, " + source.score + " as score, " + source.extra + " as extra, "
                        + "rank() over (order by " + source.order + ") as rank from " + source.from
                        + " order by " + source.order + ", " + source.name + " limit ? offset ?", binds.toArray())
                .fetch(JooqBoards::entry);
    }

    @Override
    public Optional<Position> positionOf(BoardKey board, LearnerId learner) {
        if (indexed(board)) {
            var mine = global.catchUpReading(Optional.of(learner.value())).filter(GlobalBoardIndex.Mine::onBoard);
            if (mine.isEmpty()) {
                return Optional.empty();
            }
            var me = mine.get();
            long better = global.countBetterThan(me.learner(), me.key());
            // the 0-based index needs my place among my equals, by user name: counted in SQL (around() does not need it)
            long equalBefore = ((Number) dsl.fetchValue("select count(*) from learner_states s "
                    + "where s.submissions > 0 and s.points = ? and s.streak_longest = ? and s.username < ?",
                    me.points(), me.longestStreak(), me.username())).longValue();
            return Optional.of(new Position((int) (better + 1), me.points(), better + equalBefore));
        }
        var source = Source.of(board);
        var binds = new ArrayList<Object>(source.binds);
        binds.add(learner.value());
        var me = dsl.resultQuery("select " + source.score + " as score, " + source.extra + " as extra, u.username from "
                + source.from + " and u.id = ?", binds.toArray()).fetchOptional();
        if (me.isEmpty()) {
            return Optional.empty();
        }
        long score = me.get().get("score", Long.class);
        Object extra = me.get().get("extra");
        String username = me.get().get("username", String.class);
        var better = new ArrayList<Object>(source.binds);
        better.addAll(source.betterBinds(score, extra));
        long strictlyBetter = ((Number) dsl.fetchValue("select count(*) from " + source.from + " and (" + source.better + ")",
                better.toArray())).longValue();
        var before = new ArrayList<Object>(source.binds);
        before.addAll(source.equalBinds(score, extra));
        before.add(username);
        long equalBefore = ((Number) dsl.fetchValue("select count(*) from " + source.from + " and (" + source.equal
                + ") and " + source.name + " < ?", before.toArray())).longValue();
        return Optional.of(new Position((int) (strictlyBetter + 1), score, strictlyBetter + equalBefore));
    }

    /**
     * The global board around me: one statement catches the index up, reads my row fresh and my
     * neighbours by range reads of the board index from my row (never an offset); my rank and theirs come
     * from the index.
     */
    @Override
    public Optional<Around> around(BoardKey board, LearnerId learner, int neighbours) {
        if (!indexed(board)) {
            return Boards.super.around(board, learner, neighbours);
        }
        var reading = global.catchUpReading(Optional.of(learner.value()), neighbours);
        var mine = reading.mine().filter(GlobalBoardIndex.Mine::onBoard);
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        var me = mine.get();
        int rank = (int) (global.countBetterThan(me.learner(), me.key()) + 1);
        var entries = new ArrayList<Entry>(reading.above().size() + 1 + reading.below().size());
        for (int i = reading.above().size() - 1; i >= 0; i--) {
            entries.add(entry(reading.above().get(i), me, rank));
        }
        entries.add(new Entry(rank, me.username(), me.displayName() == null ? me.username() : me.displayName(), me.points(),
                Optional.of(me.longestStreak()), Optional.empty()));
        for (var below : reading.below()) {
            entries.add(entry(below, me, rank));
        }
        return Optional.of(new Around(rank, me.points(), entries));
    }

    /** My equals share my rank; the others' come from the index, their own held entry discounted. */
    private Entry entry(GlobalBoardIndex.Neighbour n, GlobalBoardIndex.Mine me, int myRank) {
        int rank = n.key() == me.key() ? myRank : (int) (global.countBetterThan(n.learner(), n.key()) + 1);
        return new Entry(rank, n.username(), n.displayName() == null ? n.username() : n.displayName(), n.points(),
                Optional.of(n.longestStreak()), Optional.empty());
    }

    /**
     * The first {@value GlobalBoardIndex#TOP} entries of the global board in SQL, for the index to keep:
     * about that many entries of learner_states_board_idx, which carries the names (V8, V9); the ranks from rank()
     * over that prefix (a rank depends only on the entries above). The limit is part of the text so the
     * plan is never a generic one for an unknown limit (planned here as a parallel scan of the whole board).
     */
    private List<GlobalBoardIndex.Ranked> globalTop() {
        return dsl.resultQuery("select s.user_id, s.username, s.display_name, s.points, s.streak_longest, "
                        + "rank() over (order by s.points desc, s.streak_longest desc) as rank "
                        + "from learner_states s where s.submissions > 0 "
                        + "order by s.points desc, s.streak_longest desc, s.username limit " + GlobalBoardIndex.TOP)
                .fetch(r -> {
                    String username = r.get(1, String.class);
                    String display = r.get(2, String.class);
                    long points = r.get(3, Long.class);
                    int streak = r.get(4, Integer.class);
                    return new GlobalBoardIndex.Ranked(r.get(0, java.util.UUID.class), GlobalBoardIndex.key(points, streak),
                            new Entry(r.get(5, Integer.class), username, display == null ? username : display, points,
                                    Optional.of(streak), Optional.empty()));
                });
    }

    private static Entry entry(Record r) {
        Object extra = r.get("extra");
        Optional<Integer> streak = extra instanceof Number n ? Optional.of(n.intValue()) : Optional.empty();
        Optional<java.time.Instant> completed = extra instanceof OffsetDateTime t ? Optional.of(t.toInstant()) : Optional.empty();
        String display = r.get("display_name", String.class);
        String username = r.get("username", String.class);
        return new Entry(r.get("rank", Integer.class), username, display == null ? username : display,
                r.get("score", Long.class), streak, completed);
    }

    /**
     * One board as SQL: its rows (always a WHERE so more conditions can follow), its score, its tie-break
     * value, its order, and the condition for "strictly better than (score, extra)" and "equal to it".
     */
    private record Source(String from, List<Object> binds, String score, String extra, String order, String better,
            String equal, int extraBindsPerComparison, String name) {

        static Source of(BoardKey key) {
            if (key instanceof BoardKey.Global) {
                return new Source("learner_states s join users u on u.id = s.user_id where s.submissions > 0", List.of(),
                        "s.points", "s.streak_longest", "s.points desc, s.streak_longest desc",
                        "s.points > ? or (s.points = ? and s.streak_longest > ?)", "s.points = ? and s.streak_longest = ?", 1,
                        // the copy of the name in learner_states (V8): the whole order is one index
                        "s.username");
            }
            if (key instanceof BoardKey.Period p) {
                return new Source("board_period_scores s join users u on u.id = s.user_id where s.board = ? and s.period = ?",
                        List.of(p.board(), p.period()), "s.score", "null::int", "s.score desc",
                        "s.score > ?", "s.score = ?", 0, "u.username");
            }
            if (key instanceof BoardKey.OnProblem p) {
                return new Source("problem_progress s join users u on u.id = s.user_id where s.status = 'completed' and s.problem_id = "
                        + "(select id from problems where slug = ? and state = 'published')", List.of(p.problem().value()),
                        "s.best_score::bigint", "s.completed_at", "s.best_score desc, s.completed_at asc",
                        "s.best_score > ? or (s.best_score = ? and s.completed_at < ?)",
                        "s.best_score = ? and s.completed_at = ?", 1, "u.username");
            }
            var t = (BoardKey.InTopic) key;
            return new Source("topic_xp s join users u on u.id = s.user_id where s.topic_id = (select id from topics where slug = ?)",
                    List.of(t.topic().value()), "s.xp::bigint", "null::int", "s.xp desc", "s.xp > ?", "s.xp = ?", 0, "u.username");
        }

        List<Object> betterBinds(long score, Object extra) {
            return extraBindsPerComparison == 0 ? List.of(score) : List.of(score, score, extra);
        }

        List<Object> equalBinds(long score, Object extra) {
            return extraBindsPerComparison == 0 ? List.of(score) : List.of(score, extra);
        }
    }
}
