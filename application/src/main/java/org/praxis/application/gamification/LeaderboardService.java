package org.praxis.application.gamification;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.praxis.application.common.InvalidInput;
import org.praxis.application.common.Members;
import org.praxis.application.common.NotFound;
import org.praxis.application.common.Transactions;
import org.praxis.application.gamification.port.in.LeaderboardsUseCase;
import org.praxis.application.gamification.port.out.Boards;
import org.praxis.application.gamification.port.out.Boards.BoardKey;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.gamification.BoardPeriod;
import org.praxis.domain.identity.Actor;

/**
 * Board reads are reads only ({@link Transactions#reading}): no transaction around them, so a page served
 * from memory costs no round trip and "my rank" one.
 */
public final class LeaderboardService implements LeaderboardsUseCase {
    private final Boards boards;
    private final Transactions tx;
    private final Clock clock;
    private final ZoneId boardZone;

    public LeaderboardService(Boards boards, Transactions tx, Clock clock, ZoneId boardZone) {
        this.boards = Objects.requireNonNull(boards);
        this.tx = Objects.requireNonNull(tx);
        this.clock = Objects.requireNonNull(clock);
        this.boardZone = Objects.requireNonNull(boardZone);
    }

    @Override
    public Page board(Board board, Optional<String> period, int limit, int offset) {
        checkPage(limit, offset);
        var key = key(board, period);
        return tx.reading(() -> new Page(name(board), periodOf(key), boards.size(key), boards.page(key, limit, offset)));
    }

    @Override
    public Mine me(Actor actor, Board board, Optional<String> period, int neighbours) {
        var me = Members.require(actor).id();
        if (neighbours < 0 || neighbours > MAX_NEIGHBOURS) {
            throw InvalidInput.of("neighbours", "must be between 0 and " + MAX_NEIGHBOURS);
        }
        var key = key(board, period);
        return tx.reading(() -> {
            var around = boards.around(key, me, neighbours);
            if (around.isEmpty()) {
                return new Mine(name(board), periodOf(key), Optional.empty(), 0, List.of());
            }
            return new Mine(name(board), periodOf(key), Optional.of(around.get().rank()), around.get().score(), around.get().entries());
        });
    }

    @Override
    public Page problem(ProblemSlug problem, int limit, int offset) {
        checkPage(limit, offset);
        var key = new BoardKey.OnProblem(problem);
        return tx.reading(() -> {
            if (!boards.exists(key)) {
                throw new NotFound("problem", "There is no published problem '" + problem + "'.");
            }
            return new Page("problem", Optional.empty(), boards.size(key), boards.page(key, limit, offset));
        });
    }

    @Override
    public Page topic(TopicSlug topic, int limit, int offset) {
        checkPage(limit, offset);
        var key = new BoardKey.InTopic(topic);
        return tx.reading(() -> {
            if (!boards.exists(key)) {
                throw new NotFound("topic", "There is no topic '" + topic + "'.");
            }
            return new Page("topic", Optional.empty(), boards.size(key), boards.page(key, limit, offset));
        });
    }

    private BoardKey key(Board board, Optional<String> period) {
        if (board == Board.GLOBAL) {
            if (period.isPresent()) {
                throw InvalidInput.of("period", "the global board has no periods");
            }
            return new BoardKey.Global();
        }
        var kind = board == Board.WEEKLY ? BoardPeriod.Kind.WEEK : BoardPeriod.Kind.MONTH;
        BoardPeriod p;
        try {
            p = period.map(text -> BoardPeriod.parse(kind, text, boardZone))
                    .orElseGet(() -> BoardPeriod.containing(kind, clock.instant(), boardZone));
        } catch (RuntimeException e) {
            throw InvalidInput.of("period", board == Board.WEEKLY ? "must be an ISO week like 2026-W47" : "must be a month like 2026-11");
        }
        return new BoardKey.Period(name(board), p.key());
    }

    private static Optional<String> periodOf(BoardKey key) {
        return key instanceof BoardKey.Period p ? Optional.of(p.period()) : Optional.empty();
    }

    private static String name(Board board) {
        return board.name().toLowerCase(Locale.ROOT);
    }

    private static void checkPage(int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw InvalidInput.of("offset", "cannot be negative");
        }
    }

}
