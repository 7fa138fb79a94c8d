package org.praxis.persistence.common;

import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;

import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.praxis.application.common.Transactions;
import org.praxis.application.common.Unavailable;

/**
 * Transactions on jOOQ's thread-bound transaction provider: every port called inside {@code work}
 * uses the same connection without being handed it. Serialization failures and deadlocks are retried
 * (the whole unit of work runs again, so it must not have effects outside the database); a database
 * that does not answer becomes {@link Unavailable}, which the HTTP adapter turns into a 503.
 */
public final class JooqTransactions implements Transactions {
    private static final int ATTEMPTS = 5;

    private final DSLContext dsl;

    public JooqTransactions(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        T result = withRetries(() -> dsl.transactionResult(work::get));
        AfterCommit.committed();
        return result;
    }

    /**
     * Without {@code BEGIN} and {@code COMMIT}: the statement runs on a pooled connection in autocommit,
     * where it is its own transaction, so it costs one round trip. Inside a running transaction it simply
     * joins it (the connection is the thread's).
     */
    @Override
    public <T> T oneStatement(Supplier<T> work) {
        return withRetries(work);
    }

    /** Without {@code BEGIN} and {@code COMMIT}: each statement in autocommit (READ COMMITTED reads alike). */
    @Override
    public <T> T reading(Supplier<T> work) {
        return withRetries(work);
    }

    private static <T> T withRetries(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (DataAccessException e) {
                var state = SqlStates.of(e);
                if (SqlStates.isRetryable(state) && attempt < ATTEMPTS) {
                    continue;
                }
                if (SqlStates.isUnavailable(e)) {
                    throw new Unavailable("the database does not answer", e);
                }
                throw e;
            }
        }
    }

    /** SQLSTATE helpers shared by the adapters. */
    public static final class SqlStates {
        private SqlStates() {
        }

        public static String of(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && sql.getSQLState() != null) {
                    return sql.getSQLState();
                }
            }
            return "";
        }

        /** 40001 serialization failure, 40P01 deadlock: the transaction can simply run again. */
        public static boolean isRetryable(String state) {
            return "40001".equals(state) || "40P01".equals(state);
        }

        /** Connection failures (class 08), admin shutdown (57P01..57P03), or no connection from the pool in time. */
        public static boolean isUnavailable(Throwable e) {
            String state = of(e);
            if (state.startsWith("08") || state.startsWith("57P")) {
                return true;
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.net.ConnectException) {
                    return true;
                }
            }
            return false;
        }
    }
}
