package org.praxis.persistence.common;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Listens on one of PostgreSQL's notification channels on a connection of its own, in a thread of its own,
 * and hands every notification to its {@link Subscriber} (OP2: any instance's publish empties every
 * instance's content cache; a revoked session leaves every instance's bearer cache). When the connection
 * drops it tells the subscriber it is deaf, reconnects with a growing pause (up to
 * {@value #MAX_BACKOFF_MILLIS} ms), and tells it when it listens again, because notifications sent while
 * it was away are lost. A quiet connection is asked every few seconds whether it is still there, so a
 * link that died without a word is noticed within about {@code 5 + 2} seconds. Each feature listens on its
 * own channel and connection.
 */
public final class ChannelListener implements AutoCloseable {
    /** What a listener tells: every call comes from the listener's own thread, one at a time. */
    public interface Subscriber {
        /** Listening from now on; whatever was sent before, while nobody listened, is not heard. */
        void listening();

        /** A notification on the channel, with its payload (empty when none was given). */
        void notified(String payload);

        /** Not listening any more (the connection dropped, or the listener closed) until {@link #listening()}. */
        void deaf();

        /** A subscriber that treats all three the same: something may have changed. */
        static Subscriber anyChange(Runnable onChange) {
            Objects.requireNonNull(onChange);
            return new Subscriber() {
                @Override
                public void listening() {
                    onChange.run();
                }

                @Override
                public void notified(String payload) {
                    onChange.run();
                }

                @Override
                public void deaf() {
                    onChange.run();
                }
            };
        }
    }

    static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final int POLL_MILLIS = 500;
    /** How often a quiet connection is asked whether it is still there, and how long it has to answer. */
    private static final long CHECK_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int CHECK_TIMEOUT_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(ChannelListener.class);

    /** Opens the listener's own connection (not one borrowed from the pool for ever). */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;

        /**
         * New connections to the database of {@code dataSource}, outside its pool when it is a pool (a pool
         * connection held for ever would shrink the pool).
         */
        static Connector outsidePool(DataSource dataSource) {
            if (dataSource instanceof HikariDataSource hikari) {
                return () -> DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
            }
            return dataSource::getConnection;
        }
    }

    private final String channel;
    private final Connector connector;
    private final Subscriber subscriber;
    private final Thread thread;
    private final AtomicLong notifications = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition listeningChanged = lock.newCondition();
    private volatile boolean running = true;
    private volatile boolean listening;
    private volatile Connection current;

    /** {@code channel}: a plain identifier (it is written into {@code LISTEN}, which takes no bind values). */
    public ChannelListener(String channel, Connector connector, Subscriber subscriber) {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        this.channel = channel;
        this.connector = Objects.requireNonNull(connector);
        this.subscriber = Objects.requireNonNull(subscriber);
        this.thread = new Thread(this::loop, "praxis-listener-" + channel);
        this.thread.setDaemon(true);
    }

    public ChannelListener start() {
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
                    // named after its thread, so that pg_stat_activity tells the listeners apart (an idle
                    // connection's query column shows its last statement, which the liveness check replaces)
                    statement.execute("SET application_name = '" + thread.getName() + "'; LISTEN " + channel);
                }
                connections.incrementAndGet();
                backoff = 100;
                tell(subscriber::listening);
                setListening(true);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                long checked = System.nanoTime();
                while (running) {
                    PGNotification[] received = postgres.getNotifications(POLL_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            notifications.incrementAndGet();
                            String payload = notification.getParameter() == null ? "" : notification.getParameter();
                            tell(() -> subscriber.notified(payload));
                        }
                    }
                    // A link that died without a word (a half-open connection) would leave the subscriber
                    // listening to nothing for as long as the operating system takes to notice: ask.
                    if (System.nanoTime() - checked > CHECK_EVERY_NANOS) {
                        if (!connection.isValid(CHECK_TIMEOUT_SECONDS)) {
                            throw new SQLException("the listening connection did not answer within " + CHECK_TIMEOUT_SECONDS + " s");
                        }
                        checked = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("listener on {} lost its database connection ({}); reconnecting in {} ms", channel, e.getMessage(), backoff);
                }
            } finally {
                current = null;
                setListening(false);
                // before any pause: what is sent from now on is not heard
                tell(subscriber::deaf);
            }
            if (running) {
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /** A subscriber that fails must not stop the listening (nor skip telling it the rest). */
    private void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("a subscriber of {} failed", channel, e);
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
