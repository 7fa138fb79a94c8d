package org.praxis.bootstrap;

import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.praxis.application.grading.port.out.ExternalGraders;
import org.praxis.application.grading.port.out.ReferenceSolutions;
import org.praxis.persistence.common.DatabaseUrl;
import org.praxis.persistence.grading.SandboxSettings;
import org.praxis.persistence.grading.SqlSandboxGraders;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The SQL sandbox (docs/sql-grader.md): on the server in PRAXIS_SANDBOX_URL (with credentials that may
 * create its role and database), else database {@code praxis_sandbox} on the application's server,
 * provisioned with the application's credentials. It starts on the first SQL submission.
 */
final class SandboxWiring {
    static final String URL = "PRAXIS_SANDBOX_URL";
    static final String PASSWORD = "PRAXIS_SANDBOX_PASSWORD";

    private SandboxWiring() {
    }

    /** The external graders, or none when the sandbox has nowhere to run (an application pool that is not Hikari and no URL). */
    static Optional<SqlSandboxGraders> graders(DataSource application, Map<String, String> env) {
        Optional<String> password = Optional.ofNullable(env.get(PASSWORD)).filter(p -> !p.isBlank());
        String url = env.get(URL);
        SandboxSettings settings;
        if (url != null && !url.isBlank()) {
            try {
                settings = SandboxSettings.onServer(DatabaseUrl.parse(url, null, null));
            } catch (IllegalArgumentException e) {
                throw new StartupFailure(URL + ": " + e.getMessage().replace("DATABASE_URL", URL));
            }
        } else if (application instanceof HikariDataSource pool) {
            settings = SandboxSettings.sameServer(new DatabaseUrl(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword()));
        } else {
            LoggerFactory.getLogger(SandboxWiring.class).warn("no SQL sandbox: set {} to grade SQL problems", URL);
            return Optional.empty();
        }
        return Optional.of(SqlSandboxGraders.of(settings.withPassword(password)));
    }

    /** The reference checker content sync uses: the sandbox, or none (with the warning above) when there is no sandbox. */
    static ReferenceSolutions references(Optional<SqlSandboxGraders> graders) {
        return graders.<ReferenceSolutions>map(g -> g).orElse(ReferenceSolutions.none());
    }

    static ExternalGraders orNone(Optional<SqlSandboxGraders> graders) {
        return graders.<ExternalGraders>map(g -> g).orElse(ExternalGraders.none());
    }
}
