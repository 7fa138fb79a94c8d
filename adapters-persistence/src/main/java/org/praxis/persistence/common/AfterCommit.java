package org.praxis.persistence.common;

import java.util.ArrayList;
import java.util.List;

import org.jooq.TransactionContext;
import org.jooq.TransactionListener;

/**
 * Work to do once the current transaction has committed (dropping a cache, say), and not at all if it
 * rolls back. Outside a transaction the work runs at once. {@link Jooq#over} installs the listener,
 * so this follows every transaction of {@link JooqTransactions}, nested ones included (the work waits
 * for the outermost commit).
 */
public final class AfterCommit implements TransactionListener {
    static final AfterCommit LISTENER = new AfterCommit();

    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

    private AfterCommit() {
    }

    public static void run(Runnable work) {
        State state = STATE.get();
        if (state.depth == 0) {
            work.run();
        } else {
            state.pending.add(work);
        }
    }

    /** Counted once the transaction has begun (a begin that fails opens nothing to close). */
    @Override
    public void beginEnd(TransactionContext ctx) {
        State state = STATE.get();
        if (state.depth == 0) {
            state.pending.clear();
        }
        state.depth++;
    }

    @Override
    public void commitEnd(TransactionContext ctx) {
        State state = STATE.get();
        state.depth = Math.max(0, state.depth - 1);
        if (state.depth == 0) {
            var work = new ArrayList<>(state.pending);
            state.pending.clear();
            work.forEach(Runnable::run);
        }
    }

    @Override
    public void rollbackEnd(TransactionContext ctx) {
        State state = STATE.get();
        state.depth = Math.max(0, state.depth - 1);
        if (state.depth == 0) {
            state.pending.clear();
        }
    }

    private static final class State {
        int depth;
        final List<Runnable> pending = new ArrayList<>();
    }
}
