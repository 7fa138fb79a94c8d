package org.praxis.bootstrap.bench;

import org.praxis.persistence.common.WireCounter;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.praxis.bootstrap.LearningWiring;
import org.praxis.bootstrap.bench.BenchLearners.Learner;
import org.praxis.bootstrap.tools.DurationConverter;
import org.praxis.bootstrap.tools.ServiceProcess;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code praxis bench}: the performance figures of issue 8 measured in one run, on a PostgreSQL of its
 * own and the service as child processes, A and B repeats interleaved; a Markdown report for
 * docs/benchmarks.md. Each figure is one phase method below; docs/benchmarks.md explains each.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure throughput, round trips, rank and board latency, freshness, upkeep, cold start and memory "
                + "on a throw-away embedded PostgreSQL; print a Markdown report (docs/benchmarks.md).")
public final class BenchCommand implements Callable<Integer> {
    private static final Duration READY_DEADLINE = Duration.ofSeconds(180);

    /**
     * Demo problems open to a new learner (first modules, no prerequisites), with a right and a wrong answer each:
     * P1, P2, P6 and P8 submit to these.
     */
    static final Map<String, String[]> PROBLEMS = problems("math-order-of-operations", "19", "7", "math-add-fractions", "17/12", "5/7",
            "math-divide-fractions", "2/3", "3/2", "html-void-elements", "2", "0");

    @Option(names = "--learners", defaultValue = "1000000", description = "Learners on the board for P5 (large) and P6. Default: ${DEFAULT-VALUE}.")
    long learners;

    @Option(names = "--small", defaultValue = "100000", description = "Learners for P5's small board. Default: ${DEFAULT-VALUE}.")
    long small;

    @Option(names = "--repeats", defaultValue = "3", description = "Repeats of each A/B pair. Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Option(names = "--duration", defaultValue = "20s", converter = DurationConverter.class,
            description = "Length of each measured phase (e.g. 20s, 1m). Default: ${DEFAULT-VALUE}.")
    Duration duration;

