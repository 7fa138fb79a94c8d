package org.praxis.application.gamification.port.out;

import java.util.List;
import java.util.Optional;

import org.praxis.application.gamification.port.in.LeaderboardsUseCase.Entry;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.identity.LearnerId;

/**
 * Ranked reads of the boards the learning loop keeps current. Ranks are standard competition ranks
 * computed by the store, from its rows or from a copy of them it keeps current ({@link #refresh}).
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

    /**
     * The learner's standing was changed by a transaction this thread did not run (a queued answer graded by a
     * worker, perhaps in another process): boards that answer from a copy of the rows bring the learner's
     * entry up to date, so that the learner's next read shows it. Nothing to do for boards read from the rows.
     */
    default void refresh(LearnerId learner) {
    }

    /** The learner's rank and score, if they are on the board. */
    Optional<Position> positionOf(BoardKey board, LearnerId learner);

    /**
     * The learner's position and up to {@code neighbours} entries either side of it, in board order, the
     * learner's own entry included; empty when the learner is not on the board.
     */
    default Optional<Around> around(BoardKey board, LearnerId learner, int neighbours) {
        var position = positionOf(board, learner);
        if (position.isEmpty()) {
            return Optional.empty();
        }
        long index = position.get().index();
        int from = (int) Math.max(0, index - neighbours);
        int to = (int) Math.min(Integer.MAX_VALUE, index + neighbours + 1);
        return Optional.of(new Around(position.get().rank(), position.get().score(), slice(board, from, to)));
    }

    /** Entries at 0-based positions {@code from} (inclusive) to {@code to} (exclusive) in board order. */
    default List<Entry> slice(BoardKey board, int from, int to) {
        return page(board, Math.max(0, to - from), Math.max(0, from));
    }

    /** {@code index}: the learner's 0-based position in board order (ties by user name). */
    record Position(int rank, long score, long index) {
    }

    record Around(int rank, long score, List<Entry> entries) {
        public Around {
            entries = List.copyOf(entries);
        }
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
