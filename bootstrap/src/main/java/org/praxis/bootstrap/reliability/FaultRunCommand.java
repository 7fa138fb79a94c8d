package org.praxis.bootstrap.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.praxis.bootstrap.DemoContent;
import org.praxis.bootstrap.Logging;
import org.praxis.bootstrap.tools.DurationConverter;
import org.praxis.persistence.common.DatabaseUrl;
import org.praxis.persistence.common.Migrations;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code praxis fault-run}: two {@code praxis serve} processes on one PostgreSQL, concurrent clients, a
 * SIGKILL and a database crash in the middle, and a check that nothing acknowledged was lost or counted
 * twice (docs/reliability.md). Exits 1 when anything was.
 */
@Command(name = "fault-run", mixinStandardHelpOptions = true,
        description = "Run two service instances on one PostgreSQL under concurrent submissions while killing an instance (SIGKILL) "
                + "and crashing PostgreSQL (pg_ctl stop -m immediate); then check that no acknowledged submission was lost or "
                + "double-counted and that every invariant holds. Exit 1 if not.")
public final class FaultRunCommand implements Callable<Integer> {
    @Option(names = "--clients", defaultValue = "32", description = "Concurrent clients (two per learner). Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--duration", defaultValue = "90s", converter = DurationConverter.class,
            description = "How long the clients submit (e.g. 90s, 2m; at least 8s). Default: ${DEFAULT-VALUE}.")
    Duration duration;

    @Option(names = "--outage", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long PostgreSQL stays stopped, from the middle of the run (0s: not stopped). Default: ${DEFAULT-VALUE}.")
    Duration outage;

    @Option(names = "--kill", defaultValue = "true", arity = "1",
            description = "Kill one instance with SIGKILL a quarter into the run and start it again. Default: ${DEFAULT-VALUE}.")
    boolean kill;

    @Option(names = "--seed", defaultValue = "9", description = "Seed of the clients' choices. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--work-dir", description = "Folder for the PostgreSQL data and the instances' logs. Default: a new temporary "
            + "folder, removed after a run that passed.")
    Path workDir;

    @Option(names = "--database-url", defaultValue = "${env:DATABASE_URL}",
            description = "Use this PostgreSQL (a scratch database: the run syncs the demo content and creates learners) instead of "
                    + "starting one. Env: DATABASE_URL.")
    String databaseUrl;

    @Option(names = "--database-user", defaultValue = "${env:DATABASE_USER}", description = "Env: DATABASE_USER.")
    String databaseUser;

    @Option(names = "--database-password", defaultValue = "${env:DATABASE_PASSWORD}", description = "Env: DATABASE_PASSWORD.")
    String databasePassword;

    @Option(names = "--pgdata", description = "With --database-url: that server's data folder, so the run can stop and start it.")
    Path pgData;

    @Option(names = "--pg-ctl", description = "With --pgdata: the pg_ctl to use. Default: pg_ctl on the PATH.")
    Path pgCtl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Logging.level("WARN");
        var out = spec.commandLine().getOut();
        var options = new FaultRun.Options(clients, duration, outage, kill, seed);
        boolean temporary = workDir == null;
        Path work = temporary ? Files.createTempDirectory("praxis-fault-run") : Files.createDirectories(workDir);
        boolean external = databaseUrl != null && !databaseUrl.isBlank();
        FaultRun.Report report;
        try (var postgres = external
                ? FaultRunPostgres.external(DatabaseUrl.parse(databaseUrl, databaseUser, databasePassword).jdbcUrl(), Optional.ofNullable(pgCtl),
                        Optional.ofNullable(pgData), work.resolve("postgres.log"))
                : FaultRunPostgres.embedded(work)) {
            var url = external ? DatabaseUrl.parse(databaseUrl, databaseUser, databasePassword)
                    : new DatabaseUrl(postgres.jdbcUrl(), "postgres", "");
            out.println("fault-run: database " + (external ? url.redacted() : postgres.describe()) + "; work folder " + work);
            out.flush();
            try (var pool = pool(url)) {
                Migrations.migrate(pool);
                DemoContent.load(pool);
                var environment = new HashMap<String, String>();
                environment.put("DATABASE_URL", external ? databaseUrl : url.jdbcUrl());
                environment.put("DATABASE_USER", url.user());
                environment.put("DATABASE_PASSWORD", url.password() == null ? "" : url.password());
                environment.put("PRAXIS_DEMO", "false");
                var services = List.<FaultRun.Service>of(new ChildInstance("instance-a", environment, work.resolve("instance-a.log")),
                        new ChildInstance("instance-b", environment, work.resolve("instance-b.log")));
                report = new FaultRun(pool, services, postgres, options, out).run();
            }
        }
        report.print(out);
        if (temporary && report.passed()) {
            delete(work);
        } else {
            out.println("fault-run: logs and data kept in " + work);
        }
        out.flush();
        return report.passed() ? 0 : 1;
    }

    static HikariDataSource pool(DatabaseUrl url) {
        var config = new HikariConfig();
        config.setPoolName("fault-run");
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user());
        config.setPassword(url.password());
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
