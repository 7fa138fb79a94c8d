package org.praxis.application.progress;

import org.praxis.application.progress.port.in.SubmissionView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import org.praxis.application.common.InvalidInput;
import org.praxis.application.common.Members;
import org.praxis.application.common.Transactions;
import org.praxis.application.common.Unprocessable;
import org.praxis.application.gamification.port.out.Boards;
import org.praxis.application.grading.Grading;
import org.praxis.application.progress.port.in.SubmitAnswerUseCase;
import org.praxis.application.progress.port.out.LearnerStates;
import org.praxis.application.progress.port.out.PracticeProblems;
import org.praxis.application.progress.port.out.Submissions;
import org.praxis.domain.curriculum.ModuleAccess;
import org.praxis.domain.curriculum.UnlockPolicy;
import org.praxis.domain.gamification.BoardPeriod;
import org.praxis.domain.progress.DomainEvent;
import org.praxis.domain.progress.GradedAttempt;
import org.praxis.domain.progress.Progression;
import org.praxis.domain.progress.ScoredProblem;
import org.praxis.domain.progress.ScoringConfig;
import org.praxis.domain.progress.SubmissionId;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.grading.GraderSettings;
import org.praxis.application.progress.port.out.GradingJobs;
import org.praxis.domain.scoring.PointsPolicy;

/**
 * Load, decide, save: the learner's lock first (so one learner's submissions apply one at a time and a
 * replayed key is seen), then grading against the published version, the reducer, and every write.
 */
public final class SubmitAnswerService implements SubmitAnswerUseCase {
    private final PracticeProblems problems;
    private final LearnerStates learners;
    private final Submissions submissions;
    private final Grading grading;
    private final Transactions tx;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final Boards boards;
    private final ZoneId boardZone;
    /** Set with {@link #queued}: submissions to external graders become grading jobs (PR6). */
    private final GradingJobs jobs;
    private final Duration wait;

    public SubmitAnswerService(PracticeProblems problems, LearnerStates learners, Submissions submissions, Boards boards,
            Grading grading, Transactions tx, Clock clock, ZoneId boardZone, Supplier<UUID> ids) {
        this.boards = Objects.requireNonNull(boards);
        this.boardZone = Objects.requireNonNull(boardZone);
        this.problems = Objects.requireNonNull(problems);
        this.learners = Objects.requireNonNull(learners);
        this.submissions = Objects.requireNonNull(submissions);
        this.grading = Objects.requireNonNull(grading);
        this.tx = Objects.requireNonNull(tx);
        this.clock = Objects.requireNonNull(clock);
        this.ids = Objects.requireNonNull(ids);
        this.jobs = null;
        this.wait = Duration.ZERO;
    }

    private SubmitAnswerService(SubmitAnswerService inline, GradingJobs jobs, Duration wait) {
        this.boards = inline.boards;
        this.boardZone = inline.boardZone;
        this.problems = inline.problems;
        this.learners = inline.learners;
        this.submissions = inline.submissions;
        this.grading = inline.grading;
        this.tx = inline.tx;
        this.clock = inline.clock;
        this.ids = inline.ids;
        this.jobs = Objects.requireNonNull(jobs);
        this.wait = Objects.requireNonNull(wait);
    }

    /**
     * The same service in {@link GradingMode#QUEUED}: an answer to an external grader is stored as a
     * grading job, and the request waits up to {@code wait} for a worker to complete it.
     */
    public SubmitAnswerService queued(GradingJobs jobs, Duration wait) {
        return new SubmitAnswerService(this, jobs, wait);
    }

    /** The grader, for the grading worker (which grades outside any transaction). */
    Grading grading() {
        return grading;
    }

    PracticeProblems problems() {
        return problems;
    }

