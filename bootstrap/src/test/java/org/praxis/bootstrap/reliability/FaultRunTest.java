package org.praxis.bootstrap.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.praxis.bootstrap.DemoContent;
import org.praxis.bootstrap.Metrics;
import org.praxis.bootstrap.Wiring;
import org.praxis.bootstrap.tools.ServiceProcess;
import org.praxis.http.HttpApi;
import org.praxis.persistence.common.DatabaseUrl;
import org.praxis.persistence.common.Migrations;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The fault run, short: 8 clients for 12 s on two instances, one instance killed and restarted, PostgreSQL
 * stopped immediately for 3 s. The instances run in this JVM (a child JVM takes 5–30 s to start on a
 * busy two-core machine, too long for the test command); {@code praxis fault-run} runs the same
 * {@link FaultRun} with real processes and SIGKILL. PostgreSQL is the run's own, stopped with pg_ctl.
 */
class FaultRunTest {

    @Test
    void nothingAcknowledgedIsLostOrDoubleCountedThroughAKillAndADatabaseCrash(@TempDir Path work) throws Exception {
        var text = new StringWriter();
        FaultRun.Report report;
        long began = System.nanoTime();
        try (var postgres = FaultRunPostgres.embedded(work);
                var pool = FaultRunCommand.pool(new DatabaseUrl(postgres.jdbcUrl(), "postgres", ""))) {
            Migrations.migrate(pool);
            DemoContent.load(pool);
            text.write("fault-run: database ready after " + (System.nanoTime() - began) / 1_000_000 + " ms\n");
            var services = List.<FaultRun.Service>of(new InProcess("instance-a", postgres.jdbcUrl()), new InProcess("instance-b", postgres.jdbcUrl()));
            report = new FaultRun(pool, services, postgres, new FaultRun.Options(8, Duration.ofSeconds(12), Duration.ofSeconds(3), true, 9),
                    new PrintWriter(text)).run();
            text.write("fault-run: run and check done after " + (System.nanoTime() - began) / 1_000_000 + " ms\n");
            report.print(new PrintWriter(text));
        }
        String output = text.toString();
        System.out.print(output);
        assertEquals(0, report.lost(), output);
        assertEquals(0, report.doubleCounted(), output);
        assertEquals(List.of(), report.violations(), output);
        assertEquals(0, report.unexpected5xx(), output);
        assertEquals(List.of(), report.outageProblems(), output);
        assertEquals(2, report.faults().size(), output);
        assertTrue(report.faults().get(1).startsWith("PostgreSQL stopped with pg_ctl stop -m immediate"), output);
        assertTrue(report.acknowledged() >= 20, output);
        assertTrue(report.passed(), output);
        assertTrue(output.endsWith("PASSED" + System.lineSeparator()), output);
    }

    /** A service in this JVM: killing it stops its HTTP server and closes its pool at once. */
    private static final class InProcess implements FaultRun.Service {
        private final String name;
        private final String jdbcUrl;
        private final int port;
        private HikariDataSource pool;
        private HttpApi http;
        private int starts;

        InProcess(String name, String jdbcUrl) {
            this.name = name;
            this.jdbcUrl = jdbcUrl;
            this.port = ServiceProcess.freePort();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public URI base() {
            return URI.create("http://127.0.0.1:" + port);
        }

        @Override
        public synchronized long pid() {
            return starts;
        }

        @Override
        public synchronized void start() {
            var config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setUsername("postgres");
            config.setMaximumPoolSize(6);
            config.setConnectionTimeout(2_000);
            config.setValidationTimeout(1_000);
            pool = new HikariDataSource(config);
            http = Wiring.httpApi(pool, Metrics.registry()).start(port);
            starts++;
        }

        @Override
        public synchronized String kill() {
            http.stop();
            pool.close();
            http = null;
            return "stopped in-process (HTTP server stopped, pool closed)";
        }

        @Override
        public synchronized boolean alive() {
            return http != null;
        }

        @Override
        public synchronized void stop() {
            if (http != null) {
                kill();
            }
        }
    }
}
