package org.praxis.bootstrap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * pgbench running the SQL one submission issued, as captured from the server's log: every statement with
 * its bind values inlined, the captured learner's values (id, session token hash, user name) swapped for
 * those of a random bench learner of the client's own per transaction, and the values that must be new each time (the
 * submission id, the Idempotency-Key) generated. BEGIN travels with the next statement, as the JDBC driver
 * sends it; every other statement is one round trip. The pipelined script sends the whole transaction in
 * one round trip ({@code \startpipeline}, extended protocol): fewer than the service's three, so it is the
 * stricter baseline.
 */
final class Pgbench {
    static final Path EXECUTABLE = Path.of("/usr/bin/pgbench");
    static final String LEARNER_TABLE = "bench_pgbench_learners";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LITERAL_COLON = Pattern.compile("(?<!:):(?!bench_learner\\b|client_id\\b)(?=[A-Za-z_])");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    record Run(double tps, long failed, String output) {
    }

    private Pgbench() {
    }

    /** Why pgbench cannot run here, if it cannot. */
    static Optional<String> unavailable() {
        return Files.isExecutable(EXECUTABLE) ? Optional.empty() : Optional.of(EXECUTABLE + " is not installed");
    }

    /**
     * The script of one captured submission. {@code perLearner} maps a literal as it appears in the captured
     * SQL to the column of {@link #LEARNER_TABLE} it comes from; {@code fresh} maps literals to the SQL
     * expression generating a new value.
     */
    static String script(List<StatementLog.Statement> statements, int clients, int learnersPerClient, Map<String, String> perLearner,
            Map<String, String> fresh, boolean pipelined) {
        // each client its own learners, as each HTTP client thread has: learner rows are locked per submission
        var out = new StringBuilder("\\set bench_learner :client_id + 1 + " + clients + " * random(0, " + (learnersPerClient - 1) + ")\n");
        if (pipelined) {
            out.append("\\startpipeline\n");
        }
        boolean pendingBegin = false;
        for (var statement : statements) {
            String sql = statement.inlined().replaceAll("\\s+", " ").strip();
            if (sql.endsWith(";")) {
                sql = sql.substring(0, sql.length() - 1);
            }
            for (var e : perLearner.entrySet()) {
                sql = sql.replace(e.getKey(), "(select " + e.getValue() + " from " + LEARNER_TABLE + " where n = :bench_learner)");
            }
            for (var e : fresh.entrySet()) {
                sql = sql.replace(e.getKey(), e.getValue());
            }
            if (pipelined) {
                // the extended protocol takes every ":name" for a variable, inside literals too (JSON's
                // ":true", a feedback's "Expected: a"); a space after the colon keeps the value's meaning
                sql = LITERAL_COLON.matcher(sql).replaceAll(": ");
            }
            if (sql.equalsIgnoreCase("begin") && !pipelined) {
                pendingBegin = true;
                continue;
            }
            out.append(pendingBegin ? "BEGIN \\; " : "").append(sql).append(";\n");
            pendingBegin = false;
        }
        if (pipelined) {
            out.append("\\endpipeline\n");
        }
        return out.toString();
    }

    /**
     * pgbench with {@code scripts} (file to weight) for {@code seconds} at {@code clients} clients; the
     * extended protocol for pipelined scripts (pgbench pipelines only that), the simple one otherwise.
     */
    static Run run(BenchDatabase database, Map<Path, Integer> scripts, int clients, int seconds, boolean pipelined)
            throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(EXECUTABLE.toString(), "-n", "-c", Integer.toString(clients),
                "-j", Integer.toString(Math.min(2, clients)), "-T", Integer.toString(seconds), "-M", pipelined ? "extended" : "simple"));
        scripts.forEach((file, weight) -> {
            command.add("-f");
            command.add(file + "@" + weight);
        });
        command.addAll(List.of("-h", "localhost", "-p", Integer.toString(database.port()), "-U", BenchDatabase.USER, BenchDatabase.NAME));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        var tps = TPS.matcher(output);
        var failed = FAILED.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no tps: " + HttpLoad.abbreviate(output));
        }
        long aborted = output.lines().filter(l -> l.contains("aborted")).count();
        return new Run(Double.parseDouble(tps.group(1)), failed.find() ? Long.parseLong(failed.group(1)) + aborted : aborted, output);
    }
}
