package org.praxis.application.progress;

import java.time.Clock;
import java.util.Objects;

import org.praxis.application.common.Members;
import org.praxis.application.common.NotFound;
import org.praxis.application.common.Transactions;
import org.praxis.application.progress.port.in.EnrolUseCase;
import org.praxis.application.progress.port.out.LearnerOverviews;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.identity.Actor;

public final class EnrolmentService implements EnrolUseCase {
    private final LearnerOverviews overviews;
    private final Transactions tx;
    private final Clock clock;

    public EnrolmentService(LearnerOverviews overviews, Transactions tx, Clock clock) {
        this.overviews = Objects.requireNonNull(overviews);
        this.tx = Objects.requireNonNull(tx);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Enrolment enrol(Actor actor, TrackSlug track) {
        var member = Members.require(actor);
        var result = tx.inTransaction(() -> overviews.enrol(member.id(), track, clock.instant()))
                .orElseThrow(() -> new NotFound("track", "There is no published track '" + track + "'."));
        return new Enrolment(track, result.enrolledAt(), result.created());
    }
}
