package org.praxis.application.grading.port.out;

import java.util.Objects;

/** Which grader judged a submission, recorded with it (PR2): e.g. {@code exact} / {@code praxis-1}. */
public record GraderIdentity(String id, String version) {
    public GraderIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
    }
}
