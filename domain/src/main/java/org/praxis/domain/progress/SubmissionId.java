package org.praxis.domain.progress;

import java.util.Objects;
import java.util.UUID;

/** Identifies one stored submission. Made outside the domain (the domain never generates ids). */
public record SubmissionId(UUID value) {
    public SubmissionId {
        Objects.requireNonNull(value, "submission id");
    }

    public static SubmissionId of(String text) {
        return new SubmissionId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
