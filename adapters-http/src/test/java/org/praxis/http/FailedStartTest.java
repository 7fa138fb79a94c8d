package org.praxis.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.praxis.http.json.Json;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A server that cannot start closes the resources it was handed: they were started with the routes
 * (a board follower, a listener), and a caller that catches the failure has no server to stop them with.
 */
class FailedStartTest {

    @Test
    void aTakenPortClosesEveryResourceOnce() throws Exception {
        var closed = new AtomicInteger();
        var failing = new AtomicInteger();
        try (var taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            var http = HttpApi.create(List.of(), new SimpleMeterRegistry(), new Json())
                    .closing(closed::incrementAndGet)
                    .closing(() -> {
                        failing.incrementAndGet();
                        throw new IllegalStateException("a resource that fails to close");
                    })
                    .closing(closed::incrementAndGet);

            assertThrows(RuntimeException.class, () -> http.start(taken.getLocalPort()));

            // one failing resource does not keep the others open
            assertEquals(2, closed.get());
            assertEquals(1, failing.get());
        }
    }
}
