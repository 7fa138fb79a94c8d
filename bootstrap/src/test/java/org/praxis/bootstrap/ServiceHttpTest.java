package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.http.HttpApi;
import org.praxis.persistence.testing.FreshDatabase;

/** The whole service, wired as in production, on a real database and a random port. */
@ExtendWith(FreshDatabase.class)
class ServiceHttpTest {
    private static HttpApi http;
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start(DataSource dataSource) {
        http = Wiring.httpApi(dataSource, Metrics.registry()).start(0);
    }

    @AfterAll
    static void stop() {
        http.stop();
    }

    @Test
    void readyWhenTheDatabaseAnswers() throws Exception {
        var response = get("/health/ready");
        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"up\",\"checks\":{\"boards\":\"ready\",\"database\":\"up\"}}", response.body());
        assertEquals(200, get("/health/live").statusCode());
    }

    @Test
    void unknownPathsAreProblemJson404s() throws Exception {
        var response = get("/v1/no-such-thing");
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json;charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"status\":404"), response.body());
        assertTrue(response.body().contains("\"type\":\"/problems/not-found\""), response.body());
        assertTrue(response.body().contains("\"detail\":\"There is nothing at GET /v1/no-such-thing.\""), response.body());
    }

    @Test
    void malformedJsonIsAProblemJson400AndCreatesNothing() throws Exception {
        var request = HttpRequest.newBuilder(uri("/v1/accounts")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"ada\", ")).build();
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json;charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"type\":\"/problems/malformed-json\""), response.body());
        assertTrue(response.body().contains("\"status\":400"), response.body());
        assertEquals(404, get("/v1/users/ada").statusCode(), "no account was created");
    }

    @Test
    void aValueTheDatabaseCannotStoreIsA400OnAnyRoute() throws Exception {
        // the catalogue's tag filter reaches PostgreSQL, which refuses U+0000 (SQLSTATE 22021)
        var response = get("/v1/problems?tag=%00");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"type\":\"/problems/validation\""), response.body());
    }

    @Test
    void everyResponseCarriesARequestIdAndKeepsASaneOne() throws Exception {
        var request = HttpRequest.newBuilder(uri("/health/live")).header("X-Request-Id", "abc-123").build();
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals("abc-123", response.headers().firstValue("X-Request-Id").orElseThrow());

        var insane = HttpRequest.newBuilder(uri("/health/live")).header("X-Request-Id", "<script>").build();
        String generated = client.send(insane, HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(generated.matches("[0-9a-f-]{36}"), generated);
    }

    @Test
    void metricsCountRequestsByRouteTemplateAndStatus() throws Exception {
        get("/health/live");
        var metrics = get("/metrics").body();
        assertTrue(metrics.contains("http_server_requests_seconds_count{method=\"GET\",route=\"/health/live\",status=\"200\"}"), metrics);
        assertTrue(metrics.contains("hikaricp_connections_max") || metrics.contains("jvm_memory_used_bytes"), metrics);
        assertTrue(metrics.contains("jvm_memory_used_bytes"));
    }

    @Test
    void theOpenApiDocumentIsServed() throws Exception {
        var response = get("/openapi.json");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("{\"openapi\":\"3.1.0\""), response.body());
    }

    @Test
    void everyRegisteredRouteIsDocumentedAndEveryDocumentedRouteExists() {
        var documented = org.praxis.http.operations.OpenApiDocument.load().operations();
        var registered = new java.util.TreeSet<String>();
        for (String route : http.routes()) {
            int space = route.indexOf(' ');
            registered.add(route.substring(0, space) + " " + route.substring(space + 1));
        }
        assertEquals(new java.util.TreeSet<>(documented), registered);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + http.port() + path);
    }
}
