package org.praxis.persistence.grading;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.praxis.persistence.common.DatabaseUrl;

/**
 * Where and how learner SQL runs (docs/sql-grader.md). {@code admin} points at the sandbox database
 * with credentials that may create it and the sandbox role (superuser, or CREATEROLE and CREATEDB);
 * they are used at start-up only, never to run learner SQL. The role logs in with {@code password}
 * when given (needed when several instances share the sandbox), else with one generated at start-up
 * and kept in memory.
 */
public record SandboxSettings(DatabaseUrl admin, String role, Optional<String> password, int poolSize, int maxRows,
                              String tempFileLimit, String workMem) {
    public static final String DEFAULT_DATABASE = "praxis_sandbox";
    public static final String DEFAULT_ROLE = "praxis_sandbox";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern SIZE = Pattern.compile("[0-9]{1,9}(kB|MB|GB)");
    private static final java.util.Set<String> CREDENTIALS = java.util.Set.of("user", "password", "sslpassword", "sslkey",
            "sslcert", "jaasapplicationname", "kerberosservername", "gssencmode", "options");
    private static final Pattern JDBC = Pattern.compile("(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?");

    public SandboxSettings {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(password, "password");
        if (!IDENTIFIER.matcher(role).matches()) {
            throw new IllegalArgumentException("the sandbox role must be a lower-case SQL identifier, was '" + role + "'");
        }
        if (!IDENTIFIER.matcher(database(admin.jdbcUrl())).matches()) {
            throw new IllegalArgumentException("the sandbox database must be a lower-case SQL identifier, was '" + database(admin.jdbcUrl()) + "'");
        }
        if (poolSize <= 0 || maxRows <= 0) {
            throw new IllegalArgumentException("the pool size and the row limit must be positive");
        }
        if (!SIZE.matcher(tempFileLimit).matches() || !SIZE.matcher(workMem).matches()) {
            throw new IllegalArgumentException("sizes are written like 64MB, was " + tempFileLimit + " / " + workMem);
        }
    }

    /** The default: database {@value #DEFAULT_DATABASE} on the application's server, reached with its credentials. */
    public static SandboxSettings sameServer(DatabaseUrl application) {
        return onServer(new DatabaseUrl(withDatabase(application.jdbcUrl(), DEFAULT_DATABASE), application.user(), application.password()));
    }

    /** The sandbox database of {@code admin}'s URL, default role and limits. */
    public static SandboxSettings onServer(DatabaseUrl admin) {
        return new SandboxSettings(admin, DEFAULT_ROLE, Optional.empty(), 4, 1_000, "64MB", "4MB");
    }

    public SandboxSettings withPassword(Optional<String> password) {
        return new SandboxSettings(admin, role, password, poolSize, maxRows, tempFileLimit, workMem);
    }

    /**
     * The sandbox database's URL without credentials: the driver lets a {@code user} in the URL win over
     * the one the pool passes, which would log the sandbox in as the admin.
     */
    public String sandboxJdbcUrl() {
        Matcher m = JDBC.matcher(admin.jdbcUrl());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host/database URL: " + admin.redacted());
        }
        if (m.group(3) == null) {
            return admin.jdbcUrl();
        }
        var kept = new java.util.ArrayList<String>();
        for (String parameter : m.group(3).substring(1).split("&")) {
            String key = parameter.split("=", 2)[0].toLowerCase(java.util.Locale.ROOT);
            if (!parameter.isEmpty() && !CREDENTIALS.contains(key)) {
                kept.add(parameter);
            }
        }
        return m.group(1) + m.group(2) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    public String database() {
        return database(admin.jdbcUrl());
    }

    static String database(String jdbcUrl) {
        Matcher m = JDBC.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host/database URL: " + jdbcUrl);
        }
        return m.group(2);
    }

    static String withDatabase(String jdbcUrl, String database) {
        Matcher m = JDBC.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host/database URL: " + jdbcUrl);
        }
        return m.group(1) + database + (m.group(3) == null ? "" : m.group(3));
    }
}
