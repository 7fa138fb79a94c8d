package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.praxis.http.HttpApi;
import org.praxis.persistence.common.Migrations;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database goes away and comes back: meanwhile every route answers 503 problem+json with
 * Retry-After (reads outside a transaction included) and readiness is 503; afterwards the same
 * process serves again without a restart.
 */
class DatabaseOutageTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void anOutageIsA503WithRetryAfterAndTheServiceRecoversByItself(@TempDir Path data) throws Exception {
        var postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        int port = postgres.getPort();
        var config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(1_000);
        config.setValidationTimeout(500);
        HttpApi http = null;
        var pool = new HikariDataSource(config);
        try {
            Migrations.migrate(pool);
            // one learner on the global board before the service starts: its index loads them
            try (var c = pool.getConnection(); var s = c.createStatement()) {
                s.execute("insert into users (id, username, display_name, created_at, updated_at) values "
                        + "('00000000-0000-0000-0000-00000000000a', 'ada', 'Ada', now(), now())");
                s.execute("insert into learner_states (user_id, points, streak_longest, submissions, updated_at) values "
                        + "('00000000-0000-0000-0000-00000000000a', 40, 2, 3, now())");
            }
            http = Wiring.httpApi(pool, Metrics.registry()).start(0);
            assertEquals(200, get(http, "/health/ready").statusCode());

            postgres.close();
            var ready = get(http, "/health/ready");
            assertEquals(503, ready.statusCode());
            assertEquals("5", ready.headers().firstValue("Retry-After").orElseThrow());
            for (String path : new String[] {"/v1/tracks", "/v1/problems/anything", "/v1/leaderboards/weekly"}) {
                var response = get(http, path);
                assertEquals(503, response.statusCode(), path + ": " + response.body());
                assertEquals("5", response.headers().firstValue("Retry-After").orElseThrow());
                assertTrue(response.body().contains("\"type\":\"/problems/unavailable\""), response.body());
                assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
            }

            // the global board is held in memory: it keeps answering as of the last poll before the outage
            var board = get(http, "/v1/leaderboards/global");
            assertEquals(200, board.statusCode(), board.body());
            assertEquals("{\"board\":\"global\",\"total\":1,\"items\":[{\"rank\":1,\"username\":\"ada\",\"displayName\":\"Ada\","
                    + "\"score\":40,\"longestStreak\":2}]}", board.body());

            postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int status = 0;
            while (System.nanoTime() < deadline && (status = get(http, "/health/ready").statusCode()) != 200) {
                Thread.onSpinWait();
            }
            assertEquals(200, status, "ready again without a restart");
            assertEquals(200, get(http, "/v1/tracks").statusCode());
        } finally {
            // the server's background work (the board follower) stops before the pool it uses closes
            if (http != null) {
                http.stop();
            }
            pool.close();
            postgres.close();
        }
    }

    private HttpResponse<String> get(HttpApi http, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + http.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
