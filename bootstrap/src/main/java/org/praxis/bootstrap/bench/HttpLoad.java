package org.praxis.bootstrap.bench;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Closed-loop HTTP load: {@code clients} threads each send one request, wait for its answer, and send the
 * next, for a fixed time; optionally paced to a total rate. Every answer's latency is recorded under the
 * request's kind; answers other than 2xx are counted as errors (and their latency is kept out of the figures).
 *
 * <p>Requests travel over a plain HTTP/1.1 connection per thread (keep-alive, blocking socket), as wrk
 * does, not through {@code java.net.http}: the bench shares the service's two cores, and that client
 * spent about 0.25 ms of CPU per request in its selector thread and futures (17-19 % of the machine
 * under P6), time the service and the database then waited for.
 */
final class HttpLoad {
    /** One request to send, and the kind its latency is recorded under. */
    record Call(String kind, Request request) {
    }

    /** An HTTP request: its bytes on the wire are built once. */
    record Request(String method, URI uri, byte[] wire) {
        static Request get(URI uri, Map<String, String> headers) {
            return of("GET", uri, headers, null);
        }

        static Request post(URI uri, Map<String, String> headers, String body) {
            return of("POST", uri, headers, body);
        }

        private static Request of(String method, URI uri, Map<String, String> headers, String body) {
            var text = new StringBuilder(256).append(method).append(' ').append(uri.getRawPath());
            if (uri.getRawQuery() != null) {
                text.append('?').append(uri.getRawQuery());
            }
            text.append(" HTTP/1.1\r\nHost: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
            headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                text.append("Content-Length: ").append(content.length).append("\r\n");
            }
            text.append("\r\n");
            byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
            byte[] wire = new byte[head.length + content.length];
            System.arraycopy(head, 0, wire, 0, head.length);
            System.arraycopy(content, 0, wire, head.length, content.length);
            return new Request(method, uri, wire);
        }

        @Override
        public String toString() {
            return method + " " + uri;
        }
    }

    /** An answer: its status and body, decoded only when asked for. */
    record Response(Request request, int status, byte[] content) {
        String body() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    interface Calls {
        Call next(int client, ThreadLocalRandom random);
    }

    record Result(double seconds, long ok, long errors, java.util.Map<String, Latencies> latencies, List<String> firstErrors) {
        double perSecond() {
            return ok / seconds;
        }

        Latencies all() {
            var all = new Latencies();
            latencies.values().forEach(all::addAll);
            return all;
        }
    }

    /** This thread's open connections, by host and port. */
    private static final ThreadLocal<Map<String, Connection>> CONNECTIONS = ThreadLocal.withInitial(HashMap::new);

    private HttpLoad() {
    }

    /** Sends the request over this thread's connection to its server (opened, or opened again, as needed). */
    static Response send(Request request) throws IOException {
        var connections = CONNECTIONS.get();
        String address = request.uri().getHost() + ":" + request.uri().getPort();
        var connection = connections.get(address);
        if (connection != null) {
            try {
                return connection.exchange(request);
            } catch (Stale e) {
                // the server closed an idle keep-alive connection before this request reached it: one more
                // try on a new one (any other failure may come after the server acted, so it is not retried)
                connection.close();
                connections.remove(address);
            } catch (IOException e) {
                connection.close();
                connections.remove(address);
                throw e;
            }
        }
        connection = new Connection(request.uri());
        connections.put(address, connection);
        try {
            return connection.exchange(request);
        } catch (IOException e) {
            connection.close();
            connections.remove(address);
            throw e;
        }
    }

    /** Closes this thread's connections (a load thread's, when it ends). */
    static void closeConnections() {
        CONNECTIONS.get().values().forEach(Connection::close);
        CONNECTIONS.remove();
    }

    /** The connection was closed before the request reached the server: safe to send it again on a new one. */
    private static final class Stale extends IOException {
        Stale(String message) {
            super(message);
        }
    }

    /** One keep-alive HTTP/1.1 connection: a request, then its whole answer (Content-Length or chunked). */
    private static final class Connection {
        private final Socket socket;
        private final BufferedOutputStream out;
        private final InputStream in;
        // the answer's bytes read ahead: a plain buffer, as BufferedInputStream locks on every read
        private final byte[] buffer = new byte[65536];
        private int position;
        private int limit;

        Connection(URI uri) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            socket.setSoTimeout(60_000);
            out = new BufferedOutputStream(socket.getOutputStream(), 4096);
            in = socket.getInputStream();
        }

        Response exchange(Request request) throws IOException {
            try {
                return answer(request);
            } catch (NumberFormatException e) {
                throw new IOException("not an HTTP answer: " + e.getMessage(), e);
            }
        }

