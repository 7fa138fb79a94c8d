package org.praxis.domain.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.domain.curriculum.ProblemSlug;

class DueReviewsTest {

    @Test
    void dueOnListsOverdueAndTodayOldestFirstButNotTomorrow() {
        LocalDate today = LocalDate.of(2026, 11, 21);
        var overdue = new ReviewItem(new ProblemSlug("b"), 1, today.minusDays(2), 1, today.minusDays(5));
        var todayA = new ReviewItem(new ProblemSlug("a"), 0, today, 0, today.minusDays(1));
        var todayC = new ReviewItem(new ProblemSlug("c"), 2, today, 2, today.minusDays(7));
        var tomorrow = new ReviewItem(new ProblemSlug("d"), 0, today.plusDays(1), 0, today);
        assertEquals(List.of(overdue, todayA, todayC), DueReviews.dueOn(List.of(tomorrow, todayC, overdue, todayA), today));
    }
}
