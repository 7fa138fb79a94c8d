package org.praxis.domain.review;

import java.util.Objects;

/** What one review did to an item: passed on time (advanced), early (unchanged schedule) or failed (reset). */
public record ReviewResult(Kind kind, ReviewItem before, ReviewItem after) {

    public enum Kind { PASSED, EARLY, FAILED }

    public ReviewResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    public boolean early() {
        return kind == Kind.EARLY;
    }
}
