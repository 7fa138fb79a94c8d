package org.praxis.bootstrap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The bench's own PostgreSQL (the embedded binaries), with pg_stat_statements loaded, synchronous commit on
 * (the embedded default is off; a service runs with it on), and its log written to a file so that the
 * statements of one submission can be captured with their parameters.
 */
final class BenchDatabase implements AutoCloseable {
    static final String USER = "postgres";
    static final String NAME = "postgres";

    private final EmbeddedPostgres postgres;
    private final HikariDataSource pool;
    private final Path log;

    private BenchDatabase(EmbeddedPostgres postgres, HikariDataSource pool, Path log) {
        this.postgres = postgres;
        this.pool = pool;
        this.log = log;
    }

    static BenchDatabase start(Path folder) throws IOException {
        Path data = folder.resolve("pgdata");
        Path logs = folder.resolve("pglog").toAbsolutePath();
        Files.createDirectories(data);
        Files.createDirectories(logs);
        var postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "all")
                // planning is CPU too: a statement planned at every execution shows it (see topStatements)
                .setServerConfig("pg_stat_statements.track_planning", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", logs.toString())
                .setServerConfig("log_filename", "postgresql.log")
                // no spaces: the embedded launcher passes settings through one shell string (pg_ctl -o)
                .setServerConfig("log_line_prefix", "%n:%p:")
                // every autovacuum and autoanalyze in the log, to tell background maintenance in a phase apart
                .setServerConfig("log_autovacuum_min_duration", "0")
                .start();
        var config = new HikariConfig();
        config.setPoolName("bench");
        config.setJdbcUrl(postgres.getJdbcUrl(USER, NAME));
        config.setUsername(USER);
        config.setMaximumPoolSize(4);
        var pool = new HikariDataSource(config);
        var database = new BenchDatabase(postgres, pool, logs.resolve("postgresql.log"));
        database.execute("create extension if not exists pg_stat_statements");
        return database;
    }

    DataSource dataSource() {
        return pool;
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + NAME;
    }

    Path log() {
        return log;
    }

    void execute(String sql) {
        try (Connection c = pool.getConnection(); var statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    String text(String sql) {
        try (Connection c = pool.getConnection(); var statement = c.createStatement(); var rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    long number(String sql) {
        return Long.parseLong(text(sql));
    }

    @Override
    public void close() throws IOException {
        pool.close();
        postgres.close();
    }
}
