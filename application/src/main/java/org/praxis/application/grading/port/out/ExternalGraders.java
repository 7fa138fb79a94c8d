package org.praxis.application.grading.port.out;

import java.util.Optional;

import org.praxis.application.grading.port.out.GraderIdentity;
import org.praxis.domain.grading.Grader;
import org.praxis.domain.grading.GraderSettings;

/**
 * Graders that live outside the domain (the SQL sandbox, a code runner, an AI judge). Empty until such
 * a grader is configured: its problems are then answered with an {@code error} verdict.
 */
public interface ExternalGraders {
    Optional<Found> find(GraderSettings.External settings);

    record Found(Grader grader, GraderIdentity identity) {
    }

    static ExternalGraders none() {
        return settings -> Optional.empty();
    }
}
