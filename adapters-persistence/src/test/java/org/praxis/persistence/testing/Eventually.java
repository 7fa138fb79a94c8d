package org.praxis.persistence.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waiting for what another thread or instance does asynchronously (a notification heard, a connection
 * found dead): looks every few milliseconds until a deadline, never a fixed sleep.
 */
public final class Eventually {
    /** Long enough for anything these tests wait for on a loaded machine; a pass takes milliseconds. */
    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private Eventually() {
    }

    /** Returns once {@code condition} holds; fails the test after {@link #PATIENCE}. */
    public static void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for: " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
    }
}
