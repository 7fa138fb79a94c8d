package org.praxis.persistence.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.praxis.persistence.common.Migrations;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One PostgreSQL server per test JVM, one migrated template database, and a fresh database cloned
 * from the template for each test class ({@code CREATE DATABASE ... TEMPLATE ...} copies files, so a
 * clone takes milliseconds while migrating takes seconds).
 *
 * <p>The server is, in order of preference: the one in {@code DATABASE_URL} (a role that may create
 * databases), a Testcontainers PostgreSQL when a Docker engine answers, or an embedded PostgreSQL.
 */
public final class TestDatabase {
    private static final TestDatabase INSTANCE = new TestDatabase();

    private final Server server;
    private final String template;
    private final AtomicInteger clones = new AtomicInteger();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    private TestDatabase() {
        server = Server.start();
        template = "praxis_template_" + runId;
        try (var admin = server.connect("postgres")) {
            admin.createStatement().execute("CREATE DATABASE " + template);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the template database", e);
        }
        var templateSource = server.dataSource(template, 2);
        try {
            Migrations.migrate(templateSource);
        } finally {
            templateSource.close();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::dropAll, "praxis-test-db-cleanup"));
    }

    public static TestDatabase shared() {
        return INSTANCE;
    }

    /** A new, migrated, empty database that no other test class sees. Close it when done. */
    public HikariDataSource freshDatabase() {
        return newDatabase(" TEMPLATE " + template);
    }

    /** A new database without even the migrations, for a test of one migration on the rows of those before it. */
    public HikariDataSource emptyDatabase() {
        return newDatabase("");
    }

    private HikariDataSource newDatabase(String template) {
        String name = "praxis_test_" + runId + "_" + clones.incrementAndGet();
        try (var admin = server.connect("postgres")) {
            admin.createStatement().execute("CREATE DATABASE " + name + template);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + name, e);
        }
        return server.dataSource(name, 8);
    }

    /** The JDBC URL of a database on the test server (for tests that build their own pool or start the service). */
    public String jdbcUrl(String database) {
        return server.jdbcUrl(database);
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    private void dropAll() {
        // Only a shared external server keeps databases after the JVM; the others vanish with it.
        if (server instanceof Server.External) {
            try (var admin = server.connect("postgres")) {
                var names = admin.createStatement().executeQuery(
                        "SELECT datname FROM pg_database WHERE datname LIKE 'praxis\\_%\\_" + runId + "%'");
                var toDrop = new java.util.ArrayList<String>();
                while (names.next()) {
                    toDrop.add(names.getString(1));
                }
                for (String name : toDrop) {
                    admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            } catch (SQLException ignored) {
                // best effort: the databases carry the run id and can be dropped by hand
            }
        }
        server.stop();
    }

    /** Where the test databases live. */
    sealed interface Server {
        String jdbcUrl(String database);

        String user();

        String password();

        void stop();

        default Connection connect(String database) throws SQLException {
            var connection = DriverManager.getConnection(jdbcUrl(database), user(), password());
            connection.setAutoCommit(true);
            return connection;
        }

        default HikariDataSource dataSource(String database, int poolSize) {
            var config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl(database));
            config.setUsername(user());
            config.setPassword(password());
            config.setMaximumPoolSize(poolSize);
            config.setMinimumIdle(0);
            config.setPoolName("test-" + database);
            return new HikariDataSource(config);
        }

        static Server start() {
            String url = System.getenv("DATABASE_URL");
            if (url != null && !url.isBlank()) {
                return External.from(url);
            }
            if (Containers.dockerAnswers()) {
                return Containers.start();
            }
            return Embedded.start();
        }

        record Embedded(EmbeddedPostgres postgres) implements Server {
            static Embedded start() {
                try {
                    return new Embedded(EmbeddedPostgres.builder().start());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("cannot start the embedded PostgreSQL", e);
                }
            }

            @Override
            public String jdbcUrl(String database) {
                return postgres.getJdbcUrl("postgres", database);
            }

            @Override
            public String user() {
                return "postgres";
            }

            @Override
            public String password() {
                return "";
            }

            @Override
            public void stop() {
                try {
                    postgres.close();
                } catch (java.io.IOException ignored) {
                    // the JVM is ending
                }
            }
        }

        /** The server in {@code DATABASE_URL}; test databases are created beside the one it names. */
        record External(String base, String user, String password) implements Server {
            static External from(String url) {
                var parsed = org.praxis.persistence.common.DatabaseUrl.parse(url, System.getenv("DATABASE_USER"),
                        System.getenv("DATABASE_PASSWORD"));
                String jdbc = parsed.redacted();
                return new External(jdbc.substring(0, jdbc.lastIndexOf('/') + 1), parsed.user(), parsed.password());
            }

            @Override
            public String jdbcUrl(String database) {
                return base + database;
            }

            @Override
            public void stop() {
                // not ours to stop
            }
        }

        record Container(org.testcontainers.postgresql.PostgreSQLContainer container) implements Server {
            @Override
            public String jdbcUrl(String database) {
                return "jdbc:postgresql://" + container.getHost() + ":" + container.getFirstMappedPort() + "/" + database;
            }

            @Override
            public String user() {
                return container.getUsername();
            }

            @Override
            public String password() {
                return container.getPassword();
            }

            @Override
            public void stop() {
                container.stop();
            }
        }
    }

    /** Kept apart so that Testcontainers' classes load only when a Docker engine is asked for. */
    static final class Containers {
        private Containers() {
        }

        static boolean dockerAnswers() {
            if (!new java.io.File("/var/run/docker.sock").exists() && System.getenv("DOCKER_HOST") == null) {
                return false;
            }
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (Throwable e) {
                return false;
            }
        }

        static Server start() {
            var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new Server.Container(container);
        }
    }
}
