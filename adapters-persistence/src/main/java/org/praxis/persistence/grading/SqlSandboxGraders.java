package org.praxis.persistence.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.praxis.application.grading.port.out.ExternalGraders;
import org.praxis.application.grading.port.out.GraderIdentity;
import org.praxis.application.grading.port.out.ReferenceSolutions;
import org.praxis.domain.grading.GraderSettings;
import org.praxis.domain.grading.GraderSettings.SqlDataSet;
import org.praxis.domain.grading.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL sandbox as the application's external grader for {@code sql} problems, and as the checker of
 * their reference queries at content sync. The sandbox is started on the first SQL submission or check,
 * so a service that never sees SQL never provisions it.
 */
public final class SqlSandboxGraders implements ExternalGraders, ReferenceSolutions, AutoCloseable {
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

    /** Every data set, the sample first; a problem whose tables do not load is reported once. */
    @Override
    public List<Failure> check(GraderSettings grader) {
        if (!(grader instanceof GraderSettings.SqlResult sql)) {
            return List.of();
        }
        SqlSandbox started;
        try {
            started = sandbox();
        } catch (RuntimeException e) {
            LOG.error("the SQL sandbox cannot start: {}", e.getMessage());
            return List.of(new Failure("", false, Part.CHECKER, "the SQL sandbox cannot start, so the reference query cannot be checked"));
        }
        var failures = new ArrayList<Failure>();
        for (SqlDataSet dataSet : sql.dataSets()) {
            Optional<Failure> failure = started.checkReference(sql, dataSet);
            if (failure.isPresent()) {
                failures.add(failure.get());
                if (failure.get().part() == Part.SCHEMA || failure.get().part() == Part.CHECKER) {
                    break;
                }
            }
        }
        return failures;
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
