package org.praxis.persistence.common;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.TransactionContext;
import org.jooq.TransactionListener;

/**
 * Several statements in one database round trip. PgJDBC sends a prepared statement holding several
 * statements as one Parse/Bind/Execute per statement followed by a single Sync, and the server runs them
 * in order, each with its own snapshot (so a read after a lock sees what the lock waited for). Every
 * value stays a bind value: the statements are jOOQ queries embedded in one plain-SQL template.
 *
 * <p>Writes can also be <em>deferred</em> ({@link #write}): inside a transaction they are kept and sent
 * together, as one round trip, just before the next statement of the transaction or its commit; outside
 * one they run at once. A deferred write that fails therefore fails the statement or commit that sent
 * it, which rolls the transaction back like any failure inside it (and is retried when retryable).
 * Writes still deferred when the outermost transaction commits travel with the COMMIT itself: one round
 * trip for the writes and the commit (the server skips the COMMIT when a write fails, the driver then
 * reports the failure and the transaction is rolled back; after a COMMIT it ran, the driver knows the
 * connection is idle and its own commit sends nothing). {@link Jooq#over} installs the listener that does
 * this.
 */
public final class Pipeline implements TransactionListener, ExecuteListener {
    static final Pipeline LISTENER = new Pipeline();

    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

    private Pipeline() {
    }

    /**
     * Runs {@code queries} in one round trip and returns one result per query, its values converted to
     * the types of the fields the query selects; a query that returns no rows (an INSERT, say) gives an
     * empty result. Writes deferred before are sent first, in a round trip of their own. Plain JDBC
     * under jOOQ's rendering, because jOOQ's own multi-result fetch reads result set metadata, which
     * PgJDBC answers with catalogue queries (more round trips).
     */
    public static List<Result<Record>> fetch(DSLContext dsl, List<? extends Query> queries) {
        flush(dsl);
        String sql = queries.stream().map(dsl::render).collect(Collectors.joining(";\n"));
        return dsl.connectionResult(connection -> {
            try (var statement = connection.prepareStatement(sql)) {
                int index = 1;
                for (var query : queries) {
                    for (var value : query.getBindValues()) {
                        statement.setObject(index++, value);
                    }
                }
                boolean isResultSet = statement.execute();
                var out = new ArrayList<Result<Record>>();
                for (var query : queries) {
                    if (isResultSet && query instanceof ResultQuery<?> select) {
                        try (var rows = statement.getResultSet()) {
                            out.add(dsl.fetch(rows, select.fields()));
                        }
                    } else {
                        out.add(dsl.newResult());
                    }
                    isResultSet = statement.getMoreResults();
                }
                return out;
            }
        });
    }

    /** Defers {@code query} to the transaction's next round trip (see the class comment); runs it now outside a transaction. */
    public static void write(Query query) {
        State state = STATE.get();
        if (state.depth == 0) {
            query.execute();
        } else {
            state.pending.add(query);
        }
    }

    /** Sends the deferred writes now, as one round trip (nothing when there are none). */
    public static void flush(DSLContext dsl) {
        var pending = takePending();
        if (!pending.isEmpty()) {
            execute(dsl, pending);
        }
    }

    private static void execute(DSLContext dsl, List<Query> queries) {
        if (queries.size() == 1) {
            queries.get(0).execute();
        } else {
            dsl.execute(template(queries.size()), queries.toArray(Query[]::new));
        }
    }

    private static void executeAndCommit(DSLContext dsl, List<Query> queries) {
        dsl.execute(template(queries.size()) + ";\ncommit", queries.toArray(Query[]::new));
    }

    private static List<Query> takePending() {
        State state = STATE.get();
        if (state.pending.isEmpty()) {
            return List.of();
        }
        var pending = new ArrayList<>(state.pending);
        state.pending.clear();
        return pending;
    }

    private static String template(int statements) {
        return IntStream.range(0, statements).mapToObj(i -> "{" + i + "}").collect(Collectors.joining(";\n"));
    }

    /** Any other statement first sends the writes deferred before it, so that it sees them. */
    @Override
    public void start(ExecuteContext ctx) {
        State state = STATE.get();
        if (state.pending.isEmpty() || state.flushing) {
            return;
        }
        state.flushing = true;
        try {
            execute(ctx.dsl(), takePending());
        } finally {
            state.flushing = false;
        }
    }

    @Override
    public void beginStart(TransactionContext ctx) {
        // a nested transaction's savepoint must come after the writes deferred before it
        if (STATE.get().depth > 0) {
            flush(ctx.dsl());
        }
    }

    @Override
    public void beginEnd(TransactionContext ctx) {
        State state = STATE.get();
        if (state.depth == 0) {
            state.pending.clear();
        }
        state.depth++;
    }

    @Override
    public void commitStart(TransactionContext ctx) {
        var pending = takePending();
        if (pending.isEmpty()) {
            return;
        }
        if (STATE.get().depth == 1) {
            executeAndCommit(ctx.dsl(), pending);
        } else {
            // a savepoint's release: the outer transaction goes on
            execute(ctx.dsl(), pending);
        }
    }

    @Override
    public void commitEnd(TransactionContext ctx) {
        State state = STATE.get();
        state.depth = Math.max(0, state.depth - 1);
    }

    @Override
    public void rollbackStart(TransactionContext ctx) {
        STATE.get().pending.clear();
    }

    @Override
    public void rollbackEnd(TransactionContext ctx) {
        State state = STATE.get();
        state.depth = Math.max(0, state.depth - 1);
        state.pending.clear();
    }

    private static final class State {
        int depth;
        boolean flushing;
        final List<Query> pending = new ArrayList<>();
    }
}
