package org.praxis.application.identity.port.out;

import java.util.Objects;

import org.praxis.domain.identity.LearnerId;

/**
 * A learner's totals as profiles show them: points, solved problems, streaks and badge rank. Until the
 * learning loop records progress, the adapter answers {@link Standing#BEGINNER} for everyone.
 */
public interface LearnerStandings {
    record Rank(String name, int level) {
        public Rank {
            Objects.requireNonNull(name, "name");
        }
    }

    record Standing(long points, int solved, int currentStreak, int longestStreak, Rank rank) {
        public static final Standing BEGINNER = new Standing(0, 0, 0, 0, new Rank("Beginner", 1));

        public Standing {
            Objects.requireNonNull(rank, "rank");
        }
    }

    Standing of(LearnerId learner);
}
