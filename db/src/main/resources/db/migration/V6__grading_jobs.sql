-- Grading jobs (PR6): submissions to slow, external graders (the SQL sandbox) queued in PostgreSQL.
-- Workers claim a job with FOR UPDATE SKIP LOCKED and a lease (lease_until, worker); a job whose lease
-- ran out (its worker died) is claimed again. Grading runs outside any transaction; the result is
-- applied in one transaction that first re-checks, under the row lock, that the job is still running
-- and leased to this worker, so a completion is applied exactly once (submission_id).
create table grading_jobs (
    id              uuid        primary key,
    user_id         uuid        not null references users (id) on delete cascade,
    problem_id      bigint      not null,
    problem_slug    text        not null,
    answer          text        not null,
    idempotency_key text,
    request_hash    bytea       not null,
    status          text        not null check (status in ('pending', 'running', 'completed', 'failed')),
    attempts        int         not null default 0 check (attempts >= 0),
    lease_until     timestamptz,
    worker          text,
    submission_id   uuid,
    error           text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    check ((status = 'completed') = (submission_id is not null))
);

-- Claiming: pending jobs and running jobs whose lease ran out, oldest first.
create index grading_jobs_claim_idx on grading_jobs (status, lease_until, created_at)
    where status in ('pending', 'running');

-- The same Idempotency-Key with the same body returns the same job.
create unique index grading_jobs_key_idx on grading_jobs (user_id, idempotency_key) where idempotency_key is not null;
