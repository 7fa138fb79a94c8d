package org.praxis.domain.progress;

import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Collections;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.gamification.AchievementCode;
import org.praxis.domain.gamification.StreakState;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.review.ReviewItem;
import org.praxis.domain.scoring.TopicXp;

/**
 * Everything one submission on one problem reads and writes, and nothing more, so the application
 * loads (and locks) a handful of rows, not the learner's history. Each component is one slice in
 * storage:
 * <ul>
 *   <li>{@code totals}, {@code streak}, {@code badgeLevel}, {@code stats}: the learner's row(s);</li>
 *   <li>{@code progress}, {@code review}: this problem's row(s);</li>
 *   <li>{@code topicXp}, {@code topicStatistics}: this problem's topic's row(s), empty before the first
 *       XP in the topic (the reducer starts them);</li>
 *   <li>{@code achievements}: the codes held (a unique key per learner and code in storage);</li>
 *   <li>{@code course}: progress on the module's other problems and the track's completed problems.</li>
 * </ul>
 *
 * @param badgeLevel the level of the highest badge rank held, 0 for none
 */
public record LearnerState(
        LearnerId learner,
        LearnerTotals totals,
        ProblemProgress progress,
        Optional<ReviewItem> review,
        Optional<TopicXp> topicXp,
        Optional<TopicStatistics> topicStatistics,
        StreakState streak,
        int badgeLevel,
        SortedSet<AchievementCode> achievements,
        LearnerStats stats,
        CourseProgress course) {

    public LearnerState {
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(topicXp, "topicXp");
        Objects.requireNonNull(topicStatistics, "topicStatistics");
        Objects.requireNonNull(streak, "streak");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(course, "course");
        achievements = Collections.unmodifiableSortedSet(new TreeSet<>(achievements));
        if (badgeLevel < 0) {
            throw new IllegalArgumentException("badge level cannot be negative");
        }
        if (!progress.learner().equals(learner)) {
            throw new IllegalArgumentException("the problem progress belongs to another learner");
        }
        if (review.filter(r -> !r.problem().equals(progress.problem())).isPresent()) {
            throw new IllegalArgumentException("the review item is for another problem");
        }
        if (topicStatistics.filter(s -> !s.learner().equals(learner)).isPresent()) {
            throw new IllegalArgumentException("the topic statistics belong to another learner");
        }
        if (topicXp.isPresent() && topicStatistics.isPresent() && !topicXp.get().topic().equals(topicStatistics.get().topic())) {
            throw new IllegalArgumentException("topic XP and topic statistics are for different topics");
        }
        if (course.moduleProblems().containsKey(progress.problem())) {
            throw new IllegalArgumentException("the course slice holds the other problems of the module, not this one");
        }
    }

    /** A learner who has never done anything, about to submit on {@code problem}. */
    public static LearnerState fresh(LearnerId learner, ProblemSlug problem) {
        return new LearnerState(learner, LearnerTotals.ZERO, ProblemProgress.notStarted(learner, problem), Optional.empty(),
                Optional.empty(), Optional.empty(), StreakState.NONE, 0, new TreeSet<>(), LearnerStats.EMPTY, CourseProgress.NONE);
    }

    /**
     * The same learner moving on to {@code problem}: the learner-wide slices carry over, the problem,
     * topic and course slices are the ones given. This is what the application does when it loads the
     * next submission's state; tests and embedders use it to chain submissions.
     */
    public LearnerState onProblem(ProblemProgress problemProgress, Optional<ReviewItem> reviewItem, Optional<TopicXp> xp,
                                  Optional<TopicStatistics> statistics, CourseProgress courseProgress) {
        return new LearnerState(learner, totals, problemProgress, reviewItem, xp, statistics, streak, badgeLevel, achievements, stats,
                courseProgress);
    }

    /** The same state with this problem's progress replaced, e.g. after {@link ProblemProgress#start} or a hint. */
    public LearnerState withProgress(ProblemProgress problemProgress) {
        return onProblem(problemProgress, review, topicXp, topicStatistics, course);
    }

    public boolean holds(AchievementCode code) {
        return achievements.contains(code);
    }
}
