package org.praxis.persistence.common;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy between a connection pool and PostgreSQL that counts database round trips on the wire
 * rather than estimating them. It reads the frontend protocol (after the untyped startup packet, each
 * message is one type byte and an int32 length) and forwards every byte unchanged. A round trip ends at
 * a {@code Sync} ('S') or a simple {@code Query} ('Q') after which the client has sent nothing more, so
 * that it now waits for the answer; a Sync or Query with more messages already sent behind it was
 * pipelined (PgJDBC sends the {@code BEGIN} of a transaction as a simple Query in front of the first
 * statement and its Sync) and does not end one. {@link #syncsAndQueries} counts every Sync and Query.
 *
 * <p>It refuses SSL and GSS encryption itself (answers 'N'), so that it always sees plain messages; a
 * client that insists on encryption cannot connect through it. Used by tests and the benchmark only.
 *
 * <p>With {@link #record} on, it also keeps, per round trip, the SQL of each statement executed in it
 * (named prepared statements are resolved to the text their Parse gave), which is how a test shows
 * what a round trip did.
 */
public final class WireCounter implements AutoCloseable {
    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;
    private static final int CANCEL_REQUEST = 80877102;

    private final String upstreamHost;
    private final int upstreamPort;
    private final ServerSocket server;
    private final AtomicLong roundTrips = new AtomicLong();
    private final AtomicLong syncsAndQueries = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<List<String>> log = new ArrayList<>();
    private volatile boolean recording;
    private volatile boolean closed;

    private WireCounter(String upstreamHost, int upstreamPort) throws IOException {
        this.upstreamHost = Objects.requireNonNull(upstreamHost);
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        var acceptor = new Thread(this::accept, "wire-counter-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A counter in front of the PostgreSQL server at {@code host:port}, listening on a free loopback port. */
    public static WireCounter inFrontOf(String host, int port) {
        try {
            return new WireCounter(host, port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a local port for the wire counter", e);
        }
    }

    /** A counter in front of the server a {@code jdbc:postgresql://host:port/db?...} URL names (port 5432 when absent). */
    public static WireCounter inFrontOf(String jdbcUrl) {
        var address = Address.of(jdbcUrl);
        return inFrontOf(address.host(), address.port());
    }

    /** {@code jdbcUrl} with its host and port replaced by this proxy's. */
    public String proxied(String jdbcUrl) {
        var address = Address.of(jdbcUrl);
        return "jdbc:postgresql://127.0.0.1:" + port() + jdbcUrl.substring(address.end());
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Round trips since the start (or the last {@link #reset}), over all connections. */
    public long roundTrips() {
        return roundTrips.get();
    }

    /**
     * Sync and Query messages sent, pipelined or not: more than {@link #roundTrips} when a client sends a
     * simple-protocol {@code BEGIN} in front of its first statement without waiting for its answer.
     */
    public long syncsAndQueries() {
        return syncsAndQueries.get();
    }

    /** Starts or stops keeping the statements of each round trip (off by default: the benchmark only counts). */
    public void record(boolean on) {
        recording = on;
    }

    /** Sets the count to zero and forgets the recorded round trips. */
    public synchronized void reset() {
        roundTrips.set(0);
        syncsAndQueries.set(0);
        log.clear();
    }

    /** The recorded round trips, oldest first, each as the SQL of its statements ({@code ""} for an empty query). */
    public synchronized List<List<String>> recorded() {
        return List.copyOf(log);
    }

    private synchronized void completed(List<String> statements) {
        roundTrips.incrementAndGet();
        if (recording) {
            log.add(List.copyOf(statements));
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (var socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void accept() {
        while (!closed) {
            try {
                var client = server.accept();
                client.setTcpNoDelay(true);
                var upstream = new Socket();
                upstream.connect(new InetSocketAddress(upstreamHost, upstreamPort));
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                start("wire-counter-up", () -> clientToServer(client, upstream));
                start("wire-counter-down", () -> copy(upstream, client));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private static void start(String name, Runnable work) {
        var thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void copy(Socket from, Socket to) {
        try (from; to) {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ignored) {
            // one side closed: the other is closed by the try
        }
    }

    private void clientToServer(Socket client, Socket upstream) {
        try (client; upstream) {
            var in = new DataInputStream(new BufferedInputStream(client.getInputStream(), 16 * 1024));
            OutputStream out = new BufferedOutputStream(upstream.getOutputStream(), 16 * 1024);
            if (!startup(in, out, client.getOutputStream())) {
                return;
            }
            var parsed = new HashMap<String, String>();
            var pending = new ArrayList<String>();
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                int length = in.readInt();
                byte[] body = in.readNBytes(length - 4);
                if (body.length != length - 4) {
                    return;
                }
                // the client did not wait for an answer when it had already sent more behind this message
                boolean more = in.available() > 0;
                // counted before it is forwarded, so the count is current once the client has its answer
                observe((char) type, body, parsed, pending, more);
                out.write(type);
                writeInt(out, length);
                out.write(body);
                if (!more) {
                    out.flush();
                }
            }
        } catch (IOException ignored) {
            // the client or the server went away
        }
    }

    /** Forwards the untyped startup packet; answers SSL and GSS requests with 'N' itself. False when the client left. */
    private static boolean startup(DataInputStream in, OutputStream out, OutputStream toClient) throws IOException {
        while (true) {
            int length;
            try {
                length = in.readInt();
            } catch (EOFException e) {
                return false;
            }
            byte[] body = in.readNBytes(length - 4);
            int code = body.length >= 4 ? ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8) | (body[3] & 0xff) : 0;
            if (code == SSL_REQUEST || code == GSS_REQUEST) {
                toClient.write('N');
                toClient.flush();
                continue;
            }
            writeInt(out, length);
            out.write(body);
            out.flush();
            return code != CANCEL_REQUEST;
        }
    }

    private void observe(char type, byte[] body, Map<String, String> parsed, List<String> pending, boolean more) {
        switch (type) {
            case 'P' -> {
                int nameEnd = end(body, 0);
                String name = text(body, 0, nameEnd);
                int queryEnd = end(body, nameEnd + 1);
                parsed.put(name, text(body, nameEnd + 1, queryEnd));
            }
            case 'B' -> {
                int portalEnd = end(body, 0);
                int statementEnd = end(body, portalEnd + 1);
                if (recording) {
                    pending.add(parsed.getOrDefault(text(body, portalEnd + 1, statementEnd), "?"));
                }
            }
            case 'C' -> {
                // Close of a statement ('S') or portal ('P'): forget a closed statement's text
                if (body.length > 1 && body[0] == 'S') {
                    parsed.remove(text(body, 1, end(body, 1)));
                }
            }
            case 'S' -> {
                syncsAndQueries.incrementAndGet();
                if (!more) {
                    completed(pending);
                    pending.clear();
                }
            }
            case 'Q' -> {
                syncsAndQueries.incrementAndGet();
                if (recording) {
                    pending.add(text(body, 0, end(body, 0)));
                }
                if (!more) {
                    completed(pending);
                    pending.clear();
                }
            }
            default -> {
                // Execute, Describe, Flush, password, COPY data...: part of a round trip, not one
            }
        }
    }

    private static int end(byte[] body, int from) {
        int i = from;
        while (i < body.length && body[i] != 0) {
            i++;
        }
        return i;
    }

    private static String text(byte[] body, int from, int to) {
        return new String(body, from, Math.max(0, Math.min(to, body.length) - from), StandardCharsets.UTF_8);
    }

    private static void writeInt(OutputStream out, int value) throws IOException {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    /** The host and port of a PostgreSQL JDBC URL, and where they end in it. */
    private record Address(String host, int port, int end) {
        static Address of(String jdbcUrl) {
            String prefix = "jdbc:postgresql://";
            if (!jdbcUrl.startsWith(prefix)) {
                throw new IllegalArgumentException("not a PostgreSQL JDBC URL with a host: " + jdbcUrl);
            }
            int start = prefix.length();
            int end = start;
            while (end < jdbcUrl.length() && jdbcUrl.charAt(end) != '/' && jdbcUrl.charAt(end) != '?') {
                end++;
            }
            String hostPort = jdbcUrl.substring(start, end);
            if (hostPort.contains(",")) {
                throw new IllegalArgumentException("the wire counter stands in front of one server, not several: " + hostPort);
            }
            int colon = hostPort.lastIndexOf(':');
            if (colon < 0 || hostPort.endsWith("]")) {
                return new Address(hostPort.isEmpty() ? "localhost" : hostPort, 5432, end);
            }
            return new Address(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)), end);
        }
    }
}
