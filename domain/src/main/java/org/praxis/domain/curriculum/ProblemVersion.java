package org.praxis.domain.curriculum;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One published version of a problem (CU4, seed 001 {@code challenge_versions}). Every submission
 * records the version number it was graded on, so a version's content never changes.
 *
 * @param restoredFrom the older version whose content a rollback republished; empty for a normal publish
 */
public record ProblemVersion(int number, ProblemContent content, Instant publishedAt, OptionalInt restoredFrom) {
    public ProblemVersion {
        if (number < 1) {
            throw new IllegalArgumentException("version numbers start at 1, was " + number);
        }
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(restoredFrom, "restoredFrom");
        if (restoredFrom.isPresent() && (restoredFrom.getAsInt() < 1 || restoredFrom.getAsInt() >= number)) {
            throw new IllegalArgumentException("version " + number + " can only restore an earlier version, not " + restoredFrom.getAsInt());
        }
    }

    public boolean isRollback() {
        return restoredFrom.isPresent();
    }
}
