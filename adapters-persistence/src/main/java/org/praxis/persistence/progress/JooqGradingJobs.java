package org.praxis.persistence.progress;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.praxis.application.progress.port.out.GradingJobs;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.progress.SubmissionId;

/** The grading job queue on PostgreSQL (V6__grading_jobs.sql), in plain SQL. */
public final class JooqGradingJobs implements GradingJobs {
    private static final String COLUMNS = "id, user_id, problem_id, problem_slug, answer, idempotency_key, request_hash, status,"
            + " attempts, worker, submission_id, error";

    private final DSLContext dsl;

    public JooqGradingJobs(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl);
    }

    @Override
    public void create(Job job, Instant at) {
        dsl.execute("insert into grading_jobs (id, user_id, problem_id, problem_slug, answer, idempotency_key, request_hash,"
                        + " status, attempts, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?::timestamptz, ?::timestamptz)",
                job.id(), job.learner().value(), job.problemId(), job.problem().value(), job.answer(), job.key().orElse(null),
                job.requestHash(), utc(at), utc(at));
    }

    @Override
    public Optional<Job> byKey(LearnerId learner, String key) {
        return dsl.resultQuery("select " + COLUMNS + " from grading_jobs where user_id = ? and idempotency_key = ?",
                learner.value(), key).fetchOptional(JooqGradingJobs::job);
    }

    @Override
    public Optional<Job> find(LearnerId learner, UUID id) {
        return dsl.resultQuery("select " + COLUMNS + " from grading_jobs where user_id = ? and id = ?", learner.value(), id)
                .fetchOptional(JooqGradingJobs::job);
    }

    @Override
    public Optional<Job> claim(String worker, Instant now, Instant leaseUntil) {
        return dsl.resultQuery("update grading_jobs set status = 'running', attempts = attempts + 1, worker = ?,"
                        + " lease_until = ?::timestamptz, updated_at = ?::timestamptz where id = (select id from grading_jobs"
                        + " where status = 'pending' or (status = 'running' and lease_until < ?::timestamptz)"
                        + " order by created_at for update skip locked limit 1) returning " + COLUMNS,
                worker, utc(leaseUntil), utc(now), utc(now)).fetchOptional(JooqGradingJobs::job);
    }

    @Override
    public boolean holdForCompletion(UUID id, String worker) {
        return dsl.resultQuery("select id from grading_jobs where id = ? and status = 'running' and worker = ? for update",
                id, worker).fetchOptional().isPresent();
    }

    @Override
    public void complete(UUID id, SubmissionId submission, Instant at) {
        // deferred: sent with the submission's writes (the job's row is already locked by holdForCompletion)
        org.praxis.persistence.common.Pipeline.write(dsl.query("update grading_jobs set status = 'completed', submission_id = ?,"
                + " lease_until = null, error = null, updated_at = ?::timestamptz where id = ?", submission.value(), utc(at), id));
    }

    @Override
    public void fail(UUID id, String error, Instant at) {
        dsl.execute("update grading_jobs set status = 'failed', error = ?, lease_until = null, updated_at = ?::timestamptz where id = ?",
                error, utc(at), id);
    }

    @Override
    public void release(UUID id, String worker, String error, Instant at) {
        dsl.execute("update grading_jobs set status = 'pending', error = ?, worker = null, lease_until = null, updated_at = ?::timestamptz"
                + " where id = ? and worker = ? and status = 'running'", error, utc(at), id, worker);
    }

    private static OffsetDateTime utc(Instant at) {
        return Rows.utc(at);
    }

    private static Job job(Record r) {
        return new Job(r.get("id", UUID.class), new LearnerId(r.get("user_id", UUID.class)), r.get("problem_id", Long.class),
                new ProblemSlug(r.get("problem_slug", String.class)), r.get("answer", String.class),
                Optional.ofNullable(r.get("idempotency_key", String.class)), r.get("request_hash", byte[].class),
                Status.valueOf(r.get("status", String.class).toUpperCase(Locale.ROOT)), r.get("attempts", Integer.class),
                Optional.ofNullable(r.get("worker", String.class)),
                Optional.ofNullable(r.get("submission_id", UUID.class)).map(SubmissionId::new),
                Optional.ofNullable(r.get("error", String.class)));
    }
}
