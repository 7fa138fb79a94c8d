package org.praxis.application.common;

import java.util.function.Supplier;

/**
 * The unit of work. A use case is one transaction: everything it reads and writes through the
 * out-ports inside {@code work} commits together or not at all.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
