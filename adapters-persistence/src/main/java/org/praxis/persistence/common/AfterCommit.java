package org.praxis.persistence.common;

import java.util.ArrayList;
import java.util.List;

import org.jooq.TransactionContext;
import org.jooq.TransactionListener;

/**
 * Work to do once the current transaction has committed (dropping a cache, say), and not at all if it
 * rolls back or its commit fails. Outside a transaction the work runs at once. {@link Jooq#over}
 * installs the listener, so this follows every transaction of {@link JooqTransactions}, nested ones
 * included (the work waits for the outermost commit). jOOQ calls {@code commitEnd} even when the
 * commit failed (a deferred write of {@link Pipeline} travels with the COMMIT and can fail it), so the
 * work is only set aside there: {@link JooqTransactions} runs it once the transaction has returned.
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

    /** Runs the work of the outermost transaction that has just committed on this thread. */
    static void committed() {
        State state = STATE.get();
        if (state.depth == 0 && !state.committed.isEmpty()) {
            var work = new ArrayList<>(state.committed);
            state.committed.clear();
            work.forEach(Runnable::run);
        }
    }

    /** Counted once the transaction has begun (a begin that fails opens nothing to close). */
    @Override
    public void beginEnd(TransactionContext ctx) {
        State state = STATE.get();
        if (state.depth == 0) {
            state.pending.clear();
            state.committed.clear();
        }
        state.depth++;
    }

    @Override
    public void commitEnd(TransactionContext ctx) {
        State state = STATE.get();
        state.depth = Math.max(0, state.depth - 1);
        if (state.depth == 0) {
            state.committed.addAll(state.pending);
            state.pending.clear();
        }
    }

    @Override
    public void rollbackEnd(TransactionContext ctx) {
        State state = STATE.get();
        state.depth = Math.max(0, state.depth - 1);
        if (state.depth == 0) {
            state.pending.clear();
            state.committed.clear();
        }
    }

    private static final class State {
        int depth;
        final List<Runnable> pending = new ArrayList<>();
        /** The outermost transaction's work once jOOQ says it committed, until it has returned. */
        final List<Runnable> committed = new ArrayList<>();
    }
}
