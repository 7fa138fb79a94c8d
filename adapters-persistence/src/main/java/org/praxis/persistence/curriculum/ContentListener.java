package org.praxis.persistence.curriculum;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on PostgreSQL's {@value #CHANNEL} channel on a connection of its own, in a thread of its own,
 * and runs {@code onChange} for every notification (OP2: any instance's publish empties every
 * instance's cache). When the connection drops it reconnects, with a growing pause (up to
 * {@value #MAX_BACKOFF_MILLIS} ms), and runs {@code onChange} once more on reconnecting, because
 * notifications sent while it was away are lost.
 */
public final class ContentListener implements AutoCloseable {
    public static final String CHANNEL = "praxis_content";
    static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final int POLL_MILLIS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ContentListener.class);

    /** Opens the listener's own connection (not one borrowed from the pool for ever). */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    private final Runnable onChange;
    private final Thread thread;
    private final AtomicLong notifications = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition listeningChanged = lock.newCondition();
    private volatile boolean running = true;
    private volatile boolean listening;
    private volatile Connection current;

    public ContentListener(Connector connector, Runnable onChange) {
        this.connector = Objects.requireNonNull(connector);
        this.onChange = Objects.requireNonNull(onChange);
        this.thread = new Thread(this::loop, "praxis-content-listener");
        this.thread.setDaemon(true);
    }

    public ContentListener start() {
        thread.start();
        return this;
    }

    /** Waits until the listener is subscribed (true), or the timeout passes (false). */
    public boolean awaitListening(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!listening) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                listeningChanged.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    public boolean isListening() {
        return listening;
    }

    /** Notifications received since start. */
    public long notificationsReceived() {
        return notifications.get();
    }

    /** Successful connections since start (more than one means it reconnected). */
    public long connectionsMade() {
        return connections.get();
    }

    /** Closes the current connection, as a network failure would (for tests of reconnecting). */
    void dropConnection() throws SQLException {
        Connection connection = current;
        if (connection != null) {
            connection.close();
        }
    }

    private void loop() {
        long backoff = 100;
        while (running) {
            try (Connection connection = connector.connect()) {
                current = connection;
                connection.setAutoCommit(true);
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                connections.incrementAndGet();
                backoff = 100;
                // Whatever was announced while nobody listened is lost: start from an empty cache.
                onChange.run();
                setListening(true);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = postgres.getNotifications(POLL_MILLIS);
                    if (received != null && received.length > 0) {
                        notifications.addAndGet(received.length);
                        onChange.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                setListening(false);
                if (!running) {
                    break;
                }
                LOG.warn("content change listener lost its database connection ({}); reconnecting in {} ms", e.getMessage(), backoff);
                onChange.run();
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            } finally {
                current = null;
                setListening(false);
            }
        }
    }

    private void setListening(boolean value) {
        lock.lock();
        try {
            listening = value;
            listeningChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops listening and closes the connection; returns once the thread ended (or after 5 s). */
    @Override
    public void close() {
        running = false;
        try {
            dropConnection();
        } catch (SQLException ignored) {
            // closing anyway
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
