package org.praxis.application.gamification.port.in;

import java.util.List;
import java.util.Optional;

import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.identity.Actor;

/**
 * Leaderboards (GA4), public: standard competition ranks (1, 2, 2, 4). Global by points then the longer
 * longest streak; weekly and monthly by points earned in the period; per problem by best score then the
 * earliest completion; per topic by XP.
 */
public interface LeaderboardsUseCase {
    int DEFAULT_LIMIT = 20;
    int MAX_LIMIT = 100;
    int MAX_NEIGHBOURS = 50;

    enum Board { GLOBAL, WEEKLY, MONTHLY }

    /** {@code period}: for weekly and monthly boards, e.g. "2026-W47" or "2026-11"; empty for the current one. */
    Page board(Board board, Optional<String> period, int limit, int offset);

    /** My rank and the {@code neighbours} entries above and below me. */
    Mine me(Actor actor, Board board, Optional<String> period, int neighbours);

    Page problem(ProblemSlug problem, int limit, int offset);

    Page topic(TopicSlug topic, int limit, int offset);

    record Entry(int rank, String username, String displayName, long score, Optional<Integer> longestStreak,
            Optional<java.time.Instant> completedAt) {
    }

    record Page(String board, Optional<String> period, long total, List<Entry> items) {
    }

    /** {@code rank} and {@code score} are empty when the learner has no entry on this board yet. */
    record Mine(String board, Optional<String> period, Optional<Integer> rank, long score, List<Entry> items) {
    }
}
