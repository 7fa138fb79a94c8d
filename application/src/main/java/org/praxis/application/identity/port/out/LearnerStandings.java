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

    /**
     * Everything the learning loop holds about the learner, as plain data (lists and maps of strings,
     * numbers and booleans), for the account export: enrolments, progress, submissions with their
     * answers, XP, reviews, achievements, badges and the event log.
     */
    default java.util.Map<String, Object> activity(LearnerId learner) {
        return java.util.Map.of();
    }
}
