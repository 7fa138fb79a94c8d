package org.praxis.application.progress.port.in;

import java.time.Instant;

import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.identity.Actor;

/** Enrolling in a published track (PR4). */
public interface EnrolUseCase {
    Enrolment enrol(Actor actor, TrackSlug track);

    /** {@code created}: false when the learner was already enrolled (nothing changed). */
    record Enrolment(TrackSlug track, Instant enrolledAt, boolean created) {
    }
}
