package org.praxis.domain.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.gamification.Achievement;
import org.praxis.domain.gamification.AchievementCode;
import org.praxis.domain.gamification.BadgeRank;
import org.praxis.domain.grading.Score;
import org.praxis.domain.grading.Verdict;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.scoring.PointsBreakdown;

/**
 * What happened to a learner, as decided by {@link Progression}. Stored append-only per learner; feed
 * entries, board updates and notifications are derived from these, never recomputed. {@link #type()}
 * is the stable name used in JSON and storage.
 */
public sealed interface DomainEvent {

    LearnerId learner();

    /** The instant of the submission that caused the event. */
    Instant at();

    String type();

    /** Every graded submission, whatever its verdict; {@code points} is what the attempt scored before the best-result rule. */
    record AnswerGraded(LearnerId learner, Instant at, SubmissionId submission, ProblemSlug problem, Verdict.Outcome outcome,
                        Score score, PointsBreakdown points) implements DomainEvent {
        public AnswerGraded {
            Objects.requireNonNull(submission, "submission");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(points, "points");
        }

        public String type() {
            return "answerGraded";
        }
    }

    /** The first correct submission on a problem; once per learner and problem. */
    record ProblemSolved(LearnerId learner, Instant at, SubmissionId submission, ProblemSlug problem, Score score, int attempts)
            implements DomainEvent {
        public String type() {
            return "problemSolved";
        }
    }

    /** The learner's best score on a problem rose (the per-problem board's key). */
    record BestScoreImproved(LearnerId learner, Instant at, SubmissionId submission, ProblemSlug problem, Score previous, Score best)
            implements DomainEvent {
        public String type() {
            return "bestScoreImproved";
        }
    }

    /** Points added to the learner's total; weekly and monthly boards sum these by period. */
    record PointsAwarded(LearnerId learner, Instant at, int points, long total, Source source, Optional<ProblemSlug> problem,
                         Optional<AchievementCode> achievement) implements DomainEvent {
        public enum Source { SOLUTION, ACHIEVEMENT }

        public PointsAwarded {
            if (points <= 0) {
                throw new IllegalArgumentException("an award is positive");
            }
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(achievement, "achievement");
        }

        public String type() {
            return "pointsAwarded";
        }
    }

    /**
     * XP added in a topic. {@code xp} is what was actually added (after the topic's cap); {@code taskOfDay}
     * is k in the daily bands.
     */
    record XpGained(LearnerId learner, Instant at, TopicSlug topic, ProblemSlug problem, int xp, int topicXp, int taskOfDay,
                    boolean earlyReview) implements DomainEvent {
        public String type() {
            return "xpGained";
        }
    }

    /** A new level in a topic; one event per level crossed. */
    record LevelReached(LearnerId learner, Instant at, TopicSlug topic, int level) implements DomainEvent {
        public String type() {
            return "levelReached";
        }
    }

    /** A solved problem entered the review schedule. */
    record ReviewScheduled(LearnerId learner, Instant at, ProblemSlug problem, int stage, LocalDate dueOn) implements DomainEvent {
        public String type() {
            return "reviewScheduled";
        }
    }

    /** A due review was answered correctly: the item moved up a stage. */
    record ReviewPassed(LearnerId learner, Instant at, ProblemSlug problem, int stage, LocalDate nextDueOn, boolean mastered)
            implements DomainEvent {
        public String type() {
            return "reviewPassed";
        }
    }

    /** A review was answered wrongly: the item went back to stage 0. */
    record ReviewFailed(LearnerId learner, Instant at, ProblemSlug problem, LocalDate nextDueOn) implements DomainEvent {
        public String type() {
            return "reviewFailed";
        }
    }

    /** A new active day: the streak grew to {@code current} (1 for a new streak). */
    record StreakExtended(LearnerId learner, Instant at, LocalDate day, int current, int longest) implements DomainEvent {
        public String type() {
            return "streakExtended";
        }
    }

    /**
     * The learner came back after missing at least one day: the run of {@code length} days that ended
     * on {@code lastActiveDay} is over. Emitted on return, since only activity reaches the domain.
     */
    record StreakBroken(LearnerId learner, Instant at, LocalDate lastActiveDay, int length) implements DomainEvent {
        public String type() {
            return "streakBroken";
        }
    }

    /** A badge rank was reached; once per learner and rank. */
    record BadgeEarned(LearnerId learner, Instant at, BadgeRank rank) implements DomainEvent {
        public String type() {
            return "badgeEarned";
        }
    }

    /** An achievement was earned; once per learner and achievement. */
    record AchievementUnlocked(LearnerId learner, Instant at, Achievement achievement) implements DomainEvent {
        public String type() {
            return "achievementUnlocked";
        }
    }

    /** The last problem of a module was completed. */
    record ModuleCompleted(LearnerId learner, Instant at, ModuleCompletion completion, TrackSlug track) implements DomainEvent {
        public String type() {
            return "moduleCompleted";
        }
    }

    /** The last problem of a track was completed. */
    record TrackCompleted(LearnerId learner, Instant at, TrackSlug track) implements DomainEvent {
        public String type() {
            return "trackCompleted";
        }
    }
}
