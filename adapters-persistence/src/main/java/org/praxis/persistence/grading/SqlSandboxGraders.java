package org.praxis.persistence.grading;

import java.util.Optional;
import java.util.function.Supplier;

import org.praxis.application.grading.port.out.ExternalGraders;
import org.praxis.application.grading.port.out.GraderIdentity;
import org.praxis.domain.grading.GraderSettings;
import org.praxis.domain.grading.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL sandbox as the application's external grader for {@code sql} problems. The sandbox is started
 * on the first SQL submission, so a service that never grades SQL never provisions it.
 */
public final class SqlSandboxGraders implements ExternalGraders, AutoCloseable {
    /** Bumped whenever grading behaviour changes (comparison rules, limits), so old verdicts can be told apart. */
    public static final GraderIdentity IDENTITY = new GraderIdentity(GraderSettings.SqlResult.TYPE, "postgres-sandbox-1");

    private static final Logger LOG = LoggerFactory.getLogger(SqlSandboxGraders.class);

    private final Supplier<SqlSandbox> start;
    private SqlSandbox sandbox;

    public SqlSandboxGraders(Supplier<SqlSandbox> start) {
        this.start = start;
    }

    public static SqlSandboxGraders of(SandboxSettings settings) {
        return new SqlSandboxGraders(() -> SqlSandbox.start(settings));
    }

    @Override
    public Optional<Found> find(GraderSettings.External settings) {
        if (!(settings instanceof GraderSettings.SqlResult sql)) {
            return Optional.empty();
        }
        SqlSandbox started;
        try {
            started = sandbox();
        } catch (RuntimeException e) {
            // not started: answer with an error verdict now, and try again at the next submission
            LOG.error("the SQL sandbox cannot start: {}", e.getMessage());
            return Optional.of(new Found(answer -> Verdict.error("SQL answers cannot be graded right now; the answer was not counted against you."),
                    IDENTITY));
        }
        return Optional.of(new Found(new SqlSandboxGrader(started, sql), IDENTITY));
    }

    private synchronized SqlSandbox sandbox() {
        if (sandbox == null) {
            sandbox = start.get();
        }
        return sandbox;
    }

    @Override
    public synchronized void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