    @Override
    public Outcome submit(Command c) {
        var member = Members.require(c.actor());
        if (c.answer().length() > MAX_ANSWER_LENGTH) {
            throw InvalidInput.of("answer", "is longer than " + MAX_ANSWER_LENGTH + " characters");
        }
        if (c.key().filter(k -> k.isBlank() || k.length() > MAX_KEY_LENGTH).isPresent()) {
            throw InvalidInput.of("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        var problem = problems.openTo(c.actor(), c.problem());
        byte[] requestHash = hash(c.problem().value() + "\n" + c.answer());
        if (jobs != null && problem.content().grader() instanceof GraderSettings.External) {
            return enqueue(member.id(), c, problem, requestHash);
        }
        return tx.inTransaction(() -> {
            var snapshot = learners.lockAndLoad(member.id(), problem, c.key());
            if (snapshot.keyUse().isPresent()) {
                var used = snapshot.keyUse().get();
                if (!Arrays.equals(used.requestHash(), requestHash)) {
                    throw keyReused();
                }
                return new Outcome.Replayed(submissions.find(member.id(), used.submission()).orElseThrow());
            }
            var access = UnlockPolicy.decide(problem.prerequisites(), snapshot.completedModules());
            if (access instanceof ModuleAccess.Locked locked) {
                return new Outcome.Locked(c.problem(), locked.missing());
            }
            var graded = grading.grade(problem.content().grader(), c.answer());
            var view = applyGraded(member.id(), snapshot, problem, c.answer(), graded, c.key(), requestHash);
            return new Outcome.Graded(view);
        });
    }

    private record Enqueued(Outcome done, UUID job, boolean replay) {
    }

    private Outcome enqueue(LearnerId learner, Command c, PracticeProblems.PracticeProblem problem, byte[] requestHash) {
        var enqueued = tx.inTransaction(() -> {
            learners.lock(learner);
            if (c.key().isPresent()) {
                var used = submissions.byKey(learner, c.key().get());
                if (used.isPresent()) {
                    if (!Arrays.equals(used.get().requestHash(), requestHash)) {
                        throw keyReused();
                    }
                    return new Enqueued(new Outcome.Replayed(submissions.find(learner, used.get().submission()).orElseThrow()), null, true);
                }
                var job = jobs.byKey(learner, c.key().get());
                if (job.isPresent()) {
                    if (!Arrays.equals(job.get().requestHash(), requestHash)) {
                        throw keyReused();
                    }
                    return new Enqueued(null, job.get().id(), true);
                }
            }
            var access = UnlockPolicy.decide(problem.prerequisites(), learners.completedModules(learner));
            if (access instanceof ModuleAccess.Locked locked) {
                return new Enqueued(new Outcome.Locked(c.problem(), locked.missing()), null, false);
            }
            var id = ids.get();
            jobs.create(new GradingJobs.Job(id, learner, problem.id(), problem.slug(), c.answer(), c.key(), requestHash,
                    GradingJobs.Status.PENDING, 0, Optional.empty(), Optional.empty(), Optional.empty()), clock.instant());
            return new Enqueued(null, id, false);
        });
        if (enqueued.done() != null) {
            if (enqueued.done() instanceof Outcome.Replayed) {
                // graded before, perhaps by a worker elsewhere: the learner's next board read must show it
                boards.refresh(learner);
            }
            return enqueued.done();
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            var job = tx.inTransaction(() -> jobs.find(learner, enqueued.job())).orElseThrow();
            if (job.status() == GradingJobs.Status.COMPLETED) {
                // a worker committed it, perhaps elsewhere: the learner's next board read must show it all the same
                boards.refresh(learner);
                var view = tx.inTransaction(() -> submissions.find(learner, job.submission().orElseThrow())).orElseThrow();
                return enqueued.replay() ? new Outcome.Replayed(view) : new Outcome.Graded(view);
            }
            if (job.status() == GradingJobs.Status.FAILED || System.nanoTime() >= deadline) {
                return new Outcome.Queued(job.id());
            }
            try {
                Thread.sleep(Math.max(1, Math.min(50, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome.Queued(job.id());
            }
        }
    }

    private static Unprocessable keyReused() {
        return new Unprocessable("idempotency-key-reused",
                "This Idempotency-Key was used with a different request; use a new key for a new submission.");
    }

    /**
     * Applies a graded answer: the reducer, every write, the submission. Runs inside the caller's
     * transaction, after {@code learners.lockAndLoad} (which gave {@code snapshot}); shared by the inline
     * path and the grading worker so a queued answer ends exactly like a synchronous one. Every write
     * here goes through ports that may send them together with the commit (one round trip).
     */
    public SubmissionView applyGraded(LearnerId learner, LearnerStates.Snapshot snapshot, PracticeProblems.PracticeProblem problem,
            String answer, Grading.Graded graded, Optional<String> key, byte[] requestHash) {
        var before = snapshot.state();
        var zone = snapshot.zone();
        var id = new SubmissionId(ids.get());
        // PostgreSQL keeps microseconds: the response must equal what a replay reads back
        var at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        var scored = problem.placement().map(ScoredProblem.of(problem.slug(), problem.content())::placedIn)
                .orElse(ScoredProblem.of(problem.slug(), problem.content()));
        var rules = problems.awardRules();
        var config = new ScoringConfig(scored, problem.xp(), PointsPolicy.DEFAULT, rules.badges(), rules.achievements());
        var outcome = Progression.apply(before, GradedAttempt.of(id, problem.slug(), graded.verdict()), config, at, zone);
        learners.save(before, outcome, problem);
        long earned = outcome.eventsOf(DomainEvent.PointsAwarded.class).stream().mapToLong(DomainEvent.PointsAwarded::points).sum();
        if (earned > 0) {
            boards.credit(learner, List.of(
                    new Boards.BoardKey.Period("weekly", BoardPeriod.containing(BoardPeriod.Kind.WEEK, at, boardZone).key()),
                    new Boards.BoardKey.Period("monthly", BoardPeriod.containing(BoardPeriod.Kind.MONTH, at, boardZone).key())),
                    earned);
        }
        var after = outcome.newState();
        var view = new SubmissionView(id, problem.slug(), problem.version(), answer, graded.verdict().outcome(),
                graded.verdict().score().value(), graded.verdict().feedback(), graded.verdict().tests(),
                GradedAttempt.of(id, problem.slug(), graded.verdict()).runTime().map(d -> d.toMillis()),
                outcome.pointsAwarded(), outcome.xpAwarded(), isReview(before),
                graded.grader(),
                new SubmissionView.Progress(after.progress().status(), after.progress().attempts(),
                        after.progress().bestScore().value()),
                new SubmissionView.Totals(after.totals().points(), after.totals().solved(), after.streak().current(),
                        after.streak().longest()),
                outcome.events().stream().map(EventViews::of).toList(), at);
        submissions.record(learner, view, problem.id(), key, requestHash);
        return view;
    }

    // A submission on a problem already completed is a review of it (SC5).
    private static boolean isReview(org.praxis.domain.progress.LearnerState before) {
        return before.progress().isCompleted();
    }

    private static byte[] hash(String request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
