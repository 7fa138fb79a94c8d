package org.praxis.application.operations.port.out;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;

import org.praxis.application.gamification.port.out.Boards;
import org.praxis.application.grading.Grading;
import org.praxis.application.progress.port.in.SubmissionView;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.gamification.AchievementCode;
import org.praxis.domain.gamification.BadgeRank;
import org.praxis.domain.gamification.StreakState;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.progress.DomainEvent;
import org.praxis.domain.progress.LearnerStats;
import org.praxis.domain.progress.LearnerTotals;
import org.praxis.domain.progress.ModuleCompletion;
import org.praxis.domain.progress.ProblemProgress;
import org.praxis.domain.progress.SubmissionId;
import org.praxis.domain.progress.TopicStatistics;
import org.praxis.domain.review.ReviewItem;
import org.praxis.domain.scoring.TopicXp;

/**
 * Where generated sample learners go (the {@code load-sample} command): in bulk, each batch of learners
 * with every row the learning loop would have written for their submissions, in one transaction.
 */
public interface SampleData {

    /** The slugs of the published problems, in slug order. */
    List<ProblemSlug> publishedProblems();

    /** The highest {@code n} of the existing sample learners' user names ({@code learner-n}), 0 without any. */
    long highestSampleLearner();

    /** Writes the learners and everything derived from their submissions, all or nothing. */
    void write(List<Learner> learners);

    /** Refreshes the planner's statistics once the rows are in. */
    void analyze();

    /** A learner as the learning loop leaves them after their submissions. */
    record Learner(LearnerId id, String username, ZoneId zone, Instant joinedAt, Map<TrackSlug, Instant> enrolments,
            List<Submitted> submissions, State state) {
        public Learner {
            Objects.requireNonNull(id);
            Objects.requireNonNull(username);
            enrolments = Map.copyOf(enrolments);
            submissions = List.copyOf(submissions);
        }
    }

    /**
     * One submission as stored: its answer (one instance shared by every submission of that answer, so a
     * writer may encode it once), whether it reviewed a solved problem, what it earned, the learner's
     * progress on the problem and totals right after it, and the events it raised, in order.
     */
    record Submitted(SubmissionId id, Answer answer, boolean review, int pointsAwarded, int xpAwarded,
            SubmissionView.Progress progress, SubmissionView.Totals totals, List<DomainEvent> events, Instant submittedAt) {
    }

    /** An answer to the problem with this id and version, as its grader graded it (run time: the tests' sum, if any). */
    record Answer(long problemId, int problemVersion, String text, Grading.Graded graded, Optional<Long> runMillis) {
        public Answer {
            Objects.requireNonNull(text);
            Objects.requireNonNull(graded);
            Objects.requireNonNull(runMillis);
        }
    }

    /** The learner's slices after the last submission; {@code updatedAt} is the time of that submission. */
    record State(LearnerTotals totals, StreakState streak, int badgeLevel, LearnerStats stats, Instant updatedAt,
            List<Progress> progress, List<Review> reviews, Map<TopicSlug, TopicXp> topicXp,
            Map<TopicSlug, TopicStatistics> topicStatistics, Map<AchievementCode, Instant> achievements,
            SortedSet<LocalDate> activeDays, List<Badge> badges, List<ModuleCompletion> modules,
            Map<TrackSlug, Instant> tracks, Map<Boards.BoardKey.Period, Long> boards) {
    }

    /** A problem's progress, last changed at {@code updatedAt}. */
    record Progress(ProblemProgress progress, long problemId, Instant updatedAt) {
    }

    record Review(ReviewItem item, long problemId) {
    }

    record Badge(BadgeRank rank, Instant earnedAt) {
    }
}
