package org.praxis.application.progress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.praxis.application.common.Forbidden;
import org.praxis.application.common.InvalidInput;
import org.praxis.application.common.NotFound;
import org.praxis.application.common.Unauthenticated;
import org.praxis.application.common.Unprocessable;
import org.praxis.application.grading.Grading;
import org.praxis.application.grading.port.out.ExternalGraders;
import org.praxis.application.identity.testing.DirectTransactions;
import org.praxis.application.identity.testing.TestClock;
import org.praxis.application.progress.port.in.SubmitAnswerUseCase.Command;
import org.praxis.application.progress.port.in.SubmitAnswerUseCase.Outcome;
import org.praxis.application.progress.port.out.PracticeProblems.PracticeProblem;
import org.praxis.application.progress.testing.InMemoryLearning;
import org.praxis.domain.curriculum.Difficulty;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemContent;
import org.praxis.domain.curriculum.ProblemKind;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.grading.GraderSettings;
import org.praxis.domain.grading.Verdict;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.identity.Role;
import org.praxis.domain.scoring.XpSettings;

class SubmitAnswerServiceTest {
    private static final ProblemSlug SUM = new ProblemSlug("one-plus-one");
    private static final LearnerId ADA = new LearnerId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final Actor ADA_ACTS = new Actor.Member(ADA, Role.LEARNER, false);

    private final InMemoryLearning store = new InMemoryLearning();
    private final TestClock clock = new TestClock();
    private final AtomicLong ids = new AtomicLong();
    private final SubmitAnswerService service = new SubmitAnswerService(store, store, store, store,
            new Grading(ExternalGraders.none()), new DirectTransactions(), clock, java.time.ZoneOffset.UTC,
            () -> new UUID(7, ids.incrementAndGet()));

    private static PracticeProblem problem(boolean premium, Set<ModuleSlug> prerequisites) {
        var content = ProblemContent.of("One plus one", "What is 1 + 1?", ProblemKind.ANSWER, Difficulty.BEGINNER,
                new TopicSlug("sums"), GraderSettings.ExactAnswer.lenient("2")).withCatalogueData(premium, List.of(), Optional.empty());
        return new PracticeProblem(1, SUM, 3, content, XpSettings.DEFAULT, Optional.empty(), prerequisites);
    }

    private Outcome submit(String answer, String key) {
        return service.submit(new Command(ADA_ACTS, SUM, answer, Optional.ofNullable(key)));
    }

    /** A queue whose worker, elsewhere, has graded every job by the time anyone looks: as {@code submission}. */
    private static final class GradedElsewhere implements org.praxis.application.progress.port.out.GradingJobs {
        private final org.praxis.domain.progress.SubmissionId submission;
        private final java.util.Map<UUID, Job> jobs = new java.util.HashMap<>();

        GradedElsewhere(org.praxis.domain.progress.SubmissionId submission) {
            this.submission = submission;
        }

        @Override
        public void create(Job job, java.time.Instant at) {
            jobs.put(job.id(), job);
        }

        @Override
        public Optional<Job> byKey(LearnerId learner, String key) {
            return Optional.empty();
        }

        @Override
        public Optional<Job> find(LearnerId learner, UUID id) {
            return Optional.ofNullable(jobs.get(id)).map(j -> new Job(j.id(), j.learner(), j.problemId(), j.problem(), j.answer(), j.key(),
                    j.requestHash(), Status.COMPLETED, 1, Optional.of("elsewhere"), Optional.of(submission), Optional.empty()));
        }

        @Override
        public Optional<Job> claim(String worker, java.time.Instant now, java.time.Instant leaseUntil) {
            throw new AssertionError("no worker runs here");
        }

        @Override
        public boolean holdForCompletion(UUID id, String worker) {
            throw new AssertionError("no worker runs here");
        }

        @Override
        public void complete(UUID id, org.praxis.domain.progress.SubmissionId submission, java.time.Instant at) {
            throw new AssertionError("no worker runs here");
        }

        @Override
        public void fail(UUID id, String error, java.time.Instant at) {
            throw new AssertionError("no worker runs here");
        }

        @Override
        public void release(UUID id, String worker, String error, java.time.Instant at) {
            throw new AssertionError("no worker runs here");
        }
    }

    @Test
    void aQueuedAnswerGradedElsewhereIsReadIntoTheBoardsBeforeItIsAnsweredAndSoIsAReplay() {
        // answers to an external grader are the ones queued; unconfigured, graded here they get an error verdict
        var code = ProblemContent.of("Echo", "Print the input.", ProblemKind.CODE, Difficulty.BEGINNER, new TopicSlug("code"),
                new GraderSettings.TestSuite(List.of(new GraderSettings.TestCase("echo", "hi", "hi", false, 1000, 64))));
        store.publish(new PracticeProblem(2, SUM, 1, code, XpSettings.DEFAULT, Optional.empty(), Set.of()));
        var first = assertInstanceOf(Outcome.Graded.class, submit("print(input())", "k0")).submission();
        assertEquals(List.of(), store.refreshed(), "an answer graded here needs no refresh");
        var queued = service.queued(new GradedElsewhere(first.id()), Duration.ofSeconds(5));

        var graded = assertInstanceOf(Outcome.Graded.class, queued.submit(new Command(ADA_ACTS, SUM, "print(input())", Optional.of("k1"))));
        assertEquals(first.id(), graded.submission().id());
        assertEquals(List.of(ADA), store.refreshed(), "the worker's commit is read into the boards before the answer");

        assertInstanceOf(Outcome.Replayed.class, queued.submit(new Command(ADA_ACTS, SUM, "print(input())", Optional.of("k0"))));
        assertEquals(List.of(ADA, ADA), store.refreshed(), "a replay too: it may have been graded elsewhere");
    }

