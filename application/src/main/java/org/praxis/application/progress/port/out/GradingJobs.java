package org.praxis.application.progress.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.progress.SubmissionId;

/**
 * The grading job queue (PR6) on PostgreSQL. {@link #claim} is one statement of its own (no caller
 * transaction); {@link #holdForCompletion}, {@link #complete} and {@link #fail} run in the caller's.
 */
public interface GradingJobs {
    enum Status { PENDING, RUNNING, COMPLETED, FAILED }

    record Job(UUID id, LearnerId learner, long problemId, ProblemSlug problem, String answer, Optional<String> key,
            byte[] requestHash, Status status, int attempts, Optional<String> worker, Optional<SubmissionId> submission,
            Optional<String> error) {
        public Job {
            Objects.requireNonNull(id);
            Objects.requireNonNull(learner);
            Objects.requireNonNull(problem);
            Objects.requireNonNull(answer);
            Objects.requireNonNull(key);
            Objects.requireNonNull(requestHash);
            Objects.requireNonNull(status);
            Objects.requireNonNull(worker);
            Objects.requireNonNull(submission);
            Objects.requireNonNull(error);
        }
    }

    /** Stores a new pending job. */
    void create(Job job, Instant at);

    /** A learner's job by its Idempotency-Key. */
    Optional<Job> byKey(LearnerId learner, String key);

    /** One job, only if it belongs to {@code learner}. */
    Optional<Job> find(LearnerId learner, UUID id);

    /**
     * Claims the oldest pending job, or a running one whose lease ended before {@code now}
     * ({@code FOR UPDATE SKIP LOCKED}): it becomes running, leased to {@code worker} until {@code leaseUntil},
     * with one more attempt.
     */
    Optional<Job> claim(String worker, Instant now, Instant leaseUntil);

    /** Locks the job (FOR UPDATE) and tells whether it is still running and leased to {@code worker}. */
    boolean holdForCompletion(UUID id, String worker);

    void complete(UUID id, SubmissionId submission, Instant at);

    void fail(UUID id, String error, Instant at);

    /** Back to pending for another attempt, if still leased to {@code worker}. */
    void release(UUID id, String worker, String error, Instant at);
}
