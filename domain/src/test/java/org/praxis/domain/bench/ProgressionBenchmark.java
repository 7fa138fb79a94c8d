package org.praxis.domain.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.praxis.domain.curriculum.Difficulty;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.grading.Verdict;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.progress.CourseProgress;
import org.praxis.domain.progress.GradedAttempt;
import org.praxis.domain.progress.LearnerState;
import org.praxis.domain.progress.Outcome;
import org.praxis.domain.progress.Placement;
import org.praxis.domain.progress.ProblemProgress;
import org.praxis.domain.progress.Progression;
import org.praxis.domain.progress.ScoredProblem;
import org.praxis.domain.progress.ScoringConfig;
import org.praxis.domain.progress.SubmissionId;
import org.praxis.domain.scoring.ProblemScoring;

/**
 * The reducer's cost per submission, the domain's share of the submit path. Three cases: a first
 * solve that completes a module (every step runs and emits), a due review the next day, and a
 * wrong answer on an open problem (the cheapest path).
 *
 * <p>Run (see docs/benchmarks.md):
 * {@code ./mvnw -q -pl domain test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test
 * "-Dexec.args=-cp %classpath org.praxis.domain.bench.ProgressionBenchmark"}; JMH options may follow the class name.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProgressionBenchmark {

    private static final LearnerId LEARNER = new LearnerId(new UUID(1, 1));
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Instant OPENED = Instant.parse("2026-11-16T09:00:00Z");

    private LearnerState unsolved;
    private LearnerState solved;
    private GradedAttempt correct;
    private GradedAttempt wrong;
    private ScoringConfig config;

    @Setup
    public void setUp() {
        var p1 = new ProblemSlug("p1");
        var p2 = new ProblemSlug("p2");
        var placement = new Placement(new ModuleSlug("basics"), List.of(p1, p2), new TrackSlug("sql"), List.of(p1, p2));
        var problem = new ScoredProblem(p1, Difficulty.INTERMEDIATE, Optional.of(new TopicSlug("joins")), new ProblemScoring(100, 50, 300),
                List.of(10, 20), Optional.of(placement));
        config = ScoringConfig.defaults(problem);
        ProblemProgress p2Done = ProblemProgress.notStarted(LEARNER, p2).start(OPENED.minusSeconds(900))
                .recordAttempt(OPENED.minusSeconds(600), Verdict.correct("", List.of()), new SubmissionId(new UUID(9, 9)), 150);
        LearnerState fresh = LearnerState.fresh(LEARNER, p1);
        unsolved = fresh.onProblem(fresh.progress().start(OPENED), Optional.empty(), Optional.empty(), Optional.empty(),
                new CourseProgress(Map.of(p2, p2Done), Set.of(p2)));
        correct = new GradedAttempt(new SubmissionId(new UUID(2, 2)), p1, Verdict.correct("", List.of()), Optional.empty());
        wrong = new GradedAttempt(new SubmissionId(new UUID(3, 3)), p1, Verdict.incorrect(new org.praxis.domain.grading.Score(40), "", List.of()),
                Optional.empty());
        solved = Progression.apply(unsolved, correct, config, OPENED.plusSeconds(120), ZONE).newState();
    }

    @Benchmark
    public Outcome firstSolveCompletingAModule() {
        return Progression.apply(unsolved, correct, config, OPENED.plusSeconds(120), ZONE);
    }

    @Benchmark
    public Outcome dueReviewNextDay() {
        return Progression.apply(solved, correct, config, OPENED.plus(Duration.ofDays(1)), ZONE);
    }

    @Benchmark
    public Outcome wrongAnswerOnAnOpenProblem() {
        return Progression.apply(unsolved, wrong, config, OPENED.plusSeconds(60), ZONE);
    }

    /** Runs this benchmark with the annotations' settings; arguments are passed to JMH as on its command line. */
    public static void main(String[] args) throws RunnerException, org.openjdk.jmh.runner.options.CommandLineOptionException {
        var options = new OptionsBuilder()
                .parent(new org.openjdk.jmh.runner.options.CommandLineOptions(args))
                .include(ProgressionBenchmark.class.getSimpleName())
                .build();
        new Runner(options).run();
    }
}
