package org.praxis.persistence.grading;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates or repairs the sandbox role and database with the admin credentials, idempotently, so every
 * start-up (of any instance) leaves them in the same locked-down state: the role may log in to the
 * sandbox database and create short-lived schemas there, and nothing else.
 */
final class SandboxProvisioning {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxProvisioning.class);

    /**
     * Functions every role may call by default that would let one submission reach another's backend
     * (signal it, or read its query text, which may be a reference solution).
     */
    private static final List<String> REVOKED_FUNCTIONS = List.of(
            "pg_catalog.pg_terminate_backend(integer, bigint)", "pg_catalog.pg_cancel_backend(integer)",
            "pg_catalog.pg_stat_get_activity(integer)", "pg_catalog.pg_stat_get_backend_activity(integer)");

    private SandboxProvisioning() {
    }

    /** Provisions and returns the role's password (the configured one, or a fresh random one). */
    static String provision(SandboxSettings settings) {
        String password = settings.password().orElseGet(SandboxProvisioning::randomPassword);
        String role = settings.role();
        String database = settings.database();
        try {
            try (Connection admin = connect(settings, "postgres")) {
                admin.setAutoCommit(true);
                var s = admin.createStatement();
                if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                    createIgnoringDuplicate(admin, "CREATE ROLE " + role);
                }
                s.execute("ALTER ROLE " + role + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS"
                        + " CONNECTION LIMIT " + (settings.poolSize() + 2) + " PASSWORD '" + password.replace("'", "''") + "'");
                for (String granted : memberships(admin, role)) {
                    s.execute("REVOKE \"" + granted.replace("\"", "\"\"") + "\" FROM " + role);
                }
                // Role-level settings: the learner cannot raise temp_file_limit (superuser-only); the others
                // are defaults that every run tightens again with SET LOCAL and a client-side timeout.
                s.execute("ALTER ROLE " + role + " SET statement_timeout = '10s'");
                s.execute("ALTER ROLE " + role + " SET idle_in_transaction_session_timeout = '30s'");
                s.execute("ALTER ROLE " + role + " SET lock_timeout = '1s'");
                s.execute("ALTER ROLE " + role + " SET work_mem = '" + settings.workMem() + "'");
                try {
                    s.execute("ALTER ROLE " + role + " SET temp_file_limit = '" + settings.tempFileLimit() + "'");
                } catch (SQLException e) {
                    LOG.warn("cannot limit the sandbox's temporary files ({}): the admin user needs to be a superuser", e.getMessage());
                }
                if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                    createIgnoringDuplicate(admin, "CREATE DATABASE " + database);
                }
            }
            try (Connection admin = connect(settings, database)) {
                admin.setAutoCommit(true);
                var s = admin.createStatement();
                s.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
                s.execute("GRANT CONNECT, TEMPORARY, CREATE ON DATABASE " + database + " TO " + role);
                s.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
                s.execute("REVOKE ALL ON SCHEMA public FROM " + role);
                s.execute("REVOKE SELECT ON pg_catalog.pg_stat_activity FROM PUBLIC");
                for (String function : REVOKED_FUNCTIONS) {
                    s.execute("REVOKE EXECUTE ON FUNCTION " + function + " FROM PUBLIC");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot provision the SQL sandbox '" + database + "' on "
                    + settings.admin().redacted() + ": " + e.getMessage(), e);
        }
        LOG.info("SQL sandbox ready: database {} as role {}", database, role);
        return password;
    }

    private static Connection connect(SandboxSettings settings, String database) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", settings.admin().user());
        properties.setProperty("password", settings.admin().password());
        return DriverManager.getConnection(SandboxSettings.withDatabase(settings.admin().jdbcUrl(), database), properties);
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (var statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (var rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Two instances starting at once may both find the role or database missing; the second loses harmlessly. */
    private static void createIgnoringDuplicate(Connection connection, String ddl) throws SQLException {
        try {
            connection.createStatement().execute(ddl);
        } catch (SQLException e) {
            if (!"42710".equals(e.getSQLState()) && !"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static List<String> memberships(Connection connection, String role) throws SQLException {
        var roles = new ArrayList<String>();
        try (var statement = connection.prepareStatement(
                "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member"
                        + " WHERE r.rolname = ?")) {
            statement.setString(1, role);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    roles.add(rows.getString(1));
                }
            }
        }
        return roles;
    }

    private static String randomPassword() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
