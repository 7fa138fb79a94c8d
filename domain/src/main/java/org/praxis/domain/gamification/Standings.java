package org.praxis.domain.gamification;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.grading.Score;
import org.praxis.domain.identity.LearnerId;

/**
 * The entries of each leaderboard (GA4) and the order that ranks them. Each {@code BETTER} comparator
 * compares only the keys that decide a rank; {@link #BY_LEARNER} orders ties for display.
 */
public final class Standings {

    private Standings() {
    }

    /** Ties are shown in learner-id order: stable, and unrelated to anything a learner could game. */
    public static final Comparator<Entry> BY_LEARNER = Comparator.comparing(e -> e.learner().value());

    public sealed interface Entry permits Global, Period, OnProblem, InTopic {
        LearnerId learner();
    }

    /** Global board: points, then the longer longest streak (seed 000 {@code RANK() OVER (ORDER BY total_points DESC, longest_streak DESC)}). */
    public record Global(LearnerId learner, long points, int longestStreak) implements Entry {
        public static final Comparator<Global> BETTER = Comparator.comparingLong(Global::points).reversed()
                .thenComparing(Comparator.comparingInt(Global::longestStreak).reversed());

        public Global {
            Objects.requireNonNull(learner, "learner");
        }
    }

    /** Weekly and monthly boards: points earned in the period (see {@link BoardPeriod}). */
    public record Period(LearnerId learner, BoardPeriod period, long points) implements Entry {
        public static final Comparator<Period> BETTER = Comparator.comparingLong(Period::points).reversed();

        public Period {
            Objects.requireNonNull(learner, "learner");
            Objects.requireNonNull(period, "period");
        }
    }

    /** Per problem: best score, then the earlier completion (seed 001 {@code RANK() OVER (ORDER BY best_score DESC, completed_at ASC)}). */
    public record OnProblem(LearnerId learner, ProblemSlug problem, Score bestScore, Instant completedAt) implements Entry {
        public static final Comparator<OnProblem> BETTER = Comparator.comparing(OnProblem::bestScore).reversed()
                .thenComparing(OnProblem::completedAt);

        public OnProblem {
            Objects.requireNonNull(learner, "learner");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(bestScore, "bestScore");
            Objects.requireNonNull(completedAt, "completedAt");
        }
    }

    /** Per topic: XP in the topic. */
    public record InTopic(LearnerId learner, TopicSlug topic, int xp) implements Entry {
        public static final Comparator<InTopic> BETTER = Comparator.comparingInt(InTopic::xp).reversed();

        public InTopic {
            Objects.requireNonNull(learner, "learner");
            Objects.requireNonNull(topic, "topic");
        }
    }
}
