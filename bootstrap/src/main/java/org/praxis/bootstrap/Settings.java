package org.praxis.bootstrap;

import java.nio.file.Path;
import java.util.Optional;

import picocli.CommandLine.Option;

/**
 * The settings every command shares. Each flag defaults to its environment variable, so a container
 * is configured with variables and a developer with flags; docs/configuration.md lists them all.
 */
public final class Settings {
    @Option(names = "--database-url", defaultValue = "${env:DATABASE_URL}",
            description = "PostgreSQL to use (postgres://user:pass@host:port/db or jdbc:postgresql://...). "
                    + "Absent: an embedded PostgreSQL in the data folder. Env: DATABASE_URL.")
    String databaseUrl;

    @Option(names = "--database-user", defaultValue = "${env:DATABASE_USER}",
            description = "Database user, when not in the URL. Env: DATABASE_USER.")
    String databaseUser;

    @Option(names = "--database-password", defaultValue = "${env:DATABASE_PASSWORD}",
            description = "Database password, when not in the URL. Env: DATABASE_PASSWORD.")
    String databasePassword;

    @Option(names = "--port", defaultValue = "${env:PORT:-7070}",
            description = "HTTP port (0 picks a free one). Env: PORT. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--data-dir", defaultValue = "${env:PRAXIS_DATA_DIR:-.praxis}",
            description = "Folder for the embedded database (pgdata/ inside it). Env: PRAXIS_DATA_DIR. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--pool-size", defaultValue = "${env:PRAXIS_POOL_SIZE:-10}",
            description = "Maximum database connections. Env: PRAXIS_POOL_SIZE. Default: ${DEFAULT-VALUE}.")
    int poolSize;

    @Option(names = "--log-level", defaultValue = "${env:LOG_LEVEL:-INFO}",
            description = "Level of Praxis' own log lines (TRACE, DEBUG, INFO, WARN, ERROR). Env: LOG_LEVEL. Default: ${DEFAULT-VALUE}.")
    String logLevel;

    public Optional<String> databaseUrl() {
        return databaseUrl == null || databaseUrl.isBlank() ? Optional.empty() : Optional.of(databaseUrl);
    }

    public String databaseUser() {
        return databaseUser;
    }

    public String databasePassword() {
        return databasePassword;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int poolSize() {
        return poolSize;
    }

    public String logLevel() {
        return logLevel;
    }

    void check() {
        if (port < 0 || port > 65_535) {
            throw new StartupFailure("PORT must be between 0 and 65535, was " + port);
        }
        if (poolSize < 1 || poolSize > 1000) {
            throw new StartupFailure("PRAXIS_POOL_SIZE must be between 1 and 1000, was " + poolSize);
        }
    }
}
