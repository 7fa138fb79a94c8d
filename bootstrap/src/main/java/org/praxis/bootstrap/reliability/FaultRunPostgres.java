package org.praxis.bootstrap.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * The PostgreSQL a fault run stops and starts: either one it starts itself from the embedded binaries
 * (its own data folder and port), or the server in DATABASE_URL when the operator names its data folder
 * and {@code pg_ctl}. Stopping is {@code pg_ctl stop -m immediate} — a crash, no checkpoint — and
 * starting is {@code pg_ctl start} on the same folder and port, so the server recovers from its WAL.
 */
final class FaultRunPostgres implements FaultRun.DatabaseServer, AutoCloseable {
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final EmbeddedPostgres embedded;
    private final Path pgCtl;
    private final Path dataDir;
    private final String serverOptions;
    private final Path log;
    private final String jdbcUrl;
    private final String cannotStop;

    private FaultRunPostgres(EmbeddedPostgres embedded, Path pgCtl, Path dataDir, String serverOptions, Path log, String jdbcUrl,
            String cannotStop) {
        this.embedded = embedded;
        this.pgCtl = pgCtl;
        this.dataDir = dataDir;
        this.serverOptions = serverOptions;
        this.log = log;
        this.jdbcUrl = jdbcUrl;
        this.cannotStop = cannotStop;
    }

    /**
     * Starts an embedded PostgreSQL in {@code folder}/pgdata with synchronous commits: a commit the
     * service acknowledged must survive the crash (the embedded default turns them off).
     */
    static FaultRunPostgres embedded(Path folder) throws IOException {
        Path data = folder.resolve("pgdata").toAbsolutePath();
        Files.createDirectories(data);
        var postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on").start();
        // postmaster.opts is the command line the server runs with: its binary (pg_ctl sits beside it) and options
        var opts = tokens(Files.readString(data.resolve("postmaster.opts"), StandardCharsets.UTF_8).strip());
        Path postgresBinary = Path.of(opts.get(0));
        var options = new ArrayList<String>();
        for (int i = 1; i < opts.size(); i++) {
            if (opts.get(i).equals("-D")) {
                i++; // pg_ctl passes the data folder itself
            } else {
                options.add(opts.get(i));
            }
        }
        return new FaultRunPostgres(postgres, postgresBinary.resolveSibling("pg_ctl"), data,
                String.join(" ", options.stream().map(o -> "\"" + o + "\"").toList()), folder.toAbsolutePath().resolve("postgres.log"),
                postgres.getJdbcUrl("postgres", "postgres"), null);
    }

    /** The server in DATABASE_URL; it can be stopped only when its data folder (and pg_ctl) are given. */
    static FaultRunPostgres external(String jdbcUrl, Optional<Path> pgCtl, Optional<Path> pgData, Path log) {
        return new FaultRunPostgres(null, pgCtl.orElse(Path.of("pg_ctl")), pgData.map(Path::toAbsolutePath).orElse(null), "", log, jdbcUrl,
                pgData.isEmpty() ? "DATABASE_URL is set and --pgdata is not, so the fault run cannot stop that PostgreSQL" : null);
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    String describe() {
        return embedded != null ? "embedded PostgreSQL on port " + embedded.getPort() + " in " + dataDir : jdbcUrl;
    }

    @Override
    public Optional<String> cannotStop() {
        return Optional.ofNullable(cannotStop);
    }

    @Override
    public void stopImmediately() {
        pgCtl(List.of("-D", dataDir.toString(), "-w", "stop", "-m", "immediate"));
    }

    @Override
    public void start() {
        var command = new ArrayList<>(List.of("-D", dataDir.toString(), "-w", "-t", "60", "-l", log.toString()));
        if (!serverOptions.isEmpty()) {
            command.addAll(List.of("-o", serverOptions));
        }
        command.add("start");
        pgCtl(command);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    private void pgCtl(List<String> arguments) {
        var command = new ArrayList<String>();
        if (embedded != null && LinuxUtils.isUnshareAvailable()) {
            // as the embedded server itself is run: PostgreSQL refuses to run as root, a user namespace makes it not root
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(pgCtl.toString());
        command.addAll(arguments);
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 90 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + " (see " + log + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + pgCtl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running pg_ctl", e);
        }
    }

    private static List<String> tokens(String commandLine) {
        var tokens = new ArrayList<String>();
        int first = commandLine.indexOf(' ');
        tokens.add(first < 0 ? commandLine : commandLine.substring(0, first));
        Matcher m = QUOTED.matcher(first < 0 ? "" : commandLine.substring(first));
        while (m.find()) {
            tokens.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return tokens;
    }
}
