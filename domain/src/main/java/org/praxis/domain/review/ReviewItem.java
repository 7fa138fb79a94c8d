package org.praxis.domain.review;

import java.time.LocalDate;
import java.util.Objects;
import org.praxis.domain.curriculum.ProblemSlug;

/**
 * One solved problem on a learner's spaced-review schedule (SC5, seed 004 {@code srs_stage},
 * {@code next_review_date}, {@code review_count}, {@code mastery_level}, {@code last_practiced_date}).
 * Dates are local dates in the learner's time zone at the time of the submission that set them.
 *
 * @param stage           0 after the first solve; one more per passed due review, up to the number of intervals
 * @param nextReviewOn    the first local date on which the review is due
 * @param reviewCount     every graded review, passed, failed or early
 * @param lastPracticedOn the latest local date with a correct submission on the problem
 */
public record ReviewItem(ProblemSlug problem, int stage, LocalDate nextReviewOn, int reviewCount, LocalDate lastPracticedOn) {

    public ReviewItem {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(nextReviewOn, "nextReviewOn");
        Objects.requireNonNull(lastPracticedOn, "lastPracticedOn");
        if (stage < 0 || reviewCount < 0) {
            throw new IllegalArgumentException("stage and review count cannot be negative");
        }
    }

    public boolean isDueOn(LocalDate day) {
        return !nextReviewOn.isAfter(day);
    }
}
