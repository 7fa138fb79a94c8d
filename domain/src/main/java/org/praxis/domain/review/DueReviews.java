package org.praxis.domain.review;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** "What is due on this local date" (SC5): overdue first, oldest due date first, then by problem slug so the list is stable. */
public final class DueReviews {

    private static final Comparator<ReviewItem> ORDER =
            Comparator.comparing(ReviewItem::nextReviewOn).thenComparing(ReviewItem::problem);

    private DueReviews() {
    }

    public static List<ReviewItem> dueOn(Collection<ReviewItem> items, LocalDate day) {
        Objects.requireNonNull(day, "day");
        return items.stream().filter(item -> item.isDueOn(day)).sorted(ORDER).toList();
    }
}
