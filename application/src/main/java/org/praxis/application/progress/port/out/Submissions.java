package org.praxis.application.progress.port.out;

import java.util.List;
import java.util.Optional;

import org.praxis.application.progress.port.in.SubmissionView;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.progress.SubmissionId;

/** Every submission, with its events and the idempotency keys that made them. */
public interface Submissions {

    /** The submission a learner's Idempotency-Key made, and a hash of the request it came with. */
    Optional<KeyUse> byKey(LearnerId learner, String key);

    /**
     * Stores the submission, its events and (when given) the key, in the caller's transaction (possibly
     * sent with the transaction's next statement or its commit, see {@link LearnerStates#save}).
     */
    void record(LearnerId learner, SubmissionView submission, long problemId, Optional<String> key, byte[] requestHash);

    /** One submission, only if it belongs to {@code learner}. */
    Optional<SubmissionView> find(LearnerId learner, SubmissionId id);

    /** The learner's submissions, newest first, optionally of one problem, after a cursor. */
    List<SubmissionView> history(LearnerId learner, Optional<ProblemSlug> problem, Optional<Cursor> after, int limit);

    record KeyUse(SubmissionId submission, byte[] requestHash) {
    }

    /** Position in the newest-first order: the last item of the previous page. */
    record Cursor(java.time.Instant submittedAt, SubmissionId id) {
    }
}
