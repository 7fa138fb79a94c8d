package org.praxis.application.progress;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.praxis.application.common.Transactions;
import org.praxis.application.progress.port.out.GradingJobs;
import org.praxis.application.progress.port.out.LearnerStates;

/**
 * Works the grading job queue (PR6): claims a job with a lease, grades it outside any transaction,
 * then applies the result in one transaction that first re-checks (under the job's row lock) that the
 * job is still running and leased to this worker. A worker that died leaves its lease to run out and
 * another worker claims the job again; a late completion by the first worker is then refused, so the
 * learner is awarded exactly once. After {@code maxAttempts} claims the job fails.
 */
public final class GradingWorker {
    public enum Result { COMPLETED, REFUSED, RETRY, FAILED }

    private final String name;
    private final GradingJobs jobs;
    private final LearnerStates learners;
    private final SubmitAnswerService apply;
    private final Transactions tx;
    private final Clock clock;
    private final Duration lease;
    private final int maxAttempts;

    public GradingWorker(String name, GradingJobs jobs, LearnerStates learners, SubmitAnswerService apply, Transactions tx,
            Clock clock, Duration lease, int maxAttempts) {
        this.name = Objects.requireNonNull(name);
        this.jobs = Objects.requireNonNull(jobs);
        this.learners = Objects.requireNonNull(learners);
        this.apply = Objects.requireNonNull(apply);
        this.tx = Objects.requireNonNull(tx);
        this.clock = Objects.requireNonNull(clock);
        this.lease = Objects.requireNonNull(lease);
        this.maxAttempts = maxAttempts;
    }

    public String name() {
        return name;
    }

    /** Claims and processes one job; false when there was none to claim. */
    public boolean runOnce() {
        var job = claim();
        job.ifPresent(this::process);
        return job.isPresent();
    }

    /** Claims one job (its own statement, no transaction held). */
    public Optional<GradingJobs.Job> claim() {
        var now = clock.instant();
        return jobs.claim(name, now, now.plus(lease));
    }

    /** Grades a claimed job outside any transaction, then applies the result exactly once. */
    public Result process(GradingJobs.Job job) {
        if (job.attempts() > maxAttempts) {
            return tx.inTransaction(() -> {
                if (!jobs.holdForCompletion(job.id(), name)) {
                    return Result.REFUSED;
                }
                jobs.fail(job.id(), "grading was abandoned " + maxAttempts + " times", clock.instant());
                return Result.FAILED;
            });
        }
        try {
            var problem = apply.problems().published(job.problem())
                    .orElseThrow(() -> new IllegalStateException("the problem '" + job.problem() + "' is no longer published"));
            var graded = apply.grading().grade(problem.content().grader(), job.answer());
            return tx.inTransaction(() -> {
                if (!jobs.holdForCompletion(job.id(), name)) {
                    return Result.REFUSED;
                }
                var snapshot = learners.lockAndLoad(job.learner(), problem, Optional.empty());
                var view = apply.applyGraded(job.learner(), snapshot, problem, job.answer(), graded, Optional.empty(), job.requestHash());
                jobs.complete(job.id(), view.id(), clock.instant());
                return Result.COMPLETED;
            });
        } catch (RuntimeException e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return tx.inTransaction(() -> {
                if (!jobs.holdForCompletion(job.id(), name)) {
                    return Result.REFUSED;
                }
                if (job.attempts() >= maxAttempts) {
                    jobs.fail(job.id(), error, clock.instant());
                    return Result.FAILED;
                }
                jobs.release(job.id(), name, error, clock.instant());
                return Result.RETRY;
            });
        }
    }
}
