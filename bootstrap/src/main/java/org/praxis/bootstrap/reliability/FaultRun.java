package org.praxis.bootstrap.reliability;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.praxis.bootstrap.tools.ServiceProcess;
import org.praxis.persistence.reliability.Invariants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fault run (docs/reliability.md): learners submit through two service instances on one PostgreSQL
 * while one instance is killed with SIGKILL and restarted and PostgreSQL is stopped immediately and
 * started again. Clients record every acknowledged (201) submission; afterwards each must exist with
 * the result acknowledged, no Idempotency-Key may have made two submissions, and every invariant must
 * hold. The services and the database are given to it, so the same run drives child processes
 * ({@code praxis fault-run}) and the short run in the test command.
 */
final class FaultRun {
    /** Problems of the demo content's first, unlocked module, with a correct answer each. */
    static final Map<String, String> ANSWERS = Map.of("math-order-of-operations", "19", "math-add-fractions", "17/12",
            "math-divide-fractions", "2/3");
    private static final List<String> PROBLEMS = List.copyOf(new java.util.TreeSet<>(ANSWERS.keySet()));
    private static final ObjectMapper JSON = new ObjectMapper();
    // a JVM starting from the 150 MB jar on a shared, overloaded machine took over two minutes
    private static final Duration READY_WITHIN = Duration.ofSeconds(300);
    // after the database is back, pooled connections it broke still fail once each (a 503) until the pool replaces them
    private static final Duration AFTER_OUTAGE = Duration.ofSeconds(15);

    /** A service instance the run can kill and start again. */
    interface Service {
        String name();

        URI base();

        long pid();

        void start();

        /** Kills it without warning (SIGKILL for a process) and says how it went. */
        String kill();

        boolean alive();

        void stop();
    }

    /** The PostgreSQL the services share. */
    interface DatabaseServer {
        /** Why it cannot be stopped, if it cannot. */
        Optional<String> cannotStop();

        void stopImmediately();

        void start();
    }

    record Options(int clients, Duration duration, Duration outage, boolean kill, long seed) {
        Options {
            if (clients < 1 || clients > 512) {
                throw new IllegalArgumentException("--clients must be between 1 and 512, was " + clients);
            }
            if (duration.toSeconds() < 8) {
                throw new IllegalArgumentException("--duration must be at least 8s, was " + duration.toSeconds() + "s");
            }
            if (outage.isNegative() || outage.compareTo(duration.dividedBy(2)) > 0) {
                throw new IllegalArgumentException("--outage must be between 0s and half the duration");
            }
        }

        int learners() {
            return Math.max(1, clients / 2);
        }
    }

    /** What the run saw and what the check afterwards found; {@link #passed()} is the verdict. */
    record Report(long requests, Map<Integer, Long> statuses, long connectionErrors, List<String> faults, long acknowledged,
            long replays, long lost, long doubleCounted, long expected503, long busy503, long unexpected5xx, List<String> outageProblems,
            List<String> violations, List<String> details) {
        boolean passed() {
            return lost == 0 && doubleCounted == 0 && unexpected5xx == 0 && outageProblems.isEmpty() && violations.isEmpty();
        }

        void print(PrintWriter out) {
            out.println("requests:                " + requests + " (by status " + statuses + ", connection errors " + connectionErrors + ")");
            out.println("faults injected:         " + faults.size());
            faults.forEach(f -> out.println("  - " + f));
            out.println("acknowledged writes:     " + acknowledged + " (plus " + replays + " replays of an acknowledged key, same submission)");
            out.println("lost:                    " + lost);
            out.println("double-counted:          " + doubleCounted);
            out.println("503 during the outage:   " + expected503 + " (problem+json with Retry-After)");
            out.println("503 outside the outage:  " + busy503 + " (problem+json with Retry-After: no pooled connection within 5 s)");
            out.println("other 5xx:               " + unexpected5xx);
            out.println("outage checks failed:    " + outageProblems.size());
            outageProblems.forEach(p -> out.println("  - " + p));
            out.println("invariant violations:    " + violations.size());
            violations.forEach(v -> out.println("  - " + v));
            details.forEach(d -> out.println("  ! " + d));
            out.println(passed() ? "PASSED" : "FAILED");
            out.flush();
        }
    }

