package org.praxis.bootstrap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The bench's own HTTP/1.1 client against the JDK's HTTP server: bodies of every framing, keep-alive, a closed connection. */
class HttpLoadTest {
    private HttpServer server;
    private final AtomicInteger posts = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fixed", exchange -> {
            byte[] body = ("fixed " + exchange.getRequestHeaders().getFirst("Authorization")).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0); // length 0: chunked
            for (int i = 0; i < 3; i++) {
                exchange.getResponseBody().write(("part" + i + "é").repeat(500).getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
            }
            exchange.close();
        });
        server.createContext("/empty", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/post", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            posts.incrementAndGet();
            byte[] answer = ("{\"got\":" + body + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        HttpLoad.closeConnections();
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void readsEveryFramingOfAnAnswerOverOneConnection() throws IOException {
        var fixed = HttpLoad.send(HttpLoad.Request.get(uri("/fixed"), Map.of("Authorization", "Bearer x")));
        assertEquals(200, fixed.status());
        assertEquals("fixed Bearer x", fixed.body());
        var chunked = HttpLoad.send(HttpLoad.Request.get(uri("/chunked?a=1"), Map.of()));
        assertEquals(200, chunked.status());
        assertEquals("part0é".repeat(500) + "part1é".repeat(500) + "part2é".repeat(500), chunked.body());
        var empty = HttpLoad.send(HttpLoad.Request.get(uri("/empty"), Map.of()));
        assertEquals(204, empty.status());
        assertEquals("", empty.body());
        var posted = HttpLoad.send(HttpLoad.Request.post(uri("/post"), Map.of("Content-Type", "application/json"), "\"ü\""));
        assertEquals(201, posted.status());
        assertEquals("{\"got\":\"ü\"}", posted.body());
        // the same connection still answers after all of them
        assertEquals("fixed Bearer y", HttpLoad.send(HttpLoad.Request.get(uri("/fixed"), Map.of("Authorization", "Bearer y"))).body());
        assertEquals(1, posts.get());
    }

    @Test
    void aKeepAliveConnectionTheServerClosedIsOpenedAgainOnce() throws IOException {
        assertEquals(200, HttpLoad.send(HttpLoad.Request.get(uri("/fixed"), Map.of())).status());
        int port = server.getAddress().getPort();
        server.stop(0); // closes the idle connection this thread holds
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/post", exchange -> {
            exchange.getRequestBody().readAllBytes();
            posts.incrementAndGet();
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        server.start();
        assertEquals(201, HttpLoad.send(HttpLoad.Request.post(uri("/post"), Map.of(), "{}")).status());
        assertEquals(1, posts.get(), "sent once to the server that answered");
    }
}
