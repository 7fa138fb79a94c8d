package org.praxis.persistence.grading;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.praxis.application.grading.port.out.ReferenceSolutions.Failure;
import org.praxis.application.grading.port.out.ReferenceSolutions.Part;
import org.praxis.domain.grading.GraderSettings.SqlDataSet;
import org.praxis.domain.grading.GraderSettings.SqlResult;
import org.praxis.domain.grading.QueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Runs a problem's reference query and a learner's query on one data set, in the sandbox database, as
 * the sandbox role (docs/sql-grader.md). Each run is one transaction that is always rolled back: a
 * fresh schema, the problem's tables and the data set's rows, the reference query, then the learner's
 * one statement, each under the problem's time limit (server-side statement_timeout and a client-side
 * query timeout) and a cap on the rows read back.
 */
public final class SqlSandbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqlSandbox.class);
    /** Statements the server ran out of time or space for: query_canceled, configuration_limit_exceeded, disk_full, out_of_memory... */
    private static final List<String> LIMIT_STATES = List.of("57014", "53400", "53100", "53200", "54001");

    private final HikariDataSource pool;
    private final int maxRows;

    private SqlSandbox(HikariDataSource pool, int maxRows) {
        this.pool = pool;
        this.maxRows = maxRows;
    }

    /** Provisions the role and database, then opens the sandbox's own pool, logged in as the sandbox role. */
    public static SqlSandbox start(SandboxSettings settings) {
        String password = SandboxProvisioning.provision(settings);
        var config = new HikariConfig();
        config.setPoolName("praxis-sql-sandbox");
        config.setJdbcUrl(settings.sandboxJdbcUrl());
        config.setUsername(settings.role());
        config.setPassword(password);
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(5_000);
        config.setAutoCommit(false);
        // extended protocol only: the server then refuses more than one command per statement; no named
        // server-side statements, so DISCARD ALL after a run leaves the driver's view of the session true
        config.addDataSourceProperty("preferQueryMode", "extended");
        config.addDataSourceProperty("prepareThreshold", "0");
        config.addDataSourceProperty("ApplicationName", "praxis-sql-sandbox");
        var pool = new HikariDataSource(config);
        try {
            checkUnprivileged(pool, settings.role());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new SqlSandbox(pool, settings.maxRows());
    }

    /** Refuses to run learner SQL on a connection that is anything but the plain sandbox role. */
    private static void checkUnprivileged(HikariDataSource pool, String role) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT session_user, current_user, r.rolsuper, "
                     + "(SELECT count(*) FROM pg_auth_members m WHERE m.member = r.oid) FROM pg_roles r WHERE r.rolname = session_user")) {
            if (!row.next() || !role.equals(row.getString(1)) || !role.equals(row.getString(2)) || row.getBoolean(3) || row.getLong(4) != 0) {
                throw new IllegalStateException("the SQL sandbox must log in as the unprivileged role " + role + "; refusing to start");
            }
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot log in to the SQL sandbox as " + role + ": " + e.getMessage(), e);
        }
    }

    /** The outcome of one data set. */
    public sealed interface Run {
        record Compared(QueryResult expected, QueryResult actual, long runMillis) implements Run {
        }

        /** The learner's statement could not run to the end; {@code overLimit}: it hit the time or space limit. */
        record AnswerFailed(String message, boolean overLimit) implements Run {
        }

        /** The problem itself is broken (its schema, rows or reference query): not the learner's fault. */
        record ProblemFailed(String message) implements Run {
        }
    }

    public Run run(SqlResult problem, SqlDataSet dataSet, String answer) {
        Objects.requireNonNull(answer, "answer");
        Connection connection;
        try {
            connection = pool.getConnection();
        } catch (SQLException e) {
            LOG.warn("the SQL sandbox is unavailable: {}", e.getMessage());
            return new Run.ProblemFailed("the SQL sandbox is unavailable");
        }
        String schema = "run_" + UUID.randomUUID().toString().replace("-", "");
        try {
            return runIn(connection, schema, problem, dataSet, answer);
        } catch (SQLException e) {
            LOG.warn("a SQL sandbox run failed: {}", e.getMessage());
            return new Run.ProblemFailed("the SQL sandbox failed");
        } finally {
            reset(connection, schema);
        }
    }

    /**
     * A problem's reference query alone on one data set, as content sync checks it: empty when it runs
     * to a result within the limits, else what the author must fix.
     */
    public Optional<Failure> checkReference(SqlResult problem, SqlDataSet dataSet) {
        Connection connection;
        try {
            connection = pool.getConnection();
        } catch (SQLException e) {
            LOG.warn("the SQL sandbox is unavailable: {}", e.getMessage());
            return Optional.of(new Failure(dataSet.name(), dataSet.hidden(), Part.CHECKER, "the SQL sandbox is unavailable"));
        }
        String schema = "run_" + UUID.randomUUID().toString().replace("-", "");
        try {
            Reference reference = reference(connection, schema, problem, dataSet);
            if (reference instanceof Reference.Broken broken) {
                return Optional.of(new Failure(dataSet.name(), dataSet.hidden(), broken.part(), broken.detail()));
            }
            return Optional.empty();
        } catch (SQLException e) {
            LOG.warn("a SQL sandbox check failed: {}", e.getMessage());
            return Optional.of(new Failure(dataSet.name(), dataSet.hidden(), Part.CHECKER, "the SQL sandbox failed"));
        } finally {
            reset(connection, schema);
        }
    }

    /** The problem's side of a run: its tables, the data set's rows, and the reference query's result. */
    private sealed interface Reference {
        record Ready(QueryResult expected) implements Reference {
        }

        record Broken(Part part, String detail) implements Reference {
            String message() {
                return switch (part) {
                    case SCHEMA, ROWS -> "the problem's tables or rows did not load: " + detail;
                    default -> "the reference solution failed: " + detail;
                };
            }
        }
    }

    private Reference reference(Connection connection, String schema, SqlResult problem, SqlDataSet dataSet) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement setup = connection.createStatement()) {
            setup.execute("SET LOCAL statement_timeout = " + problem.timeLimitMillis());
            setup.execute("CREATE SCHEMA " + schema);
            setup.execute("SET LOCAL search_path = " + schema);
            try {
                setup.execute(problem.schema());
            } catch (SQLException e) {
                return new Reference.Broken(Part.SCHEMA, failure(e, problem));
            }
            if (!dataSet.rows().isBlank()) {
                try {
                    setup.execute(dataSet.rows());
                } catch (SQLException e) {
                    return new Reference.Broken(Part.ROWS, failure(e, problem));
                }
            }
        }
        QueryResult expected;
        try {
            expected = query(connection, problem.referenceSolution(), problem.timeLimitMillis());
        } catch (SQLException e) {
            return new Reference.Broken(Part.REFERENCE, failure(e, problem));
        }
        if (expected == null) {
            return new Reference.Broken(Part.REFERENCE, "it returned no result set; it must be a query (SELECT, WITH, VALUES or TABLE)");
        }
        if (expected.truncated()) {
            return new Reference.Broken(Part.REFERENCE, "it returned more than " + maxRows + " rows, more than an answer may");
        }
        return new Reference.Ready(expected);
    }

    /** The server's first line, with what it means when the statement hit a limit. */
    private static String failure(SQLException e, SqlResult problem) {
        String line = firstLine(e.getMessage());
        if (LIMIT_STATES.contains(e.getSQLState())) {
            return "it ran over the time limit of " + problem.timeLimitMillis() + " ms or the memory or disk limit (" + line + ")";
        }
        return line;
    }

    private Run runIn(Connection connection, String schema, SqlResult problem, SqlDataSet dataSet, String answer) throws SQLException {
        Reference reference = reference(connection, schema, problem, dataSet);
        if (reference instanceof Reference.Broken broken) {
            return new Run.ProblemFailed(broken.message());
        }
        QueryResult expected = ((Reference.Ready) reference).expected();
        // the reference ran first, so nothing the learner's statement does can change the expected result
        long started = System.nanoTime();
        try {
            QueryResult actual = query(connection, answer, problem.timeLimitMillis());
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (actual == null) {
                return new Run.AnswerFailed("The statement returned no rows to compare: submit a query (SELECT, WITH, VALUES or TABLE).", false);
            }
            return new Run.Compared(expected, actual, millis);
        } catch (SQLException e) {
            if (LIMIT_STATES.contains(e.getSQLState())) {
                return new Run.AnswerFailed("The query was stopped: it ran over the limit of " + problem.timeLimitMillis()
                        + " ms or used too much memory or disk.", true);
            }
            return new Run.AnswerFailed("The query failed: " + firstLine(e.getMessage()), false);
        }
    }

    /** Runs one statement and reads its result, or returns null when it has none. */
    private QueryResult query(Connection connection, String sql, int timeLimitMillis) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // the server's statement_timeout is set per run; this is the backstop a query cannot switch off
            statement.setQueryTimeout(Math.max(1, (timeLimitMillis + 999) / 1000 + 1));
            statement.setMaxRows(maxRows + 1);
            statement.setFetchSize(Math.min(maxRows + 1, 500));
            if (!statement.execute(sql)) {
                return null;
            }
            try (ResultSet rows = statement.getResultSet()) {
                return read(rows);
            }
        }
    }

    private QueryResult read(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        var columns = new ArrayList<String>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        var values = new ArrayList<List<Object>>();
        boolean truncated = false;
        while (rows.next()) {
            if (values.size() == maxRows) {
                truncated = true;
                break;
            }
            var row = new ArrayList<Object>();
            for (int i = 1; i <= columns.size(); i++) {
                row.add(value(rows, meta, i));
            }
            values.add(row);
        }
        return new QueryResult(columns, values, truncated);
    }

    /** Type-aware plain values: every number a BigDecimal, time stamps with a zone as instants. */
    private static Object value(ResultSet rows, ResultSetMetaData meta, int i) throws SQLException {
        String text = rows.getString(i);
        if (text == null) {
            return null;
        }
        String type = meta.getColumnTypeName(i);
        try {
            switch (type) {
                case "int2", "int4", "int8", "numeric", "float4", "float8", "oid":
                    return new BigDecimal(text);
                case "bool":
                    return rows.getBoolean(i);
                case "date":
                    return rows.getObject(i, LocalDate.class);
                case "timestamp":
                    return rows.getObject(i, LocalDateTime.class);
                case "timestamptz":
                    return rows.getObject(i, OffsetDateTime.class).toInstant();
                case "time":
                    return rows.getObject(i, LocalTime.class);
                default:
                    return text;
            }
        } catch (RuntimeException | SQLException e) {
            // NaN, infinity and the like stay as the server wrote them
            return text;
        }
    }

    /**
     * Rolls the run back and clears what a transaction cannot undo (session-level advisory locks,
     * prepared statements, LISTEN); a connection that cannot be reset is thrown away.
     */
    private void reset(Connection connection, String schema) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                // a no-op unless a statement slipped past the check and committed the run: then its tables go now
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                statement.execute("DISCARD ALL");
            }
            connection.setAutoCommit(false);
            connection.close();
        } catch (SQLException e) {
            LOG.warn("dropping a SQL sandbox connection that could not be reset: {}", e.getMessage());
            pool.evictConnection(connection);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.lines().findFirst().orElse(message);
    }

    @Override
    public void close() {
        pool.close();
    }
}
