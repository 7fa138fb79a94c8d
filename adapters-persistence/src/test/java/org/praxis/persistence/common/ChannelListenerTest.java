package org.praxis.persistence.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.persistence.testing.Eventually.waitFor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.praxis.persistence.testing.TestDatabase;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The listener tells its subscriber what it hears, and when it stops hearing: also when its connection
 * dies without a word (a half-open link: a proxy here that stops forwarding but keeps both sockets open),
 * which only asking the connection reveals.
 */
class ChannelListenerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void aConnectionThatStopsAnsweringMakesTheSubscriberDeafAndTheListenerConnectsAgain() throws Exception {
        try (HikariDataSource dataSource = TestDatabase.shared().freshDatabase(); var proxy = new FreezingProxy(dataSource.getJdbcUrl())) {
            var events = new CopyOnWriteArrayList<String>();
            var subscriber = new ChannelListener.Subscriber() {
                @Override
                public void listening() {
                    events.add("listening");
                }

                @Override
                public void notified(String payload) {
                    events.add("notified " + payload);
                }

                @Override
                public void deaf() {
                    events.add("deaf");
                }
            };
            String url = proxy.url();
            try (var listener = new ChannelListener("test_channel",
                    () -> DriverManager.getConnection(url, dataSource.getUsername(), dataSource.getPassword()), subscriber).start()) {
                assertTrue(listener.awaitListening(PATIENCE));
                try (var c = dataSource.getConnection(); var s = c.createStatement()) {
                    s.execute("select pg_notify('test_channel', 'one')");
                }
                waitFor("the notification", () -> events.contains("notified one"));

                proxy.freeze();
                waitFor("the listener to find its connection dead", () -> events.contains("deaf"));
                assertEquals(List.of("listening", "notified one", "deaf"), List.copyOf(events).subList(0, 3));

                proxy.thaw();
                waitFor("the listener to listen again", () -> events.stream().filter("listening"::equals).count() == 2
                        && listener.isListening());
                try (var c = dataSource.getConnection(); var s = c.createStatement()) {
                    s.execute("select pg_notify('test_channel', 'two')");
                }
                waitFor("the notification after reconnecting", () -> events.contains("notified two"));
            }
            assertEquals("deaf", events.get(events.size() - 1), "closing the listener makes its subscriber deaf");
        }
    }

    @Test
    void aSubscriberThatFailsDoesNotStopTheListening() throws Exception {
        try (HikariDataSource dataSource = TestDatabase.shared().freshDatabase()) {
            var heard = new CopyOnWriteArrayList<String>();
            var subscriber = new ChannelListener.Subscriber() {
                @Override
                public void listening() {
                }

                @Override
                public void notified(String payload) {
                    heard.add(payload);
                    if (payload.equals("bad")) {
                        throw new IllegalStateException("the subscriber fails on " + payload);
                    }
                }

                @Override
                public void deaf() {
                }
            };
            try (var listener = new ChannelListener("test_channel",
                    ChannelListener.Connector.outsidePool(dataSource),
                    subscriber).start()) {
                assertTrue(listener.awaitListening(PATIENCE));
                try (var c = dataSource.getConnection(); var s = c.createStatement()) {
                    s.execute("select pg_notify('test_channel', 'bad')");
                    s.execute("select pg_notify('test_channel', 'good')");
                }
                waitFor("both notifications", () -> heard.equals(List.of("bad", "good")));
                assertEquals(1, listener.connectionsMade(), "the same connection, still listening");
            }
        }
    }

    /**
     * A TCP proxy in front of the database that can stop forwarding while keeping every socket open, as a
     * link that died without a word would look to both ends.
     */
    private static final class FreezingProxy implements AutoCloseable {
        private final ServerSocket server;
        private final String host;
        private final int port;
        private final String jdbcUrl;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private volatile boolean frozen;

        FreezingProxy(String jdbcUrl) throws IOException {
            this.jdbcUrl = jdbcUrl;
            var target = URI.create(jdbcUrl.substring("jdbc:".length()));
            this.host = target.getHost();
            this.port = target.getPort();
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            var acceptor = new Thread(this::accept, "freezing-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return jdbcUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + server.getLocalPort() + "/");
        }

        void freeze() {
            frozen = true;
        }

        void thaw() {
            frozen = false;
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    // while frozen, a new connection is neither refused nor answered until the thaw
                    Socket upstream = new Socket(host, port);
                    sockets.add(client);
                    sockets.add(upstream);
                    pump(client.getInputStream(), upstream.getOutputStream());
                    pump(upstream.getInputStream(), client.getOutputStream());
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void pump(InputStream in, OutputStream out) {
            var thread = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        while (frozen) {
                            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // either end closed
                }
            }, "freezing-proxy-pump");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
