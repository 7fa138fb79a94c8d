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
 * Boards read from the rows the learning loop writes, the global one from this instance's copy of them.
 * Standard competition rank = 1 + the number of strictly better entries; equal entries are listed by
 * user name so that pages are stable.
 *
 * <p>With a loaded {@link GlobalBoardIndex}, the global board's size, ranks, positions and neighbours come
 * from the index's memory instead of counting rows (O(rank) at a million learners): no statement at all.
 * This instance's own commits reach the index as they commit, so "my rank" is exact on my next request
 * here; the other instances' commits reach it with the next poll, within about a second
 * (docs/performance.md, "Boards and ranks"). Its pages come from the index's order too. The other
 * boards count in SQL.
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
            return global.size();
        }
        var source = Source.of(board);
        return ((Number) dsl.fetchValue("select count(*) from " + source.from, source.binds.toArray())).longValue();
    }

    @Override
    public List<Entry> page(BoardKey board, int limit, int offset) {
        if (indexed(board)) {
            return global.page(offset, limit);
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
            return global.standing(learner.value(), 0)
                    .map(s -> new Position((int) s.me().rank(), s.me().points(), s.position()));
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

    /** The global board around me, from the index's memory: my entry and my neighbours with their ranks. */
    @Override
    public Optional<Around> around(BoardKey board, LearnerId learner, int neighbours) {
        if (!indexed(board)) {
            return Boards.super.around(board, learner, neighbours);
        }
        return global.standing(learner.value(), neighbours).map(standing -> {
            var entries = new ArrayList<Entry>(standing.above().size() + 1 + standing.below().size());
            for (int i = standing.above().size() - 1; i >= 0; i--) {
                entries.add(GlobalBoardIndex.entry(standing.above().get(i)));
            }
            entries.add(GlobalBoardIndex.entry(standing.me()));
            standing.below().forEach(below -> entries.add(GlobalBoardIndex.entry(below)));
            return new Around((int) standing.me().rank(), standing.me().points(), entries);
        });
    }

    /** The learner's row read again into the index, when a transaction of another thread changed it. */
    @Override
    public void refresh(LearnerId learner) {
        if (global != null) {
            global.refresh(learner.value());
        }
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
