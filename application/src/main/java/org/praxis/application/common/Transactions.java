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

    /**
     * Work that only reads, and needs no more than each statement seeing what was committed when it began
     * (all a READ COMMITTED transaction gives its statements anyway): an implementation may run it without
     * {@code BEGIN} and {@code COMMIT}, each statement on its own, and then work that needs no statement
     * (an answer from memory) costs no round trip. Running it in a transaction, as this default does, is
     * always correct.
     */
    default <T> T reading(Supplier<T> work) {
        return inTransaction(work);
    }

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