    @Test
    void aCorrectAnswerIsGradedOnThePublishedVersionAndCreditedToThePeriodBoards() {
        store.publish(problem(false, Set.of()));
        var graded = assertInstanceOf(Outcome.Graded.class, submit(" 2 ", "k1"));
        var view = graded.submission();
        assertEquals(Verdict.Outcome.CORRECT, view.verdict());
        assertEquals(3, view.problemVersion());
        assertEquals(100, view.pointsAwarded(), "no session was started: base points only");
        assertEquals("exact", view.grader().id());
        assertEquals(100, store.periodScore("weekly", "2026-W47", ADA));
        assertEquals(100, store.periodScore("monthly", "2026-11", ADA));
        assertEquals(1, store.locks(), "the learner is locked before anything is read");
    }

    @Test
    void theSameKeyAndBodyReplaysTheFirstAnswerAndAwardsNothing() {
        store.publish(problem(false, Set.of()));
        var first = assertInstanceOf(Outcome.Graded.class, submit("2", "k1")).submission();
        clock.advance(Duration.ofMinutes(5));
        var again = assertInstanceOf(Outcome.Replayed.class, submit("2", "k1")).submission();
        assertEquals(first, again);
        assertEquals(1, store.submissionsOf(ADA).size());
        assertEquals(100, store.stateOf(ADA).orElseThrow().totals().points());
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        store.publish(problem(false, Set.of()));
        submit("2", "k1");
        var refused = assertThrows(Unprocessable.class, () -> submit("3", "k1"));
        assertEquals("idempotency-key-reused", refused.reason());
        assertEquals(1, store.submissionsOf(ADA).size());
    }

    @Test
    void withoutAKeyEverySubmissionCountsAsAnAttempt() {
        store.publish(problem(false, Set.of()));
        submit("3", null);
        submit("2", null);
        submit("2", null);
        assertEquals(3, store.stateOf(ADA).orElseThrow().progress().attempts());
        assertEquals(100, store.stateOf(ADA).orElseThrow().totals().points(), "the best counts once");
    }

    @Test
    void aLockedModuleRefusesAndRecordsNothing() {
        store.publish(problem(false, Set.of(new ModuleSlug("basics"))));
        var locked = assertInstanceOf(Outcome.Locked.class, submit("2", "k1"));
        assertEquals(Set.of(new ModuleSlug("basics")), locked.missingPrerequisites());
        assertEquals(0, store.submissionsOf(ADA).size());
        store.complete(ADA, new ModuleSlug("basics"));
        assertInstanceOf(Outcome.Graded.class, submit("2", "k1"), "the same key works once the module unlocks");
    }

    @Test
    void premiumProblemsNeedPremiumAndUnknownOnesAreNotFound() {
        store.publish(problem(true, Set.of()));
        assertThrows(Forbidden.class, () -> submit("2", null));
        var premium = new Actor.Member(ADA, Role.LEARNER, true);
        assertInstanceOf(Outcome.Graded.class, service.submit(new Command(premium, SUM, "2", Optional.empty())));
        assertThrows(NotFound.class, () -> service.submit(new Command(premium, new ProblemSlug("nope"), "2", Optional.empty())));
    }

    @Test
    void anonymousCallersOversizedAnswersAndBadKeysAreRefusedBeforeAnythingIsRead() {
        store.publish(problem(false, Set.of()));
        assertThrows(Unauthenticated.class, () -> service.submit(new Command(Actor.anonymous(), SUM, "2", Optional.empty())));
        assertThrows(InvalidInput.class, () -> submit("2".repeat(100_001), null));
        assertThrows(InvalidInput.class, () -> submit("2", " "));
        assertThrows(InvalidInput.class, () -> submit("2", "k".repeat(201)));
        assertEquals(0, store.locks());
    }

    @Test
    void anExternalGraderThatIsNotConfiguredAnswersWithAnErrorVerdictThatCostsNothing() {
        var code = ProblemContent.of("Echo", "Print the input.", ProblemKind.CODE, Difficulty.BEGINNER, new TopicSlug("code"),
                new GraderSettings.TestSuite(List.of(new GraderSettings.TestCase("echo", "hi", "hi", false, 1000, 64))));
        store.publish(new PracticeProblem(2, SUM, 1, code, XpSettings.DEFAULT, Optional.empty(), Set.of()));
        var view = assertInstanceOf(Outcome.Graded.class, submit("print(input())", null)).submission();
        assertEquals(Verdict.Outcome.ERROR, view.verdict());
        assertEquals("unavailable", view.grader().version());
        assertEquals(0, view.pointsAwarded());
        assertArrayEquals(new Object[0], view.tests().toArray());
    }
}
