package org.praxis.domain.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.praxis.domain.curriculum.ProblemSlug;

/**
 * Spaced review (SC5) over a topic's {@code reviewIntervals} (seed 004), a Leitner-style schedule.
 * With {@code n} intervals, stages run 0..n and the interval of stage s is {@code intervals[min(s, n-1)]}:
 * <ul>
 *   <li>first solve on day d: stage 0, due on d + intervals[0];</li>
 *   <li>a correct review on or after its due date: stage s+1 (at most n), due on today + interval(s+1);</li>
 *   <li>a correct review before its due date: the schedule stays as it is (only the count grows), so
 *       reviewing early cannot rush an item to mastery;</li>
 *   <li>a wrong review, due or not: back to stage 0, due on today + intervals[0], because a wrong answer
 *       is evidence the learner forgot, whatever the calendar says;</li>
 *   <li>mastery = floor(100 * stage / n) percent; mastered at stage n. A mastered item keeps being
 *       reviewed at the longest interval.</li>
 * </ul>
 */
public record ReviewPolicy(List<Integer> reviewIntervals) {

    public static final ReviewPolicy DEFAULT = new ReviewPolicy(List.of(1, 3, 7, 14, 30, 60));

    public ReviewPolicy {
        reviewIntervals = List.copyOf(reviewIntervals);
        if (reviewIntervals.isEmpty()) {
            throw new IllegalArgumentException("at least one review interval is needed");
        }
        int previous = 0;
        for (int days : reviewIntervals) {
            if (days < 1 || days < previous) {
                throw new IllegalArgumentException("review intervals must be at least 1 day and never shrink: " + reviewIntervals);
            }
            previous = days;
        }
    }

    public int masteredStage() {
        return reviewIntervals.size();
    }

    public int intervalDays(int stage) {
        if (stage < 0) {
            throw new IllegalArgumentException("stage cannot be negative");
        }
        return reviewIntervals.get(Math.min(stage, reviewIntervals.size() - 1));
    }

    public ReviewItem firstSchedule(ProblemSlug problem, LocalDate solvedOn) {
        return new ReviewItem(problem, 0, solvedOn.plusDays(intervalDays(0)), 0, solvedOn);
    }

    /** The effect of one graded review of {@code item} on local date {@code today}. */
    public ReviewResult review(ReviewItem item, boolean correct, LocalDate today) {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(today, "today");
        int count = item.reviewCount() + 1;
        if (!correct) {
            var after = new ReviewItem(item.problem(), 0, today.plusDays(intervalDays(0)), count, item.lastPracticedOn());
            return new ReviewResult(ReviewResult.Kind.FAILED, item, after);
        }
        LocalDate practiced = today.isAfter(item.lastPracticedOn()) ? today : item.lastPracticedOn();
        if (!item.isDueOn(today)) {
            var after = new ReviewItem(item.problem(), item.stage(), item.nextReviewOn(), count, practiced);
            return new ReviewResult(ReviewResult.Kind.EARLY, item, after);
        }
        int stage = Math.min(item.stage() + 1, masteredStage());
        var after = new ReviewItem(item.problem(), stage, today.plusDays(intervalDays(stage)), count, practiced);
        return new ReviewResult(ReviewResult.Kind.PASSED, item, after);
    }

    /** Percent of the way to mastery, rounded down. */
    public int masteryPercent(ReviewItem item) {
        return (int) (100L * Math.min(item.stage(), masteredStage()) / masteredStage());
    }

    public boolean isMastered(ReviewItem item) {
        return item.stage() >= masteredStage();
    }
}
