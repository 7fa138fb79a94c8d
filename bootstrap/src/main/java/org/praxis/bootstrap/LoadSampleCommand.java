package org.praxis.bootstrap;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.praxis.application.grading.Grading;
import org.praxis.application.grading.port.out.ExternalGraders;
import org.praxis.application.operations.SampleLoadService;
import org.praxis.application.operations.port.in.LoadSampleUseCase;
import org.praxis.persistence.common.Jooq;
import org.praxis.persistence.common.JooqTransactions;
import org.praxis.persistence.curriculum.JooqPracticeProblems;
import org.praxis.persistence.operations.CopySampleData;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Fills the database with sample learners, their submissions over several months and everything derived
 * from them (docs/operations.md, "Sample data"): for trying the service at scale and for benchmarks.
 */
@Command(name = "load-sample", mixinStandardHelpOptions = true,
        description = "Add sample learners and submissions (through COPY), every total, streak, badge and board as if "
                + "the submissions had come through the API. Syncs the demo content first when no problem is published.")
final class LoadSampleCommand implements Callable<Integer> {
    @Mixin
    Settings settings;

    @Option(names = "--learners", defaultValue = "1000", description = "Learners to add (learner-0000001 ...). Default: ${DEFAULT-VALUE}.")
    int learners;

    @Option(names = "--submissions", description = "Submissions among them, exactly. Default: 10 per learner.")
    Long submissions;

    @Option(names = "--seed", defaultValue = "1", description = "The same seed, counts and window give the same data. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--months", defaultValue = "6", description = "How many months before --until the submissions span. Default: ${DEFAULT-VALUE}.")
    int months;

    @Option(names = "--until", description = "The end of the window (a date, UTC midnight; no submission on or after it). "
            + "Default: today.")
    String until;

    @Option(names = "--threads", description = "Batches generated and written at once, each on its own connection (below "
            + "PRAXIS_POOL_SIZE). Default: the number of processors.")
    Integer threads;

    @Spec
    CommandSpec spec;

    /**
     * The embedded server's settings while it takes a load (this process's server only; the next
     * {@code serve} starts it with its usual ones). At a million learners the boards' indexes take rows
     * at random places: they stay in the larger buffers instead of being read and written back over and
     * over; one checkpoint every few gigabytes of WAL instead of one a minute; no full-page images, which
     * protect against torn pages on an operating-system crash the embedded server does not survive anyway
     * (it runs without fsync); and no autovacuum on partitions that grow all the time (the load ends with
     * ANALYZE, and the next {@code serve} vacuums).
     */
    static final Map<String, String> BULK_LOAD_SERVER = Map.of(
            "shared_buffers", "1GB",
            "max_wal_size", "8GB",
            "checkpoint_timeout", "1h",
            "full_page_writes", "off",
            "autovacuum", "off");

    @Override
    public Integer call() {
        settings.check();
        Logging.level(settings.logLevel());
        var command = command();
        var err = spec.commandLine().getErr();
        try (var database = database(settings)) {
            database.migrate();
            if (new CopySampleData(database.dataSource()).publishedProblems().isEmpty()) {
                DemoContent.load(database.dataSource());
            }
            var sandbox = SandboxWiring.graders(database.dataSource(), System.getenv());
            try {
                var bar = new ProgressBar(err, command.learners(), command.submissions());
                var result = service(database.dataSource(), SandboxWiring.orNone(sandbox)).load(command, bar);
                bar.done();
                var out = spec.commandLine().getOut();
                double seconds = Math.max(0.001, result.took().toMillis() / 1000.0);
                out.printf(Locale.ROOT, "loaded %,d learners (learner-%07d to learner-%07d) and %,d submissions on %d problems in %.1f s "
                        + "(%,.0f submissions/s)%n", result.learners(), result.firstLearner(), result.firstLearner() + result.learners() - 1,
                        result.submissions(), result.problems().size(), seconds, result.submissions() / seconds);
                out.flush();
                return 0;
            } finally {
                sandbox.ifPresent(s -> s.close());
            }
        }
    }

    /** The database a load runs on: an embedded server is started with {@link #BULK_LOAD_SERVER}. */
    static Database database(Settings settings) {
        return Database.open(settings, new SimpleMeterRegistry(), BULK_LOAD_SERVER);
    }

    private LoadSampleUseCase.Command command() {
        Instant end;
        try {
            end = until == null ? LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : LocalDate.parse(until).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new StartupFailure("--until must be a date such as 2026-06-30, was " + until);
        }
        int workers = threads == null ? Math.min(Runtime.getRuntime().availableProcessors(), settings.poolSize() - 1) : threads;
        if (workers >= settings.poolSize()) {
            throw new StartupFailure("--threads must be below PRAXIS_POOL_SIZE (" + settings.poolSize() + "), was " + workers);
        }
        try {
            return new LoadSampleUseCase.Command(learners, submissions == null ? 10L * learners : submissions, seed, months, end,
                    Math.max(1, workers));
        } catch (IllegalArgumentException e) {
            throw new StartupFailure(e.getMessage());
        }
    }

    /** The loader on a database: the published problems, graded by the graders the service uses. */
    static LoadSampleUseCase service(DataSource dataSource, ExternalGraders graders) {
        var dsl = Jooq.over(dataSource);
        return new SampleLoadService(new JooqPracticeProblems(dsl), new CopySampleData(dataSource), new Grading(graders),
                new JooqTransactions(dsl), LearningWiring.BOARD_ZONE);
    }

    /** One line on stderr, redrawn at most five times a second: how far, how fast, how long still. */
    static final class ProgressBar implements LoadSampleUseCase.Progress {
        private static final int WIDTH = 30;
        private final PrintWriter err;
        private final long learners;
        private final long submissions;
        private final long started = System.nanoTime();
        private long drawn;

        ProgressBar(PrintWriter err, long learners, long submissions) {
            this.err = err;
            this.learners = learners;
            this.submissions = submissions;
        }

        @Override
        public void written(long learnersDone, long submissionsDone) {
            long now = System.nanoTime();
            if (now - drawn < 200_000_000L && learnersDone < learners) {
                return;
            }
            drawn = now;
            double fraction = submissions > 0 ? (double) submissionsDone / submissions : (double) learnersDone / learners;
            double seconds = Math.max(1e-3, (now - started) / 1e9);
            int filled = (int) Math.round(fraction * WIDTH);
            String eta = fraction <= 0 ? "?" : format(Duration.ofSeconds(Math.round(seconds / fraction - seconds)));
            err.printf(Locale.ROOT, "\r[%s%s] %3.0f%%  %,d/%,d learners  %,d submissions  %,.0f submissions/s  ETA %s   ",
                    "#".repeat(filled), " ".repeat(WIDTH - filled), fraction * 100, learnersDone, learners, submissionsDone,
                    submissionsDone / seconds, eta);
            err.flush();
        }

        void done() {
            err.println();
            err.flush();
        }

        private static String format(Duration d) {
            return d.toMinutes() > 0 ? d.toMinutes() + "m" + String.format(Locale.ROOT, "%02d", d.toSecondsPart()) + "s" : d.toSeconds() + "s";
        }
    }
}
