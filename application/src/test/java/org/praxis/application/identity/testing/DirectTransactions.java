package org.praxis.application.identity.testing;

import java.util.function.Supplier;

import org.praxis.application.common.Transactions;

/** Runs the work as it is: the in-memory fakes have no rollback, which the unit tests do not rely on. */
public final class DirectTransactions implements Transactions {
    private int units;

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        units++;
        return work.get();
    }

    public synchronized int units() {
        return units;
    }
}
