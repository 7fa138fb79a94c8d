package org.praxis.application.progress.port.in;

import java.util.Optional;
import java.util.UUID;

import org.praxis.domain.identity.Actor;

/** A learner's grading job (PR6): its status and, once completed, its submission. */
public interface GradingJobsUseCase {
    /** Only the job's learner sees it; anyone else gets NotFound. */
    JobView job(Actor actor, UUID id);

    record JobView(UUID id, String status, Optional<SubmissionView> submission, Optional<String> error) {
    }
}
