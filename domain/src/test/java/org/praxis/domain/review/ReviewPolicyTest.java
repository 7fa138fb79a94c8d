package org.praxis.domain.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.praxis.domain.curriculum.ProblemSlug;

class ReviewPolicyTest {

    private static final ProblemSlug P = new ProblemSlug("inner-join");
    private static final LocalDate D = LocalDate.of(2026, 3, 1);
    private final ReviewPolicy policy = ReviewPolicy.DEFAULT; // 1, 3, 7, 14, 30, 60

    @Test
    void firstSolveIsDueAfterTheFirstInterval() {
        assertEquals(new ReviewItem(P, 0, D.plusDays(1), 0, D), policy.firstSchedule(P, D));
    }

    @Test
    void correctReviewOnTheDueDateAdvancesTheStage() {
        ReviewResult r = policy.review(policy.firstSchedule(P, D), true, LocalDate.of(2026, 3, 2));
        assertEquals(ReviewResult.Kind.PASSED, r.kind());
        assertEquals(new ReviewItem(P, 1, LocalDate.of(2026, 3, 5), 1, LocalDate.of(2026, 3, 2)), r.after());
    }

    @Test
    void overdueReviewsAdvanceFromTheDayTheyAreDone() {
        ReviewResult r = policy.review(policy.firstSchedule(P, D), true, LocalDate.of(2026, 3, 20));
        assertEquals(LocalDate.of(2026, 3, 23), r.after().nextReviewOn());
        assertEquals(1, r.after().stage());
    }

    @Test
    void earlyCorrectReviewLeavesTheScheduleAlone() {
        ReviewItem item = new ReviewItem(P, 1, LocalDate.of(2026, 3, 5), 1, LocalDate.of(2026, 3, 2));
        ReviewResult r = policy.review(item, true, LocalDate.of(2026, 3, 4));
        assertEquals(ReviewResult.Kind.EARLY, r.kind());
        assertEquals(new ReviewItem(P, 1, LocalDate.of(2026, 3, 5), 2, LocalDate.of(2026, 3, 4)), r.after());
    }

    @Test
    void wrongReviewSendsTheItemBackToStageZero() {
        ReviewItem item = new ReviewItem(P, 4, LocalDate.of(2026, 4, 1), 4, LocalDate.of(2026, 3, 2));
        ReviewResult r = policy.review(item, false, LocalDate.of(2026, 3, 6));
        assertEquals(ReviewResult.Kind.FAILED, r.kind());
        assertEquals(new ReviewItem(P, 0, LocalDate.of(2026, 3, 7), 5, LocalDate.of(2026, 3, 2)), r.after());
    }

    @Test
    void masteryIsTheShareOfStagesPassedAndTheLastIntervalRepeats() {
        ReviewItem item = policy.firstSchedule(P, D);
        assertEquals(0, policy.masteryPercent(item));
        LocalDate day = D;
        int[] expectedGaps = {3, 7, 14, 30, 60, 60, 60};
        for (int i = 0; i < expectedGaps.length; i++) {
            day = item.nextReviewOn();
            item = policy.review(item, true, day).after();
            assertEquals(expectedGaps[i], item.nextReviewOn().toEpochDay() - day.toEpochDay(), "gap after review " + (i + 1));
        }
        assertEquals(6, item.stage());
        assertEquals(100, policy.masteryPercent(item));
        assertTrue(policy.isMastered(item));
        assertEquals(50, policy.masteryPercent(new ReviewItem(P, 3, D, 3, D)));
        assertFalse(policy.isMastered(new ReviewItem(P, 5, D, 5, D)));
        assertEquals(83, policy.masteryPercent(new ReviewItem(P, 5, D, 5, D)));
    }
}
