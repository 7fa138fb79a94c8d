package org.praxis.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.praxis.http.json.Json;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A stop lets the request in flight finish and answer, and takes no new connections meanwhile. */
class GracefulStopTest {

    @Test
    void aRequestInFlightIsAnsweredBeforeTheServerStops() throws Exception {
        var entered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        FeatureRoutes slow = routes -> routes.get("/slow", ctx -> {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            ctx.result("done");
        });
        var http = HttpApi.create(List.of(slow), new SimpleMeterRegistry(), new Json()).start(0);
        int port = http.port();
        var client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        assertEquals(1, http.inFlight());

        var stopping = CompletableFuture.runAsync(http::stop);
        // the port no longer takes connections (however late the stop starts on a loaded machine), and the
        // stop waits for the slow request
        awaitRefused(port);
        assertFalse(stopping.isDone(), "the stop waits for the request in flight");

        release.countDown();
        var response = inFlight.get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertEquals("done", response.body());
        stopping.get(10, TimeUnit.SECONDS);
        assertEquals(0, http.inFlight());
    }

    private static void awaitRefused(int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (var socket = new Socket("localhost", port)) {
                // still accepted: the connectors have not shut down yet
            } catch (ConnectException refused) {
                return;
            } catch (java.io.IOException other) {
                throw new AssertionError("neither accepted nor refused: " + other, other);
            }
            assertTrue(System.nanoTime() < deadline, "the port was still taking connections 10 s after the stop began");
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
