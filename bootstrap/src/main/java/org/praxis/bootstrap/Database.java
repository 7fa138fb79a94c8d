package org.praxis.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import org.praxis.persistence.common.DatabaseUrl;
import org.praxis.persistence.common.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The connection pool, on the server in DATABASE_URL or on an embedded PostgreSQL whose files live in
 * the data folder (so rows survive a restart). Closing it closes the pool, then the embedded server.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final EmbeddedPostgres embedded;
    private final String location;

    private Database(HikariDataSource pool, EmbeddedPostgres embedded, String location) {
        this.pool = pool;
        this.embedded = embedded;
        this.location = location;
    }

    public static Database open(Settings settings, MeterRegistry registry) {
        return open(settings, registry, Map.of());
    }

    /**
     * As {@link #open(Settings, MeterRegistry)}, with server settings for the embedded server only (a
     * server in DATABASE_URL is the operator's to configure): they last as long as this process's server.
     */
    public static Database open(Settings settings, MeterRegistry registry, Map<String, String> embeddedServerSettings) {
        return open(settings, registry, embeddedServerSettings, true);
    }

    /**
     * {@code stopAtExit}: whether the embedded server stops by itself when the JVM begins to exit (its own
     * shutdown hook), which keeps a command stopped by Ctrl-C from leaving it running. A caller that stops
     * it from its own hook passes false: hooks run at once, and the server would otherwise stop under the
     * requests a graceful stop lets finish.
     */
    static Database open(Settings settings, MeterRegistry registry, Map<String, String> embeddedServerSettings,
            boolean stopAtExit) {
        EmbeddedPostgres embedded = null;
        DatabaseUrl url;
        String location;
        if (settings.databaseUrl().isPresent()) {
            try {
                url = DatabaseUrl.parse(settings.databaseUrl().get(), settings.databaseUser(), settings.databasePassword());
            } catch (IllegalArgumentException e) {
                throw new StartupFailure(e.getMessage());
            }
            location = url.redacted();
        } else {
            Path folder = settings.dataDir().resolve("pgdata").toAbsolutePath();
            embedded = startEmbedded(folder, embeddedServerSettings, stopAtExit);
            url = new DatabaseUrl(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
            location = "embedded PostgreSQL in " + folder;
        }
        try {
            return new Database(pool(url, settings.poolSize(), registry), embedded, location);
        } catch (HikariPool.PoolInitializationException e) {
            closeQuietly(embedded);
            throw new StartupFailure("cannot reach the database at " + location + ": " + rootMessage(e), e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public String location() {
        return location;
    }

    /** Applies pending migrations; a failure is reported with the migration that failed. */
    public int migrate() {
        try {
            int applied = Migrations.migrate(pool);
            LOG.info("database schema is current ({} migration(s) applied now)", applied);
            return applied;
        } catch (RuntimeException e) {
            throw new StartupFailure("migrating " + location + " failed: " + rootMessage(e), e);
        }
    }

    @Override
    public void close() {
        pool.close();
        closeQuietly(embedded);
    }

    private static EmbeddedPostgres startEmbedded(Path folder, Map<String, String> serverSettings, boolean stopAtExit) {
        try {
            Files.createDirectories(folder);
            LOG.info("starting the embedded PostgreSQL in {}", folder);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(folder)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(stopAtExit)
                    // the embedded default is off: a crash of the server would lose commits already acknowledged
                    .setServerConfig("synchronous_commit", "on");
            serverSettings.forEach(builder::setServerConfig);
            return builder.start();
        } catch (IOException | RuntimeException e) {
            throw new StartupFailure("cannot start the embedded PostgreSQL in " + folder + ": " + rootMessage(e)
                    + " (is another Praxis using this folder? set PRAXIS_DATA_DIR to another one)", e);
        }
    }

    private static HikariDataSource pool(DatabaseUrl url, int size, MeterRegistry registry) {
        var config = new HikariConfig();
        config.setPoolName("praxis");
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user());
        config.setPassword(url.password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(2, size));
        // fail fast at start-up, and let a request fail (503) rather than queue for half a minute
        config.setInitializationFailTimeout(5_000);
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        config.setMetricRegistry(registry);
        return new HikariDataSource(config);
    }

    private static void closeQuietly(EmbeddedPostgres embedded) {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warn("the embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (root instanceof SQLException sql && sql.getSQLState() != null) {
            message = message + " (SQLSTATE " + sql.getSQLState() + ")";
        }
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
