package org.praxis.application.gamification.port.out;

import java.util.List;
import java.util.Optional;

import org.praxis.application.gamification.port.in.LeaderboardsUseCase.Entry;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.identity.LearnerId;

/**
 * Ranked reads of the boards, straight from the rows the learning loop keeps current (read-your-writes).
 * Ranks are standard competition ranks computed by the store.
 */
public interface Boards {

    /**
     * Adds points earned now to the learner's score on these period boards (weekly, monthly), in the
     * caller's transaction (possibly sent with its next statement or its commit).
     */
    void credit(LearnerId learner, List<BoardKey.Period> periods, long points);

    /** Whether the board's subject exists (a published problem, a topic); the global and period boards always do. */
    boolean exists(BoardKey board);

    long size(BoardKey board);

    List<Entry> page(BoardKey board, int limit, int offset);

    /** The learner's rank and score, if they are on the board. */
    Optional<Position> positionOf(BoardKey board, LearnerId learner);

    /** Entries at 0-based positions {@code from} (inclusive) to {@code to} (exclusive) in board order. */
    default List<Entry> slice(BoardKey board, int from, int to) {
        return page(board, Math.max(0, to - from), Math.max(0, from));
    }

    record Position(int rank, long score, long index) {
    }

    sealed interface BoardKey {
        record Global() implements BoardKey {
        }

        record Period(String board, String period) implements BoardKey {
        }

        record OnProblem(ProblemSlug problem) implements BoardKey {
        }

        record InTopic(TopicSlug topic) implements BoardKey {
        }
    }
}
