package org.praxis.bootstrap;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.praxis.application.identity.IdentitySettings;
import org.praxis.application.identity.port.out.Mailer;
import org.praxis.application.identity.testing.RecordingMailer;
import org.praxis.application.identity.testing.TestClock;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.identity.Role;
import org.praxis.http.HttpApi;
import org.praxis.persistence.identity.BearerCache;
import org.praxis.security.identity.Argon2Parameters;
import org.praxis.security.identity.testing.TestIdentityProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The whole service as production wires it, on a test database and a random port, with a clock the test
 * moves, mail kept in memory, cheap argon2 parameters (configuration, not another code path), and a test
 * identity provider ("acme") serving its JWKS over local HTTP.
 */
public final class IdentityFixture implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery";
    private static final ObjectMapper JSON = new ObjectMapper();

    public final TestClock clock = new TestClock();
    public final RecordingMailer mailer = new RecordingMailer();
    public final TestIdentityProvider acme = new TestIdentityProvider("acme");
    public final Wiring.IdentityConfig config;
    /** The services the HTTP routes use (their bearer cache included). */
    public final Wiring.Identity identity;
    public final HttpApi http;
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger addresses = new AtomicInteger();
    private final AtomicInteger names = new AtomicInteger();

    public IdentityFixture(DataSource dataSource) {
        this(dataSource, GradingSettings.defaults());
    }

    /** With grading jobs configured by {@code grading} (PR6). */
    public IdentityFixture(DataSource dataSource, GradingSettings grading) {
        config = new Wiring.IdentityConfig(clock, new Argon2Parameters(1024, 1, 1),
                IdentitySettings.defaults("https://app.example.org"), mailer, List.of(acme.settings()), true);
        identity = Wiring.identity(dataSource, config);
        http = Wiring.httpApi(dataSource, Metrics.registry(), identity, config, grading).start(0);
    }

    /**
     * Waits until the bearer cache answers checks, i.e. its listener has subscribed: before that every check
     * goes to the database, which tests counting round trips must not depend on.
     */
    public static void awaitServing(BearerCache bearers) {
        org.praxis.persistence.testing.Eventually.waitFor("the bearer cache's listener to subscribe", bearers::serving);
    }

    @Override
    public void close() {
        http.stop();
        acme.close();
    }

    /** A user name nobody has yet in this database. */
    public String uniqueName(String base) {
        return base + names.incrementAndGet();
    }

    /** A new client address, so tests do not share the per-address throttle by accident. */
    public String newAddress() {
        int n = addresses.incrementAndGet();
        return "10.0." + (n / 250) + "." + (n % 250 + 1);
    }

    public record User(String username, String email, String token, String id) {
    }

    public User register(String username) throws Exception {
        var response = call("POST", "/v1/accounts", null, Map.of("username", username, "email", username + "@example.org",
                "password", PASSWORD));
        if (response.statusCode() != 201) {
            throw new AssertionError(response.body());
        }
        String id = json(response).get("id").asText();
        return new User(username, username + "@example.org", signIn(username, PASSWORD), id);
    }

    public User registerWithRole(String username, Role role) throws Exception {
        var user = register(username);
        if (role != Role.LEARNER) {
            identity.accounts().change(Actor.OPERATOR, username, Optional.of(role), Optional.empty());
        }
        return user;
    }

    public String signIn(String login, String password) throws Exception {
        var response = call("POST", "/v1/sessions", null, Map.of("login", login, "password", password));
        if (response.statusCode() != 201) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
        return json(response).get("token").asText();
    }

    public String lastToken(Mailer.Kind kind, String email) {
        return mailer.lastToken(kind, email).orElseThrow();
    }

    public HttpResponse<String> call(String method, String path, String token, Object body) throws Exception {
        return call(method, path, token, body, newAddress());
    }

    public HttpResponse<String> call(String method, String path, String token, Object body, String clientAddress)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + http.port() + path))
                .header("X-Forwarded-For", clientAddress);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        if (text != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