    private record Learner(String username, String id, String token) {
    }

    private record Ack(Learner learner, String key, String submission, int pointsAwarded, String verdict, String problem) {
    }

    private record Outcome(int status, JsonNode body, String contentType, Optional<String> retryAfter) {
    }

    private final DataSource dataSource;
    private final List<Service> services;
    private final DatabaseServer database;
    private final Options options;
    private final PrintWriter out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1)
            .build();

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong connectionErrors = new AtomicLong();
    private final AtomicLong replays = new AtomicLong();
    private final AtomicLong expected503 = new AtomicLong();
    private final AtomicLong busy503 = new AtomicLong();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final Map<String, Set<String>> submissionsByKey = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> outageProblems = new ConcurrentLinkedQueue<>();
    private final List<String> faults = new ArrayList<>();
    // the window in which a 503 is the promised answer: from the stop until both instances are ready again
    private volatile long outageFrom = Long.MAX_VALUE;
    private volatile long outageUntil = Long.MIN_VALUE;
    private volatile long clientsEnd = Long.MAX_VALUE;
    private volatile boolean faultsDone;

    FaultRun(DataSource dataSource, List<Service> services, DatabaseServer database, Options options, PrintWriter out) {
        if (services.size() != 2) {
            throw new IllegalArgumentException("a fault run uses two service instances");
        }
        this.dataSource = dataSource;
        this.services = services;
        this.database = database;
        this.options = options;
        this.out = out;
    }

    /** Starts the services (the schema and content are already in place), runs, checks; the services are stopped after. */
    Report run() throws Exception {
        try {
            services.forEach(Service::start);
            for (var service : services) {
                awaitReady(service, READY_WITHIN);
                say(service.name() + " ready at " + service.base() + " (pid " + service.pid() + ")");
            }
            var learners = register();
            say(learners.size() + " learners, " + options.clients() + " clients, " + options.duration().toSeconds() + " s");
            long start = System.nanoTime();
            long end = start + options.duration().toNanos();
            var pool = Executors.newFixedThreadPool(options.clients());
            var clients = new ArrayList<Future<?>>();
            try {
                for (int c = 0; c < options.clients(); c++) {
                    int client = c;
                    clients.add(pool.submit(() -> client(client, learners.get(client % learners.size()))));
                }
                try {
                    injectFaults(start, learners.get(0));
                } finally {
                    // a slow restart can push the outage late: the clients go on until 10 s after the last fault
                    clientsEnd = Math.max(end, System.nanoTime() + Duration.ofSeconds(10).toNanos());
                    faultsDone = true;
                }
                for (var client : clients) {
                    client.get();
                }
            } finally {
                pool.shutdownNow();
            }
            say("clients done; checking");
            return verify(learners);
        } finally {
            services.forEach(Service::stop);
        }
    }

    private void injectFaults(long start, Learner prober) throws Exception {
        if (options.kill()) {
            sleepUntil(start + options.duration().toNanos() / 4);
            var victim = services.get(0);
            long pid = victim.pid();
            String how = victim.kill();
            long killedAt = System.nanoTime();
            victim.start();
            awaitReady(victim, READY_WITHIN);
            String fault = victim.name() + " (pid " + pid + ") " + how + ", started again as pid " + victim.pid() + ", ready after "
                    + Duration.ofNanos(System.nanoTime() - killedAt).toMillis() + " ms";
            faults.add(fault);
            say(fault);
        }
        var cannot = database.cannotStop();
        if (cannot.isPresent()) {
            faults.add("PostgreSQL not stopped: " + cannot.get());
            say("skipping the database stop: " + cannot.get());
            return;
        }
        if (options.outage().isZero()) {
            return;
        }
        sleepUntil(start + options.duration().toNanos() / 2);
        var pids = services.stream().map(Service::pid).toList();
        outageFrom = System.nanoTime();
        database.stopImmediately();
        long stoppedAt = System.nanoTime();
        say("PostgreSQL stopped (pg_ctl stop -m immediate)");
        probeOutage(prober);
        sleepUntil(stoppedAt + options.outage().toNanos());
        database.start();
        long startedAt = System.nanoTime();
        say("PostgreSQL started again after " + Duration.ofNanos(startedAt - stoppedAt).toMillis() + " ms down");
        for (var service : services) {
            awaitReady(service, Duration.ofSeconds(60));
        }
        outageUntil = System.nanoTime();
        var after = services.stream().map(Service::pid).toList();
        if (!after.equals(pids)) {
            outageProblems.add("an instance was restarted during the outage: pids " + pids + " became " + after);
        }
        String fault = "PostgreSQL stopped with pg_ctl stop -m immediate for " + Duration.ofNanos(startedAt - stoppedAt).toMillis()
                + " ms; both instances ready again " + Duration.ofNanos(outageUntil - startedAt).toMillis()
                + " ms after it was back, same pids " + after;
        faults.add(fault);
        say(fault);
    }

    /**
     * While the database is down: readiness is 503, and a read and a submission are 503 problem+json with
     * Retry-After. All at once, as each may wait for the pool's connection timeout.
     */
    private void probeOutage(Learner learner) throws InterruptedException {
        var probes = new ArrayList<java.util.concurrent.Callable<Void>>();
        for (var service : services) {
            probes.add(() -> {
                expectUnavailable(service, "GET /health/ready", get(service, "/health/ready", null), false);
                return null;
            });
            probes.add(() -> {
                expectUnavailable(service, "GET /v1/tracks", get(service, "/v1/tracks", null), true);
                return null;
            });
            probes.add(() -> {
                expectUnavailable(service, "POST submission", submit(service, learner, PROBLEMS.get(0), "outage-probe",
                        "probe-" + UUID.randomUUID()), true);
                return null;
            });
        }
        var pool = Executors.newFixedThreadPool(probes.size());
        try {
            pool.invokeAll(probes);
        } finally {
            pool.shutdownNow();
        }
    }

    private void expectUnavailable(Service service, String what, Optional<Outcome> outcome, boolean problem) {
        if (outcome.isEmpty()) {
            outageProblems.add(service.name() + " " + what + " during the outage: no answer");
            return;
        }
        var o = outcome.get();
        if (o.status() != 503 || o.retryAfter().isEmpty()
                || problem && (!o.contentType().startsWith("application/problem+json") || o.body() == null
                        || o.body().path("status").asInt() != 503)) {
            outageProblems.add(service.name() + " " + what + " during the outage: " + o.status() + " " + o.contentType() + " Retry-After "
                    + o.retryAfter().orElse("absent") + " " + o.body());
        }
    }

    private List<Learner> register() throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        var learners = new ArrayList<Learner>();
        for (int i = 0; i < options.learners(); i++) {
            var service = services.get(i % 2);
            String username = "fault" + run + "n" + i;
            String password = "fault-run-" + UUID.randomUUID();
            var created = send(service, "POST", "/v1/accounts", null,
                    JSON.writeValueAsString(Map.of("username", username, "email", username + "@example.org", "password", password)), null);
            var signedIn = send(service, "POST", "/v1/sessions", null,
                    JSON.writeValueAsString(Map.of("login", username, "password", password)), null);
            if (created.status() != 201 || signedIn.status() != 201) {
                throw new IllegalStateException("cannot create learner " + username + ": " + created.status() + " " + created.body() + " / "
                        + signedIn.status() + " " + signedIn.body());
            }
            learners.add(new Learner(username, created.body().get("id").asText(), signedIn.body().get("token").asText()));
        }
        return learners;
    }

    /** One client: correct, wrong, repeated and retried submissions until the end, alternating between the instances. */
    private void client(int client, Learner learner) {
        var random = new Random(options.seed() * 1_000 + client);
        var lastAnswer = new ConcurrentHashMap<String, String>();
        int n = 0;
        while ((!faultsDone || System.nanoTime() < clientsEnd) && !Thread.currentThread().isInterrupted()) {
            String problem = PROBLEMS.get(random.nextInt(PROBLEMS.size()));
            int roll = random.nextInt(100);
            String answer;
            if (roll < 40) {
                answer = ANSWERS.get(problem);
            } else if (roll < 70) {
                answer = "wrong-" + random.nextInt(5);
            } else {
                // the same answer again, under a new key: a second submission, graded and counted on its own
                answer = lastAnswer.getOrDefault(problem, ANSWERS.get(problem));
            }
            lastAnswer.put(problem, answer);
            String key = "c" + client + "-" + n++;
            int instance = random.nextInt(2);
            var ack = submitUntilAnswered(learner, problem, answer, key, instance);
            if (ack.isPresent() && roll >= 85) {
                // retried: the same key and body again, on the other instance — it must replay the same submission
                submitUntilAnswered(learner, problem, answer, key, 1 - instance);
            }
        }
    }

    /**
     * Sends one submission until it is answered: after a connection error on the other instance, after a 503
     * when Retry-After says. Gives up (unacknowledged, which is allowed) 30 s after the clients' end.
     */
    private Optional<Ack> submitUntilAnswered(Learner learner, String problem, String answer, String key, int instance) {
        int target = instance;
        while ((!faultsDone || System.nanoTime() < clientsEnd + Duration.ofSeconds(30).toNanos()) && !Thread.currentThread().isInterrupted()) {
            var service = services.get(target);
            long sent = System.nanoTime();
            var outcome = submit(service, learner, problem, answer, key);
            if (outcome.isEmpty()) {
                target = 1 - target;
                pause(Duration.ofMillis(200));
                continue;
            }
            var o = outcome.get();
            if (o.status() == 201) {
                var ack = new Ack(learner, key, o.body().get("id").asText(), o.body().get("pointsAwarded").asInt(),
                        o.body().get("verdict").asText(), problem);
                var ids = submissionsByKey.computeIfAbsent(learner.id() + "/" + key, k -> ConcurrentHashMap.newKeySet());
                if (!ids.add(ack.submission()) || ids.size() > 1) {
                    replays.incrementAndGet();
                } else {
                    acks.add(ack);
                }
                return Optional.of(ack);
            }
            if (o.status() == 503) {
                checkUnavailable(service, o, sent);
                pause(Duration.ofSeconds(o.retryAfter().map(FaultRun::seconds).orElse(1L)));
                continue;
            }
            if (o.status() >= 500) {
                unexpected.add(service.name() + " answered " + o.status() + " to a submission: " + o.body());
            } else {
                unexpected.add(service.name() + " answered " + o.status() + " to key " + key + ": " + o.body());
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * A 503 is the promised answer while the database is down (and until the pools have replaced the
     * connections it broke); outside that it is still an honest answer when the pool had no connection
     * within its timeout (an overloaded machine), and is counted apart. Without problem+json and
     * Retry-After it is a failure.
     */
    private void checkUnavailable(Service service, Outcome o, long sent) {
        long until = outageUntil == Long.MIN_VALUE ? Long.MAX_VALUE : outageUntil + AFTER_OUTAGE.toNanos();
        boolean inOutage = System.nanoTime() >= outageFrom && sent <= until;
        boolean wellFormed = o.retryAfter().isPresent() && o.contentType().startsWith("application/problem+json") && o.body() != null
                && o.body().path("status").asInt() == 503 && o.body().path("type").asText().equals("/problems/unavailable");
        if (!wellFormed) {
            unexpected.add(service.name() + " answered 503 without problem+json and Retry-After: " + o.retryAfter().orElse("absent") + " "
                    + o.contentType() + " " + o.body());
        } else if (inOutage) {
            expected503.incrementAndGet();
        } else {
            busy503.incrementAndGet();
        }
    }

    private Report verify(List<Learner> learners) throws SQLException, InterruptedException, ExecutionException {
        var details = new ArrayList<String>();
        long lost = 0;
        var pool = Executors.newFixedThreadPool(8);
        try {
            var checks = new ArrayList<Future<Optional<String>>>();
            for (var ack : acks) {
                checks.add(pool.submit(() -> stored(ack)));
            }
            for (var check : checks) {
                var problem = check.get();
                if (problem.isPresent()) {
                    lost++;
                    if (details.size() < 20) {
                        details.add(problem.get());
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        long doubled = 0;
        for (var entry : submissionsByKey.entrySet()) {
            if (entry.getValue().size() > 1) {
                doubled += entry.getValue().size() - 1;
                details.add("key " + entry.getKey() + " answered " + entry.getValue().size() + " submissions: " + entry.getValue());
            }
        }
        // every submission the run made carried a key; one without its key row was made twice by a retry
        var ids = learners.stream().map(l -> UUID.fromString(l.id())).toArray(UUID[]::new);
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("""
                        select count(*) from submissions s where s.user_id = any(?)
                        and not exists (select 1 from idempotency_keys k where k.user_id = s.user_id and k.submission_id = s.id)""")) {
            s.setArray(1, c.createArrayOf("uuid", ids));
            try (var rs = s.executeQuery()) {
                rs.next();
                long keyless = rs.getLong(1);
                if (keyless > 0) {
                    doubled += keyless;
                    details.add(keyless + " submission(s) of the run's learners have no Idempotency-Key row");
                }
            }
        }
        var violations = Invariants.over(dataSource).check().stream().map(Object::toString).toList();
        var byStatus = new java.util.TreeMap<Integer, Long>();
        statuses.forEach((status, count) -> byStatus.put(status, count.get()));
        long unexpected5xx = unexpected.stream().filter(u -> u.contains(" answered 5")).count();
        unexpected.stream().limit(20).forEach(details::add);
        return new Report(requests.get(), byStatus, connectionErrors.get(), List.copyOf(faults), acks.size(), replays.get(), lost, doubled,
                expected503.get(), busy503.get(), unexpected5xx, List.copyOf(outageProblems), violations, details);
    }

    /** The acknowledged submission, read back: it must exist with the acknowledged result. */
    private Optional<String> stored(Ack ack) {
        var outcome = get(services.get(0), "/v1/submissions/" + ack.submission(), ack.learner().token());
        if (outcome.isEmpty() || outcome.get().status() != 200) {
            return Optional.of("acknowledged submission " + ack.submission() + " (key " + ack.key() + ") reads as "
                    + outcome.map(o -> o.status() + " " + o.body()).orElse("no answer"));
        }
        var body = outcome.get().body();
        if (body.get("pointsAwarded").asInt() != ack.pointsAwarded() || !body.get("verdict").asText().equals(ack.verdict())
                || !body.get("problem").asText().equals(ack.problem())) {
            return Optional.of("acknowledged submission " + ack.submission() + " was " + ack.verdict() + " +" + ack.pointsAwarded()
                    + ", stored " + body.get("verdict") + " +" + body.get("pointsAwarded"));
        }
        return Optional.empty();
    }

    private Optional<Outcome> submit(Service service, Learner learner, String problem, String answer, String key) {
        return attempt(() -> send(service, "POST", "/v1/problems/" + problem + "/submissions", learner.token(),
                JSON.writeValueAsString(Map.of("answer", answer)), key));
    }

    private Optional<Outcome> get(Service service, String path, String token) {
        return attempt(() -> send(service, "GET", path, token, null, null));
    }

    private interface Request {
        Outcome send() throws IOException, InterruptedException;
    }

    /** A request's outcome, or none when the connection failed (counted) or the run is being stopped. */
    private Optional<Outcome> attempt(Request request) {
        try {
            return Optional.of(request.send());
        } catch (IOException e) {
            connectionErrors.incrementAndGet();
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Outcome send(Service service, String method, String path, String token, String body, String key)
            throws IOException, InterruptedException {
        // long enough for a 503 during the outage: authentication and the transaction may each wait out the pool's 5 s
        var request = HttpRequest.newBuilder(service.base().resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        requests.incrementAndGet();
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
        JsonNode json = null;
        try {
            json = response.body().isEmpty() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            // not JSON: kept as null; the checks that need a body report it
        }
        return new Outcome(response.statusCode(), json, response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Retry-After"));
    }

    private static void awaitReady(Service service, Duration within) {
        ServiceProcess.awaitReady(service.name(), service.base(), service::alive, () -> "exited while starting (see its log)", within);
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.max(0, Math.min(10, Long.parseLong(retryAfter.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            pause(Duration.ofNanos(left));
        }
    }

    /** The run's own pacing (a schedule of faults, a client honouring Retry-After), not a wait for a result. */
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void say(String line) {
        synchronized (out) {
            out.println("fault-run: " + line);
            out.flush();
        }
    }
}
