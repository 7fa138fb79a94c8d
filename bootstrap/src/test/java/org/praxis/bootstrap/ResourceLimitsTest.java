package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.praxis.domain.identity.Role;
import org.praxis.http.HttpApi;
import org.praxis.persistence.testing.FreshDatabase;

/**
 * The bounds that keep one caller from taking the service's memory or workers: body size, page size,
 * and how long a connection that stops sending keeps its worker. (Throttled sign-in is covered by
 * IdentityHttpTest, bounded concurrent hashing by the argon2 adapter's tests.)
 */
@ExtendWith(FreshDatabase.class)
class ResourceLimitsTest {
    private static IdentityFixture app;
    private static DataSource db;
    private static String author;

    @BeforeAll
    static void start(DataSource dataSource) throws Exception {
        app = new IdentityFixture(dataSource);
        db = dataSource;
        LearningFixture.syncContent(dataSource, app, "/learning-content");
        author = app.registerWithRole(app.uniqueName("author"), Role.AUTHOR).token();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aBodyOverOneMebibyteIsA413AndCreatesNothing() throws Exception {
        long users = count();
        String name = "x".repeat((int) HttpApi.MAX_BODY_BYTES);
        var response = app.call("POST", "/v1/accounts", null, Map.of("username", name, "email", "a@example.org", "password", "p"));
        assertEquals(413, response.statusCode());
        var problem = IdentityFixture.json(response);
        assertEquals("/problems/body-too-large", problem.get("type").asText());
        assertEquals(413, problem.get("status").asInt());
        assertEquals(users, count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/tracks", "/v1/problems", "/v1/leaderboards/global", "/v1/authoring/problems", "/v1/authoring/tracks",
            "/v1/me/submissions"})
    void pagesAreCappedAtOneHundred(String list) throws Exception {
        assertEquals(200, app.call("GET", list + "?limit=100", author, null).statusCode(), list);
        var over = app.call("GET", list + "?limit=101", author, null);
        assertEquals(400, over.statusCode(), list + " " + over.body());
        assertEquals(400, IdentityFixture.json(over).get("status").asInt());
    }

    @Test
    void aClientThatStopsSendingLosesItsConnection() throws Exception {
        app.http.idleTimeout(Duration.ofMillis(300));
        try (var socket = new Socket("localhost", app.http.port())) {
            // a deadline far above the idle timeout: reaching it means the server kept the worker
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /v1/accounts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"username\":").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long started = System.nanoTime();
            String answer = readUntilClosed(socket);
            long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(waited < 5_000, "closed after " + waited + " ms");
            assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 4"), answer);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("a stalled request kept its connection for 10 s", e);
        } finally {
            app.http.idleTimeout(HttpApi.IDLE_TIMEOUT);
        }
    }

    private static String readUntilClosed(Socket socket) throws IOException {
        var bytes = new ByteArrayOutputStream();
        var buffer = new byte[4096];
        try {
            for (int n; (n = socket.getInputStream().read(buffer)) != -1;) {
                bytes.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // a reset is also the server letting go
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static long count() throws Exception {
        try (var c = db.getConnection(); var rs = c.createStatement().executeQuery("select count(*) from users")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