        private Response answer(Request request) throws IOException {
            try {
                out.write(request.wire());
                out.flush();
            } catch (IOException e) {
                throw new Stale(e.toString());
            }
            String statusLine = line();
            if (statusLine == null) {
                throw new Stale("connection closed before an answer");
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            byte[] content;
            if (status / 100 == 1 || status == 204 || status == 304 || request.method().equals("HEAD")) {
                // answers without a body, whatever their headers say
                content = new byte[0];
            } else if (chunked) {
                var body = new ByteArrayOutputStream();
                while (true) {
                    String size = line();
                    if (size == null) {
                        throw new IOException("connection closed inside a chunked answer");
                    }
                    int semicolon = size.indexOf(';');
                    int chunk = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                    if (chunk == 0) {
                        for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                            // trailers are not used
                        }
                        break;
                    }
                    body.write(bytes(chunk));
                    line();
                }
                content = body.toByteArray();
            } else if (length >= 0) {
                content = bytes((int) length);
            } else {
                var body = new ByteArrayOutputStream();
                body.write(buffer, position, limit - position);
                position = limit;
                in.transferTo(body);
                content = body.toByteArray();
                close = true;
            }
            if (close) {
                close();
                CONNECTIONS.get().values().remove(this);
            }
            return new Response(request, status, content);
        }

        /** A header line without its CRLF; null at the end of the stream. */
        private String line() throws IOException {
            var text = new StringBuilder(64);
            int c;
            while ((c = read()) != -1) {
                if (c == '\n') {
                    int end = text.length();
                    if (end > 0 && text.charAt(end - 1) == '\r') {
                        text.setLength(end - 1);
                    }
                    return text.toString();
                }
                text.append((char) c);
            }
            return text.length() == 0 ? null : text.toString();
        }

        private int read() throws IOException {
            if (position == limit && !fill()) {
                return -1;
            }
            return buffer[position++] & 0xff;
        }

        private boolean fill() throws IOException {
            int n = in.read(buffer, 0, buffer.length);
            position = 0;
            limit = Math.max(n, 0);
            return n > 0;
        }

        private byte[] bytes(int n) throws IOException {
            byte[] bytes = new byte[n];
            int at = 0;
            while (at < n) {
                if (position == limit && !fill()) {
                    throw new IOException("connection closed inside an answer");
                }
                int take = Math.min(n - at, limit - position);
                System.arraycopy(buffer, position, bytes, at, take);
                position += take;
                at += take;
            }
            return bytes;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing: nothing to do
            }
        }
    }

    /** Runs {@code clients} loops for {@code duration}; {@code perSecond} > 0 paces all of them together to that rate. */
    static Result run(int clients, Duration duration, double perSecond, Calls calls) throws InterruptedException {
        var latencies = new java.util.concurrent.ConcurrentHashMap<String, Latencies>();
        var ok = new AtomicLong();
        var errors = new AtomicLong();
        var firstErrors = java.util.Collections.synchronizedList(new ArrayList<String>());
        long interval = perSecond > 0 ? (long) (1e9 / perSecond) : 0;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        var nextSlot = new AtomicLong(start);
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            var thread = new Thread(() -> {
                try {
                    loop(client, end, interval, nextSlot, calls, ok, errors, latencies, firstErrors);
                } finally {
                    closeConnections();
                }
            }, "bench-client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (var thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(seconds, ok.get(), errors.get(), new java.util.TreeMap<>(latencies), List.copyOf(firstErrors));
    }

    private static void loop(int client, long end, long interval, AtomicLong nextSlot, Calls calls, AtomicLong ok, AtomicLong errors,
            Map<String, Latencies> latencies, List<String> firstErrors) {
                var random = ThreadLocalRandom.current();
                while (true) {
                    if (interval > 0) {
                        long slot = nextSlot.getAndAdd(interval);
                        if (slot >= end) {
                            return;
                        }
                        long wait = slot - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                    if (System.nanoTime() >= end) {
                        return;
                    }
                    Call call = calls.next(client, random);
                    long sent = System.nanoTime();
                    try {
                        var response = send(call.request());
                        long took = System.nanoTime() - sent;
                        if (response.status() / 100 == 2) {
                            ok.incrementAndGet();
                            latencies.computeIfAbsent(call.kind(), k -> new Latencies()).add(took);
                        } else {
                            errors.incrementAndGet();
                            if (firstErrors.size() < 3) {
                                firstErrors.add(response.status() + " " + abbreviate(response.body()));
                            }
                        }
                    } catch (IOException | UncheckedIOException e) {
                        errors.incrementAndGet();
                        if (firstErrors.size() < 3) {
                            firstErrors.add(e.toString());
                        }
                    }
                }
    }

    static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
