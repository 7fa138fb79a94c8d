package org.praxis.application.common;

import java.util.function.Supplier;

/**
 * The unit of work. A use case is one transaction: everything it reads and writes through the
 * out-ports inside {@code work} commits together or not at all.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    /**
     * Work that issues exactly one statement, which is atomic on its own: an implementation may run it
     * without a transaction around it (no {@code BEGIN} and {@code COMMIT}), with the same failure handling
     * as {@link #inTransaction}. Running it in a transaction, as this default does, is always correct.
     */
    default <T> T oneStatement(Supplier<T> work) {
        return inTransaction(work);
    }

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
