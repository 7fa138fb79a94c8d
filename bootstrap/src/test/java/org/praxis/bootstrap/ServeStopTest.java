package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.praxis.bootstrap.tools.ServiceProcess;

/**
 * {@code serve} on its embedded PostgreSQL, stopped (SIGTERM) while requests that read the database are
 * in flight: each is answered as usual (the server stops after them, not at once with the JVM's other
 * shutdown hooks), its access line is written out, and the stop ends with "stopped".
 */
class ServeStopTest {

    @Test
    void aStopUnderLoadAnswersEveryRequestInFlightWithTheDatabaseStillUp(@TempDir Path folder) throws Exception {
        var log = folder.resolve("serve.log");
        var service = ServiceProcess.started("serve", Map.of("PRAXIS_DATA_DIR", folder.resolve("data").toString(),
                "LOG_LEVEL", "INFO"),
                // the service's own logging configuration, not the tests' (which leave out the access log)
                List.of("-Xmx256m", "-Dlogback.configurationFile=logback.xml"), log, Duration.ofSeconds(90));
        var answered = new ConcurrentHashMap<String, Integer>();
        var sent = new AtomicInteger();
        var loading = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            for (int c = 0; c < 4; c++) {
                clients.submit(() -> {
                    var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                    while (loading.get()) {
                        String id = "stop-" + sent.incrementAndGet();
                        // /health/ready asks the database each time: 503 when it is gone
                        var request = HttpRequest.newBuilder(service.uri("/health/ready")).header("X-Request-Id", id)
                                .timeout(Duration.ofSeconds(20)).build();
                        try {
                            answered.put(id, client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
                        } catch (IOException e) {
                            // refused or closed once the stop began: not answered, not counted
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return null;
                        }
                    }
                    return null;
                });
            }
            long began = System.nanoTime();
            while (answered.size() < 200 && System.nanoTime() - began < TimeUnit.SECONDS.toNanos(30)) {
                Thread.sleep(10);
            }
            service.stop(Duration.ofSeconds(30));
        } finally {
            loading.set(false);
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.SECONDS);
            service.close();
        }

        assertTrue(answered.size() >= 200, "answered before and during the stop: " + answered.size());
        var notOk = answered.entrySet().stream().filter(e -> e.getValue() != 200).toList();
        assertEquals(List.of(), notOk, "every request answered, with the database up until the last");
        String output = Files.readString(log);
        for (String id : answered.keySet()) {
            assertTrue(output.contains("\"requestId\":\"" + id + "\""), "access line of " + id + " written out");
        }
        assertFalse(output.contains("lost its database connection"), "no listener saw the database go first");
        assertTrue(output.contains("o.p.b.ServeCommand - stopped"), "the stop ran to its end");
        assertFalse(Files.exists(folder.resolve("data").resolve("pgdata").resolve("postmaster.pid")),
                "the embedded PostgreSQL stopped with it");
    }
}
