package org.praxis.bootstrap.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of PostgreSQL that counts database round trips: every Sync (end of an extended-query
 * exchange) and every simple Query a client sends is one wait for the server's ReadyForQuery. Point a
 * service's DATABASE_URL at {@link #port()}.
 */
final class WireProxy implements AutoCloseable {
    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_ENCRYPTION_REQUEST = 80877104;

    private final ServerSocket server;
    private final int upstreamPort;
    private final AtomicLong roundTrips = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    WireProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        var acceptor = new Thread(this::accept, "wire-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    long roundTrips() {
        return roundTrips.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                daemon(() -> frontend(client, upstream), "wire-proxy-frontend");
                daemon(() -> pump(upstream, client), "wire-proxy-backend");
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void daemon(Runnable task, String name) {
        var thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Client to server, message by message: untyped start-up messages first, then type byte + length + body. */
    private void frontend(Socket client, Socket upstream) {
        try (client; upstream) {
            var in = new DataInputStream(new BufferedInputStream(client.getInputStream(), 1 << 16));
            var out = new DataOutputStream(new BufferedOutputStream(upstream.getOutputStream(), 1 << 16));
            while (true) {
                int length = in.readInt();
                int code = in.readInt();
                out.writeInt(length);
                out.writeInt(code);
                copy(in, out, length - 8);
                out.flush();
                if (code != SSL_REQUEST && code != GSS_ENCRYPTION_REQUEST) {
                    break;
                }
            }
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                int length = in.readInt();
                out.write(type);
                out.writeInt(length);
                copy(in, out, length - 4);
                if (type == 'S' || type == 'Q') {
                    roundTrips.incrementAndGet();
                }
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } catch (EOFException e) {
            // the client closed its connection
        } catch (IOException e) {
            // either side closed; the other is closed with it
        }
    }

    private static void copy(DataInputStream in, OutputStream out, int length) throws IOException {
        byte[] buffer = new byte[Math.min(Math.max(length, 0), 8192)];
        int left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException();
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    private static void pump(Socket from, Socket to) {
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // either side closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (var socket : sockets) {
            socket.close();
        }
    }
}
