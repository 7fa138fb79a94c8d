package org.praxis.application.progress.port.in;

import java.util.List;
import java.util.Optional;

import org.praxis.application.progress.port.in.SubmissionView;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.progress.SubmissionId;

/** A learner's own submissions (PR2). Anyone else's are not found. */
public interface SubmissionHistoryUseCase {
    int DEFAULT_LIMIT = 20;
    int MAX_LIMIT = 100;

    SubmissionView one(Actor actor, SubmissionId id);

    Page mine(Actor actor, Optional<ProblemSlug> problem, Optional<String> cursor, int limit);

    record Page(List<SubmissionView> items, Optional<String> nextCursor) {
    }
}