    @Option(names = "--idle", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long P9 watches the idle service. Default: ${DEFAULT-VALUE}.")
    Duration idle;

    @Option(names = "--clients", defaultValue = "16", description = "Client threads (HTTP) and clients (pgbench) for P1. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--report", description = "Write the Markdown report to this file (default: standard output).")
    Path report;

    @Option(names = "--work-dir", description = "Folder for the bench's database, logs and scripts (default: a new temporary folder).")
    Path workDir;

    @Option(names = "--service-jvm-option", description = "A JVM option for the service processes (repeatable), e.g. -Xmx256m.")
    List<String> serviceJvmOptions = new ArrayList<>();

    @Option(names = "--no-jmh", description = "Do not run the domain reducer's JMH benchmark (it needs the source tree and Maven).")
    boolean noJmh;

    @Option(names = "--smoke", description = "Everything at tiny sizes (2,000/200 learners, 2 s phases, 1 repeat, no JMH): checks the bench, measures nothing.")
    boolean smoke;

    @Spec
    CommandSpec spec;

    private final long started = System.nanoTime();
    private PrintWriter progress;
    private BenchDatabase database;
    private final BenchReport results = new BenchReport();
    private final java.util.concurrent.atomic.AtomicLong keys = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public Integer call() throws Exception {
        if (smoke) {
            learners = 2_000;
            small = 200;
            repeats = 1;
            duration = Duration.ofSeconds(2);
            idle = Duration.ofSeconds(2);
            noJmh = true;
        }
        if (small <= 0 || learners < small || repeats < 1 || duration.isNegative() || duration.isZero() || clients < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "need 0 < --small <= --learners, --repeats >= 1, --clients >= 1 and a positive --duration");
        }
        progress = spec.commandLine().getErr();
        Path folder = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("praxis-bench");
        step("work folder " + folder);
        header(folder);
        try (var db = BenchDatabase.start(folder)) {
            database = db;
            results.header("PostgreSQL: " + db.text("select version()") + "; synchronous_commit=" + db.text("show synchronous_commit")
                    + ", fsync=" + db.text("show fsync") + ", shared_buffers=" + db.text("show shared_buffers"));
            runPhases(folder);
        }
        coldStart(folder);
        jmh();
        results.header("load average at the end: " + loadAverage() + " (other processes share these cores: figures from a loaded machine are pessimistic)");
        String markdown = results.markdown();
        if (report != null) {
            Files.writeString(report, markdown, StandardCharsets.UTF_8);
            step("report written to " + report);
        } else {
            spec.commandLine().getOut().print(markdown);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private void runPhases(Path folder) throws Exception {
        // as many connections as pgbench's 16 clients get, so P1 compares like with like
        var env = new HashMap<String, String>(Map.of("DATABASE_URL", database.jdbcUrl(), "DATABASE_USER", BenchDatabase.USER,
                "PRAXIS_DEMO", "true", "PRAXIS_POOL_SIZE", "16"));
        try (var proxy = WireCounter.inFrontOf("localhost", database.port())) {
            var envB = new HashMap<>(env);
            envB.put("DATABASE_URL", "jdbc:postgresql://localhost:" + proxy.port() + "/" + BenchDatabase.NAME);
            envB.put("PRAXIS_DEMO", "false");
            step("starting service A, and service B behind the round-trip counting proxy");
            var starter = java.util.concurrent.Executors.newSingleThreadExecutor();
            var pendingB = starter.submit(() -> ServiceProcess.started("service-b", envB, serviceJvmOptions, folder.resolve("service-b.log"), READY_DEADLINE));
            starter.shutdown();
            ServiceProcess a = null;
            ServiceProcess b = null;
            try {
                a = ServiceProcess.started("service-a", env, serviceJvmOptions, folder.resolve("service-a.log"), READY_DEADLINE);
                b = pendingB.get();
                phases(a, b, proxy, folder);
            } finally {
                if (b == null) {
                    try {
                        b = pendingB.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        // B did not start: nothing to stop
                    }
                }
                if (b != null) {
                    b.close();
                }
                if (a != null) {
                    a.close();
                }
            }
        }
    }

    private void phases(ServiceProcess a, ServiceProcess b, WireCounter proxy, Path folder) throws Exception {
        results.raw("service A " + a + " ready in " + seconds(a.secondsToReady()) + "; service B " + b + " ready in "
                + seconds(b.secondsToReady()) + " (started together)");
        int submitterCount = clients * (smoke ? 1 : 2);
        int readerCount = smoke ? 4 : 32;
        int freshnessRounds = smoke ? 2 : 10;
        step("registering bench learners");
        var submitters = BenchLearners.register(database.dataSource(), "benchsub", submitterCount);
        var readers = BenchLearners.register(database.dataSource(), "benchread", readerCount);
        var firstSolvers = BenchLearners.register(database.dataSource(), "benchfirst", smoke ? 1 : 3);
        var freshness = BenchLearners.register(database.dataSource(), "benchfresh", 2 * freshnessRounds);

        var population = new BenchPopulation(database.dataSource(), progress);
        step("populating " + small + " learners");
        double smallSeconds = population.growTo(small);
        BenchLearners.placeOnBoard(database.dataSource(), readers);
        var rankSmall = rankRepeats(a, readers);
        step("populating up to " + learners + " learners");
        double largeSeconds = population.growTo(learners);
        BenchLearners.placeOnBoard(database.dataSource(), readers);
        results.raw(String.format(Locale.ROOT, "population: %,d learners in %s, then up to %,d in %s more (generate_series)", small,
                seconds(smallSeconds), learners, seconds(largeSeconds)));
        database.execute("select pg_stat_statements_reset()");
        var rankLarge = rankRepeats(a, readers);
        results.raw("P5 top statements by total time at " + learners + " learners (pg_stat_statements): " + topStatements());
        rankGrowth(rankSmall, rankLarge);

        step("warming up: every submitter solves every bench problem once");
        presolve(a, submitters);
        double httpRate = submitThroughput(a, submitters, folder);
        boardReads(a, b, submitters, readers, httpRate);
        roundTrips(b, proxy, submitters, firstSolvers);
        freshness(a, b, freshness, freshnessRounds, List.of(submitters, firstSolvers));
        upkeep(a);
    }

    // ---- P1 ------------------------------------------------------------------------------------------

    private double submitThroughput(ServiceProcess a, List<Learner> submitters, Path folder) throws Exception {
        step("P1: capturing one submission's SQL");
        var scripts = captureScripts(a, submitters, folder);
        var unavailable = Pgbench.unavailable();
        var calls = submitCalls(a, submitters);
        HttpLoad.run(clients, Duration.ofMillis(Math.min(5_000, duration.toMillis() / 2)), 0, calls);
        database.execute("select pg_stat_statements_reset()");
        var ratios = new ArrayList<Double>();
        var httpRates = new ArrayList<Double>();
        var pgbenchRates = new ArrayList<Double>();
        var pipelinedRatios = new ArrayList<Double>();
        var pipelinedRates = new ArrayList<Double>();
        for (int r = 1; r <= repeats; r++) {
            step("P1 repeat " + r + "/" + repeats + ": HTTP, " + clients + " clients");
            double cpuBefore = a.cpuSeconds();
            var threadsBefore = a.cpuSecondsByThread();
            var http = HttpLoad.run(clients, duration, 0, calls);
            if (r == 1) {
                results.raw("P1 service CPU by thread during HTTP repeat 1 (/proc/<pid>/task): "
                        + ServiceProcess.topThreads(threadsBefore, a.cpuSecondsByThread(), 8));
            }
            double cpuShare = (a.cpuSeconds() - cpuBefore) / (http.seconds() * Runtime.getRuntime().availableProcessors()) * 100;
            httpRates.add(http.perSecond());
            String line = String.format(Locale.ROOT, "P1 repeat %d: HTTP %.1f submissions/s (%d ok, %d errors%s; p50 %.2f ms, p99 %.2f ms; "
                            + "service CPU %.0f%% of the machine)", r, http.perSecond(), http.ok(), http.errors(),
                    http.firstErrors().isEmpty() ? "" : ", first: " + http.firstErrors().get(0),
                    http.all().percentileMillis(50), http.all().percentileMillis(99), cpuShare);
            if (r == 1) {
                results.raw("P1 top statements by total time during HTTP repeat 1 (pg_stat_statements): " + topStatements());
            }
            if (unavailable.isEmpty() && scripts != null) {
                var run = pgbench("pgbench", r, scripts.plain(), false);
                pgbenchRates.add(run.tps());
                ratios.add(http.perSecond() / run.tps());
                var pipelined = pgbench("pgbench pipelined", r, scripts.pipelined(), true);
                pipelinedRates.add(pipelined.tps());
                pipelinedRatios.add(http.perSecond() / pipelined.tps());
                line += String.format(Locale.ROOT, "; pgbench %.1f tps (%d failed); ratio %.3f; pgbench pipelined %.1f tps (%d failed); "
                        + "ratio %.3f", run.tps(), run.failed(), http.perSecond() / run.tps(), pipelined.tps(), pipelined.failed(),
                        http.perSecond() / pipelined.tps());
            }
            results.raw(line);
        }
        double httpMedian = Latencies.median(unboxed(httpRates));
        if (ratios.isEmpty()) {
            results.figure("P1 submit throughput HTTP/pgbench", Double.NaN, "", ">= 0.70", null,
                    "pgbench not run: " + unavailable.orElse("the submission's SQL could not be captured") + "; HTTP alone: "
                            + BenchReport.number(httpMedian) + " submissions/s");
        } else {
            double ratio = Latencies.median(unboxed(ratios));
            results.figure("P1 submit throughput HTTP/pgbench", ratio, "", ">= 0.70", ratio >= 0.70,
                    String.format(Locale.ROOT, "median of %d ratios; HTTP median %.0f/s, pgbench median %.0f tps, %d clients each",
                            ratios.size(), httpMedian, Latencies.median(unboxed(pgbenchRates)), clients));
            double strict = Latencies.median(unboxed(pipelinedRatios));
            results.figure("P1 HTTP/pgbench pipelined (stricter: one round trip per transaction)", strict, "", ">= 0.70", strict >= 0.70,
                    String.format(Locale.ROOT, "median of %d ratios; pgbench with \\startpipeline, extended protocol, median %.0f tps; "
                            + "the service needs 2 round trips (3 when a token's check reaches the database)", pipelinedRatios.size(), Latencies.median(unboxed(pipelinedRates))));
        }
        results.figure("P1 HTTP submissions per second", httpMedian, "/s", "(informative)", null, "median of " + httpRates.size() + " repeats");
        return httpMedian;
    }

    /** One pgbench side of a P1 repeat; its failures, if any, go to the raw numbers. */
    private Pgbench.Run pgbench(String what, int repeat, Map<Path, Integer> scripts, boolean pipelined) throws Exception {
        step("P1 repeat " + repeat + "/" + repeats + ": " + what + ", " + clients + " clients");
        var run = Pgbench.run(database, scripts, clients, (int) Math.max(1, duration.toSeconds()), pipelined);
        if (run.failed() > 0) {
            results.raw(what + " failures, repeat " + repeat + ": " + HttpLoad.abbreviate(run.output()));
        }
        return run;
    }

    /** pgbench's scripts (file to weight): one statement per round trip, and the whole transaction in one. */
    private record Scripts(Map<Path, Integer> plain, Map<Path, Integer> pipelined) {
    }

    /** The scripts of one wrong and one correct (already solved) submission, weighted as the HTTP mix (1:2). */
    private Scripts captureScripts(ServiceProcess a, List<Learner> submitters, Path folder) throws Exception {
        var log = new StatementLog(database);
        var learner = submitters.get(0);
        var slug = PROBLEMS.keySet().iterator().next();
        log.on();
        try {
            var background = new java.util.HashSet<String>();
            log.capture(() -> Thread.sleep(1_000)).forEach(s -> background.add(s.sql()));
            var scripts = new LinkedHashMap<Path, Integer>();
            var pipelinedScripts = new LinkedHashMap<Path, Integer>();
            for (boolean correct : new boolean[] {false, true}) {
                String key = "bench-capture-" + UUID.randomUUID();
                String answer = answer(slug, correct);
                String[] body = new String[1];
                var statements = log.capture(() -> body[0] = expect2xx(HttpLoad.send(submit(a, learner, slug, answer, key))));
                statements.removeIf(s -> background.contains(s.sql()));
                String submissionId = body[0].replaceAll("(?s).*?\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
                var perLearner = new LinkedHashMap<String, String>();
                perLearner.put("'" + learner.id() + "'", "user_id");
                perLearner.put("'\\x" + database.text("select encode(token_hash, 'hex') from sessions where user_id = '" + learner.id() + "'")
                        + "'", "token_hash");
                perLearner.put("'" + learner.username() + "'", "username");
                var fresh = Map.of("'" + submissionId + "'", "gen_random_uuid()", "'" + key + "'", "gen_random_uuid()::text");
                String script = Pgbench.script(statements, clients, submitters.size() / clients, perLearner, fresh, false);
                Path file = folder.resolve(correct ? "pgbench-correct.sql" : "pgbench-wrong.sql");
                Files.writeString(file, script, StandardCharsets.UTF_8);
                scripts.put(file, correct ? 2 : 1);
                Path pipelinedFile = folder.resolve(correct ? "pgbench-correct-pipelined.sql" : "pgbench-wrong-pipelined.sql");
                Files.writeString(pipelinedFile, Pgbench.script(statements, clients, submitters.size() / clients, perLearner, fresh, true),
                        StandardCharsets.UTF_8);
                pipelinedScripts.put(pipelinedFile, correct ? 2 : 1);
                results.raw("P1 captured " + (correct ? "correct (already solved)" : "wrong") + " submission: " + statements.size()
                        + " statements, script " + file);
            }
            database.execute("create table if not exists " + Pgbench.LEARNER_TABLE
                    + " (n int primary key, user_id uuid not null, token_hash bytea not null, username text not null)");
            for (var s : submitters) {
                database.execute("insert into " + Pgbench.LEARNER_TABLE + " select " + (s.n() + 1) + ", u.id, s.token_hash, u.username "
                        + "from users u join sessions s on s.user_id = u.id where u.id = '" + s.id() + "' on conflict do nothing");
            }
            return new Scripts(scripts, pipelinedScripts);
        } finally {
            log.off();
        }
    }

    private String topStatements() {
        var out = new StringBuilder();
        try (var c = database.dataSource().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("select calls, round((total_exec_time + total_plan_time)::numeric, 0) as ms, "
                     + "round(mean_exec_time::numeric, 3) as mean, round((total_plan_time / greatest(calls, 1))::numeric, 3) as plan, "
                     + "left(regexp_replace(query, '\\s+', ' ', 'g'), 140) as q from pg_stat_statements "
                     + "order by total_exec_time + total_plan_time desc limit 6")) {
            while (rs.next()) {
                out.append(String.format(Locale.ROOT, "%n  - `%s` calls %d, total %s ms (planning included), mean %s ms executing + %s ms planning",
                        rs.getString(5).replace('|', '/'), rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        } catch (java.sql.SQLException e) {
            out.append("(pg_stat_statements unavailable: ").append(e.getMessage()).append(')');
        }
        return out.toString();
    }

    private void presolve(ServiceProcess a, List<Learner> submitters) throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new ArrayList<java.util.concurrent.Future<String>>();
            for (var learner : submitters) {
                for (var slug : PROBLEMS.keySet()) {
                    futures.add(pool.submit(() -> expect2xx(HttpLoad.send(submit(a, learner, slug, answer(slug, true), nextKey())))));
                }
            }
            for (var f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private HttpLoad.Calls submitCalls(ServiceProcess service, List<Learner> submitters) {
        var slugs = List.copyOf(PROBLEMS.keySet());
        int perClient = submitters.size() / clients;
        return (client, random) -> {
            // each client thread its own learners, so that no two clients wait for one learner's row lock
            var learner = submitters.get(client % clients + clients * random.nextInt(perClient));
            String slug = slugs.get(random.nextInt(slugs.size()));
            boolean correct = random.nextInt(3) != 0;
            return new HttpLoad.Call(correct ? "correct" : "wrong",
                    submit(service, learner, slug, answer(slug, correct), nextKey()));
        };
    }

    // ---- P2 ------------------------------------------------------------------------------------------

    private void roundTrips(ServiceProcess b, WireCounter proxy, List<Learner> submitters, List<Learner> firstSolvers) throws Exception {
        step("P2: counting round trips through service B");
        // Background work (the board index's poll, the grading workers' claims, a pool's liveness check)
        // shares the wire with the submissions: every round trip is recorded with its statements, and
        // those that also occur in an idle window just before are the background's, counted apart.
        // Service B's caches (published problems, award rules) and its connections' prepared statements
        // warm up first: their first use is a one-off per start, not a submission's cost.
        for (var slug : PROBLEMS.keySet()) {
            for (boolean correct : List.of(false, true)) {
                expect2xx(HttpLoad.send(submit(b, submitters.get(0), slug, answer(slug, correct), nextKey())));
            }
        }
        proxy.record(true);
        proxy.reset();
        // Long enough to hold two of the board follower's polls whole (each is two round trips, a second
        // apart), also on a loaded machine: a poll cut off by the window's end would count as a submission's.
        Thread.sleep(LearningWiring.BOARD_POLL.multipliedBy(3).toMillis());
        var background = new java.util.HashSet<List<String>>(proxy.recorded());
        var perKind = new LinkedHashMap<String, Double>();
        long[] tokenChecks = {0};
        long[] submissions = {0};
        int n = smoke ? 8 : 100;
        var slugs = List.copyOf(PROBLEMS.keySet());
        var random = new java.util.Random(8);
        for (String kind : List.of("wrong", "correct, already solved", "correct, first solve")) {
            var requests = new ArrayList<HttpLoad.Request>();
            if (kind.startsWith("correct, first")) {
                for (var learner : firstSolvers) {
                    for (var slug : slugs) {
                        requests.add(submit(b, learner, slug, answer(slug, true), nextKey()));
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    String slug = slugs.get(random.nextInt(slugs.size()));
                    requests.add(submit(b, submitters.get(random.nextInt(submitters.size())), slug,
                            answer(slug, !kind.equals("wrong")), nextKey()));
                }
            }
            proxy.reset();
            long t0 = System.nanoTime();
            for (var request : requests) {
                expect2xx(HttpLoad.send(request));
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            var trips = proxy.recorded();
            long theirs = trips.stream().filter(trip -> background.contains(trip) || isHousekeeping(trip)).count();
            long checks = trips.stream().filter(BenchCommand::isTokenCheck).count();
            tokenChecks[0] += checks;
            submissions[0] += requests.size();
            double perSubmission = (double) (trips.size() - theirs - checks) / requests.size();
            perKind.put(kind, perSubmission);
            results.raw(String.format(Locale.ROOT, "P2 %s: %d round trips during %d sequential submissions in %.2f s, "
                    + "%d of them background work (statements seen in the idle window, a new connection's setup, or a liveness check), "
                    + "%d token checks that reached the database (one round trip each): %.2f per submission besides its token check",
                    kind, trips.size(), requests.size(), elapsed, theirs, checks, perSubmission));
            var shapes = new java.util.TreeMap<String, Integer>();
            trips.stream().filter(trip -> !background.contains(trip) && !isHousekeeping(trip)).forEach(trip -> shapes.merge(shape(trip), 1, Integer::sum));
            results.raw("P2 " + kind + ", the submissions' round trips by their statements: " + shapes);
        }
        proxy.record(false);
        proxy.reset();
        double worst = perKind.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        // the worst request pays its token's check too: one round trip (when a token is first used on the
        // instance, then once a minute; the bearer cache answers it otherwise)
        double withCheck = worst + 1;
        results.figure("P2 database round trips per submission", withCheck, "", "<= 3", withCheck <= 3.0 + 1e-9,
                "counted on the wire by WireCounter (a round trip ends at a Sync or Query the client waits for), commit included, background work left out by its statements: the worst kind of "
                        + perKind.keySet() + " = " + perKind.values().stream().map(BenchReport::number).toList()
                        + " besides the token check, plus the check's one round trip when it reaches the database (" + tokenChecks[0]
                        + " of these " + submissions[0] + " submissions: a token's first use on the instance, then once a minute; from memory otherwise)");
    }

    /**
     * Housekeeping, not a request's: a new connection's {@code SET}s (the driver's {@code SET
     * application_name ...}), or a round trip without a statement, the pool's liveness check of a
     * connection idle for over 500 ms (Hikari's {@code isValid}), which a loaded machine triggers between
     * sequential submissions and a busy service does not (as in SubmitRoundTripsTest).
     */
    private static boolean isHousekeeping(List<String> trip) {
        return trip.stream().allMatch(sql -> sql.isBlank() || sql.strip().toLowerCase(Locale.ROOT).startsWith("set "));
    }

    /** A round trip as the first words of its statements, e.g. {@code [with update sessions]} or {@code [begin, insert into ...]}. */
    /** The bearer token's check: one statement, the session's use recorded in its CTE, alone in its round trip. */
    private static boolean isTokenCheck(List<String> trip) {
        return trip.size() == 1 && trip.get(0).strip().replace("\"", "").toLowerCase(Locale.ROOT)
                .startsWith("with touched as (update sessions");
    }

    private static String shape(List<String> trip) {
        return trip.stream().map(sql -> {
            var words = sql.strip().replace("\"", "").replaceAll("\\s+", " ").split(" ");
            return String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(4, words.length))).toLowerCase(Locale.ROOT);
        }).toList().toString();
    }

    // ---- P5 ------------------------------------------------------------------------------------------

    private List<Double> rankRepeats(ServiceProcess a, List<Learner> readers) throws InterruptedException {
        // warm-up, so that neither size is measured on a cold JIT or a cold cache
        HttpLoad.run(1, duration.dividedBy(4), 0, (client, random) -> new HttpLoad.Call("me",
                get(a, "/v1/leaderboards/global/me", readers.get(random.nextInt(readers.size())))));
        var p50s = new ArrayList<Double>();
        for (int r = 1; r <= repeats; r++) {
            step("P5 repeat " + r + "/" + repeats + " at " + new java.text.DecimalFormat("#,###").format(learnersNow()) + " learners");
            var result = HttpLoad.run(1, duration, 0, (client, random) -> new HttpLoad.Call("me",
                    get(a, "/v1/leaderboards/global/me", readers.get(random.nextInt(readers.size())))));
            double p50 = result.all().percentileMillis(50);
            p50s.add(p50);
            results.raw(String.format(Locale.ROOT, "P5 at %,d learners, repeat %d: %d requests (%d errors), p50 %.3f ms, p99 %.3f ms",
                    learnersNow(), r, result.ok(), result.errors(), p50, result.all().percentileMillis(99)));
        }
        return p50s;
    }

    private long learnersNow() {
        return database.number("select count(*) from learner_states where submissions > 0");
    }

    private void rankGrowth(List<Double> atSmall, List<Double> atLarge) {
        double ratio = Latencies.median(unboxed(atLarge)) / Latencies.median(unboxed(atSmall));
        results.figure("P5 rank growth p50(me, large)/p50(me, small)", ratio, "", "<= 1.5", ratio <= 1.5,
                String.format(Locale.ROOT, "p50 of GET /v1/leaderboards/global/me, 1 client: %.3f ms at %,d vs %.3f ms at %,d learners "
                                + "(medians of %d repeats each; sizes run one after the other, the population only grows)",
                        Latencies.median(unboxed(atLarge)), learners, Latencies.median(unboxed(atSmall)), small, atSmall.size()));
    }

    // ---- P6 ------------------------------------------------------------------------------------------

    private void boardReads(ServiceProcess a, ServiceProcess b, List<Learner> submitters, List<Learner> readers, double httpRate) throws Exception {
        var p50s = new ArrayList<Double>();
        var p99s = new ArrayList<Double>();
        double peakRss = 0;
        double rate = httpRate / 2;
        var processes = new LinkedHashMap<String, Long>();
        processes.put("service A", a.pid());
        processes.put("service B", b.pid());
        processes.put("the bench (load generator)", ProcessHandle.current().pid());
        var machine = new MachineCpu(processes);
        // The same mix once unmeasured first, as long as a repeat: the service's JIT compiles the read
        // paths under this load (C2 took about a tenth of the machine in a first repeat's profile, and
        // the repeats' p99 fell from one to the next after a 5 s warm-up: 30, 23, 13 ms).
        step("P6 warm-up: board reads and submissions, " + duration.toMillis() + " ms");
        var warmUp = submitting(a, submitters, rate, new java.util.concurrent.atomic.AtomicReference<>());
        warmUp.start();
        HttpLoad.run(8, duration, 0, boardReadCalls(a, readers));
        warmUp.join();
        database.execute("select pg_stat_statements_reset()");
        var accessLog = new AccessLog(a.log());
        for (int r = 1; r <= repeats; r++) {
            step("P6 repeat " + r + "/" + repeats + ": board reads, 8 clients, submissions at " + Math.round(rate) + "/s");
            var writes = new java.util.concurrent.atomic.AtomicReference<HttpLoad.Result>();
            var writer = submitting(a, submitters, rate, writes);
            var sampling = new java.util.concurrent.atomic.AtomicBoolean(true);
            var rss = new java.util.concurrent.atomic.AtomicReference<Double>(0.0);
            var sampler = new Thread(() -> {
                while (sampling.get()) {
                    rss.accumulateAndGet(a.memoryMib("VmRSS"), (x, y) -> Double.isNaN(y) ? x : Math.max(x, y));
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-rss");
            var cpuBefore = machine.read();
            long logFrom = accessLog.end();
            writer.start();
            sampler.start();
            var reads = HttpLoad.run(8, duration, 0, boardReadCalls(a, readers));
            writer.join();
            var cpuAfter = machine.read();
            sampling.set(false);
            sampler.join();
            peakRss = Math.max(peakRss, rss.get());
            var all = reads.all();
            p50s.add(all.percentileMillis(50));
            p99s.add(all.percentileMillis(99));
            var line = new StringBuilder(String.format(Locale.ROOT, "P6 repeat %d: %d reads (%.0f/s, %d errors) p50 %.3f ms, p99 %.3f ms",
                    r, reads.ok(), reads.perSecond(), reads.errors(), all.percentileMillis(50), all.percentileMillis(99)));
            reads.latencies().forEach((kind, l) -> line.append(String.format(Locale.ROOT, "; %s p50 %.3f ms, p99 %.3f ms", kind,
                    l.percentileMillis(50), l.percentileMillis(99))));
            var w = writes.get();
            line.append(String.format(Locale.ROOT, "; meanwhile %d submissions (%.1f/s, %d errors); service VmRSS peak %.0f MiB",
                    w.ok(), w.perSecond(), w.errors(), rss.get()));
            results.raw(line.toString());
            results.raw("P6 repeat " + r + ", CPU of the machine (/proc): " + MachineCpu.between(cpuBefore, cpuAfter));
            results.raw("P6 repeat " + r + ", the service's own time per read (its access log: handler start to end, "
                    + "without the waits before and after it): " + handlerTimes(accessLog.handlerTimes(logFrom, accessLog.end())));
        }
        results.raw("P6 top statements by total time (pg_stat_statements): " + topStatements());
        double p50 = Latencies.median(unboxed(p50s));
        double p99 = Latencies.median(unboxed(p99s));
        String note = "top-100 and /me?neighbours=5 (random bench learners, the worst-ranked included), 8 clients, "
                + String.format(Locale.ROOT, "%,d learners, submissions at %.0f/s; median of %d repeats", learnersNow(), rate, p50s.size());
        results.figure("P6 board reads p50", p50, "ms", "< 2 ms", p50 < 2, note);
        results.figure("P6 board reads p99", p99, "ms", "< 10 ms", p99 < 10, note);
        results.figure("Service memory under P6 (VmRSS peak)", peakRss, "MiB", "< 512 MiB", peakRss < 512,
                "VmHWM " + BenchReport.number(a.memoryMib("VmHWM")) + " MiB; JVM options: "
                        + (serviceJvmOptions.isEmpty() ? "none (defaults)" : String.join(" ", serviceJvmOptions)));
    }

    /** A thread that, once started, submits for {@code duration} from 4 clients paced to {@code rate}, and leaves the result in {@code result}. */
    private Thread submitting(ServiceProcess a, List<Learner> submitters, double rate,
            java.util.concurrent.atomic.AtomicReference<HttpLoad.Result> result) {
        return new Thread(() -> {
            try {
                result.set(HttpLoad.run(4, duration, rate, submitCalls(a, submitters)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-p6-writer");
    }

    private static String handlerTimes(Map<String, Latencies> byPath) {
        var out = new StringBuilder();
        for (var path : List.of("/v1/leaderboards/global", "/v1/leaderboards/global/me")) {
            var times = byPath.get(path);
            if (times != null) {
                out.append(out.length() == 0 ? "" : "; ").append(path.endsWith("/me") ? "me+5" : "top100")
                        .append(String.format(Locale.ROOT, " p50 %.2f ms, p99 %.2f ms (%d reads)", times.percentileMillis(50),
                                times.percentileMillis(99), times.count()));
            }
        }
        return out.length() == 0 ? "no access lines" : out.toString();
    }

    /** P6's reads: the first page or a random placed learner's rank with five neighbours, half and half. */
    private static HttpLoad.Calls boardReadCalls(ServiceProcess a, List<Learner> readers) {
        var top = new HttpLoad.Call("top100", get(a, "/v1/leaderboards/global?limit=100", null));
        var mine = readers.stream().map(r -> new HttpLoad.Call("me+5", get(a, "/v1/leaderboards/global/me?neighbours=5", r))).toList();
        return (client, random) -> random.nextBoolean() ? top : mine.get(random.nextInt(mine.size()));
    }

    // ---- P8 ------------------------------------------------------------------------------------------

    /** {@code changedBefore}: the bench learners the phases before P8 changed, the last of them through B (P2). */
    private void freshness(ServiceProcess a, ServiceProcess b, List<Learner> learners, int rounds, List<List<Learner>> changedBefore)
            throws Exception {
        step("P8: freshness across two instances, " + rounds + " rounds");
        // P2 committed through B, and A reads those changes with its next poll (what the second figure
        // measures). The rounds start once A has read the last of them, its answer for the learner whose row
        // changed last agreeing with SQL: then only X's own submission lies between A's board and SQL's. The
        // rounds themselves change the board through A alone.
        var lastChanged = database.text("select user_id from learner_states order by board_changed_at desc limit 1");
        var last = changedBefore.stream().flatMap(List::stream).filter(l -> l.id().toString().equals(lastChanged)).findFirst();
        if (last.isEmpty()) {
            results.raw("P8: the last change before it was not a bench learner's (" + lastChanged + "); the rounds start at once");
        } else if (!agreesWithSqlWithin10s(a, last.get())) {
            results.raw("P8: A did not agree with SQL on " + last.get().username() + ", changed last through B, within 10 s");
        }
        var problems = List.copyOf(PROBLEMS.keySet());
        int exact = 0;
        var delays = new ArrayList<Double>();
        for (int r = 0; r < rounds; r++) {
            String slug = problems.get(r % problems.size());
            var x = learners.get(2 * r);
            var y = learners.get(2 * r + 1);
            expect2xx(HttpLoad.send(submit(a, x, slug, answer(slug, true), nextKey())));
            String mine = rankAndScore(expect2xx(HttpLoad.send(get(a, "/v1/leaderboards/global/me", x))));
            String truthForX = expectedMe(x);
            if (mine.equals(truthForX)) {
                exact++;
            } else {
                results.raw("P8 round " + r + ": " + x.username() + "'s rank,score via A was " + mine + ", SQL RANK() says " + truthForX);
            }
            expect2xx(HttpLoad.send(submit(a, y, slug, answer(slug, true), nextKey())));
            long changed = System.nanoTime();
            // polls start at once; SQL's answer (a second or so at a million learners) is computed meanwhile and
            // compared with every answer seen, so the delay is B's, not the bench's
            var expected = java.util.concurrent.CompletableFuture.supplyAsync(() -> expectedMe(y));
            var seen = new ArrayList<Map.Entry<Long, String>>();
            long deadline = changed + 10_000_000_000L;
            double delay = Double.NaN;
            while (System.nanoTime() < deadline && Double.isNaN(delay)) {
                String answer = rankAndScore(expect2xx(HttpLoad.send(get(b, "/v1/leaderboards/global/me", y))));
                seen.add(Map.entry(System.nanoTime(), answer));
                if (expected.isDone()) {
                    String truth = expected.join();
                    delay = seen.stream().filter(e -> e.getValue().equals(truth)).findFirst()
                            .map(e -> (e.getKey() - changed) / 1e6).orElse(Double.NaN);
                }
                if (Double.isNaN(delay)) {
                    Thread.sleep(10);
                }
            }
            delays.add(Double.isNaN(delay) ? 10_000.0 : delay);
        }
        double max = delays.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        results.figure("P8 own rank exact on the next request (same instance)", exact, "of " + rounds, "all", exact == rounds,
                "rank and score from GET /me via A right after the submission, compared with SQL RANK() over learner_states "
                        + "(the rounds start once A agrees with SQL on the learner B changed last: other instances' changes reach A within a poll, "
                        + "the figure below)");
        results.figure("P8 other learner's change visible on instance B (max delay)", max, "ms", "<= 5000 ms", max <= 5_000,
                "median " + BenchReport.number(Latencies.median(unboxed(delays))) + " ms; Y's /me polled on B from the moment Y's submission answered (10 s deadline); raw: "
                        + delays.stream().map(BenchReport::number).toList());
    }

    /** Whether A's /me for the learner comes to equal SQL's answer within 10 s. */
    private boolean agreesWithSqlWithin10s(ServiceProcess a, Learner learner) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String truth = expectedMe(learner);
        while (!rankAndScore(expect2xx(HttpLoad.send(get(a, "/v1/leaderboards/global/me", learner)))).equals(truth)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** "rank,score" of {@code learner} on the global board by plain SQL, the way RANK() numbers it (ties share a rank). */
    private String expectedMe(Learner learner) {
        return database.text("select r.rank || ',' || r.points from (select user_id, points, rank() over "
                + "(order by points desc, streak_longest desc) as rank from learner_states where submissions > 0) r "
                + "where r.user_id = '" + learner.id() + "'");
    }

    // ---- P9 ------------------------------------------------------------------------------------------

    private void upkeep(ServiceProcess a) throws InterruptedException {
        step("P9: watching the idle service for " + idle.toSeconds() + " s");
        double before = a.cpuSeconds();
        var threadsBefore = a.cpuSecondsByThread();
        long t0 = System.nanoTime();
        Thread.sleep(idle.toMillis());
        results.raw("P9 idle service CPU by thread (/proc/<pid>/task): " + ServiceProcess.topThreads(threadsBefore, a.cpuSecondsByThread(), 8));
        double wall = (System.nanoTime() - t0) / 1e9;
        double used = a.cpuSeconds() - before;
        int cores = Runtime.getRuntime().availableProcessors();
        double percent = used / (wall * cores) * 100;
        results.figure("P9 idle service CPU", percent, "% of the machine", "< 2 %", percent < 2,
                String.format(Locale.ROOT, "%.2f CPU s in %.1f s on %d cores (utime+stime of service A, no requests)", used, wall, cores));
    }

    // ---- cold start and JMH ----------------------------------------------------------------------

    private void coldStart(Path folder) throws Exception {
        step("cold start: serve on a fresh embedded data folder");
        var env = new HashMap<String, String>();
        env.put("DATABASE_URL", "");
        env.put("PRAXIS_DATA_DIR", folder.resolve("cold-start").toString());
        try (var service = ServiceProcess.started("cold-start", env, serviceJvmOptions, folder.resolve("cold-start.log"), READY_DEADLINE)) {
            double s = service.secondsToReady();
            results.figure("Cold start to /health/ready", s, "s", "< 20 s", s < 20,
                    "java -jar praxis.jar serve, embedded PostgreSQL in a fresh data folder (initdb, migrations, demo content)");
        }
    }

    private void jmh() throws Exception {
        String command = "./mvnw -q -pl domain test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test "
                + "\"-Dexec.args=-cp %classpath org.praxis.domain.bench.ProgressionBenchmark\"";
        Path root = sourceTree();
        if (noJmh || !Files.isRegularFile(root.resolve("mvnw")) || !Files.isDirectory(root.resolve("domain"))) {
            results.figure("JMH domain reducer (firstSolveCompletingAModule)", Double.NaN, "µs/op", "(informative)", null,
                    (noJmh ? "not run (" + (smoke ? "--smoke" : "--no-jmh") + ")" : "not run: no source tree here")
                            + "; run from the repository root: `" + command + "`");
            return;
        }
        step("JMH: the domain reducer (about a minute)");
        var process = new ProcessBuilder("sh", "-c", command).directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        var m = java.util.regex.Pattern.compile("ProgressionBenchmark\\.(\\w+)\\s+avgt\\s+\\d+\\s+([0-9.]+)\\s+±\\s+([0-9.]+)\\s+ns/op").matcher(output);
        boolean any = false;
        while (m.find()) {
            any = true;
            results.figure("JMH domain reducer (" + m.group(1) + ")", Double.parseDouble(m.group(2)) / 1000, "µs/op", "(informative)", null,
                    "± " + BenchReport.number(Double.parseDouble(m.group(3)) / 1000) + " µs (99.9 %), 1 fork, 5 x 2 s");
        }
        if (!any) {
            results.figure("JMH domain reducer (firstSolveCompletingAModule)", Double.NaN, "µs/op", "(informative)", null,
                    "JMH printed no result: " + HttpLoad.abbreviate(output));
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private void header(Path folder) {
        results.header("date: " + Instant.now());
        results.header("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + memTotal() + ", Java "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        results.header("commit: " + gitCommit());
        results.header("load average at the start (1, 5, 15 min): " + loadAverage());
        results.header(String.format(Locale.ROOT, "options: --learners %d --small %d --repeats %d --duration %ds --idle %ds --clients %d%s",
                learners, small, repeats, duration.toSeconds(), idle.toSeconds(), clients, smoke ? " --smoke" : ""));
        results.header("pgbench: " + Pgbench.unavailable().orElse(Pgbench.EXECUTABLE.toString()) + "; work folder " + folder);
    }

    /** The source tree this build comes from (the jar sits in bootstrap/target), else the working folder. */
    private static Path sourceTree() {
        try {
            Path source = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            for (Path p = source; p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("domain"))) {
                    return p;
                }
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // the working folder then
        }
        return Path.of("").toAbsolutePath();
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        } catch (IOException | RuntimeException e) {
            return "memory unknown";
        }
    }

    private static String gitCommit() {
        try {
            var process = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").directory(sourceTree().toFile())
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            var status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no").directory(sourceTree().toFile())
                    .redirectErrorStream(true).start();
            String dirty = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8).isBlank() ? "" : " (with local changes)";
            return process.waitFor() == 0 ? out + dirty : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private HttpLoad.Request submit(ServiceProcess service, Learner learner, String slug, String answer, String key) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Authorization", "Bearer " + learner.token());
        headers.put("Content-Type", "application/json");
        headers.put("Idempotency-Key", key);
        return HttpLoad.Request.post(service.uri("/v1/problems/" + slug + "/submissions"), headers,
                "{\"answer\":\"" + answer.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    private static HttpLoad.Request get(ServiceProcess service, String path, Learner learner) {
        return HttpLoad.Request.get(service.uri(path), learner == null ? Map.of() : Map.of("Authorization", "Bearer " + learner.token()));
    }

    private String nextKey() {
        return "bench-" + keys.incrementAndGet() + "-" + UUID.randomUUID();
    }

    /** The body of a 2xx answer; anything else stops the bench, since a figure over failed requests means nothing. */
    private static String expect2xx(HttpLoad.Response response) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException(response.request() + " answered "
                    + response.status() + ": " + HttpLoad.abbreviate(response.body()));
        }
        return response.body();
    }

    /** "rank,score" of a {@code GET .../me} answer (without neighbours): what P8 compares with SQL. */
    private static String rankAndScore(String body) {
        String rank = body.replaceAll("(?s).*\"rank\"\\s*:\\s*(\\d+).*", "$1");
        String score = body.replaceAll("(?s).*\"score\"\\s*:\\s*(\\d+).*", "$1");
        return rank + "," + score;
    }

    private void step(String message) {
        progress.printf(Locale.ROOT, "bench [%5.1f s]: %s%n", (System.nanoTime() - started) / 1e9, message);
        progress.flush();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    private static double[] unboxed(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Map<String, String[]> problems(String... triples) {
        var map = new LinkedHashMap<String, String[]>();
        for (int i = 0; i < triples.length; i += 3) {
            map.put(triples[i], new String[] {triples[i + 1], triples[i + 2]});
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static String answer(String slug, boolean correct) {
        return PROBLEMS.get(slug)[correct ? 0 : 1];
    }
}
