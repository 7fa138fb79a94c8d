package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.bootstrap.IdentityFixture.PASSWORD;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.application.identity.port.out.Mailer;
import org.praxis.domain.identity.Role;
import org.praxis.persistence.testing.FreshDatabase;

/**
 * Every identity route called as anonymous, a learner, another learner, an author and an admin, each on
 * a fresh cast of users (so one call's effect cannot change the next), checking each status. "Another
 * learner" acts on the first learner's things wherever a route names someone's thing.
 */
@ExtendWith(FreshDatabase.class)
class AccessMatrixTest {
    private static final OpenApiResponses RESPONSES = responses();

    private static OpenApiResponses responses() {
        try {
            return OpenApiResponses.fromClasspath();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static IdentityFixture app;

    @BeforeAll
    static void start(DataSource dataSource) {
        app = new IdentityFixture(dataSource);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    enum Who { ANONYMOUS, LEARNER, OTHER_LEARNER, AUTHOR, ADMIN }

    /** The cast: ada (the learner whose things are at stake), bob, an author and an admin. */
    record Cast(IdentityFixture.User ada, IdentityFixture.User bob, IdentityFixture.User author, IdentityFixture.User admin) {
        String token(Who who) {
            return switch (who) {
                case ANONYMOUS -> null;
                case LEARNER -> ada.token();
                case OTHER_LEARNER -> bob.token();
                case AUTHOR -> author.token();
                case ADMIN -> admin.token();
            };
        }

        IdentityFixture.User user(Who who) {
            return switch (who) {
                case ANONYMOUS, LEARNER -> ada;
                case OTHER_LEARNER -> bob;
                case AUTHOR -> author;
                case ADMIN -> admin;
            };
        }
    }

    interface Call {
        int status(Cast cast, Who who) throws Exception;
    }

    record Row(String route, Call call, int anonymous, int learner, int other, int author, int admin) {
        int expected(Who who) {
            return switch (who) {
                case ANONYMOUS -> anonymous;
                case LEARNER -> learner;
                case OTHER_LEARNER -> other;
                case AUTHOR -> author;
                case ADMIN -> admin;
            };
        }
    }

    private static Cast cast() throws Exception {
        return new Cast(app.register(app.uniqueName("ada")), app.register(app.uniqueName("bob")),
                app.registerWithRole(app.uniqueName("author"), Role.AUTHOR), app.registerWithRole(app.uniqueName("admin"), Role.ADMIN));
    }

    private static int status(String method, String path, String token, Object body) throws Exception {
        var response = app.call(method, path, token, body);
        // every answer also matches the document: status, content type and body schema
        assertEquals(List.of(), RESPONSES.mismatches(method, java.util.Objects.requireNonNullElse(RESPONSES.template(method, path), path), response.statusCode(),
                response.headers().firstValue("Content-Type"), response.body()), method + " " + path + ": " + response.body());
        return response.statusCode();
    }

    private static String adaSessionId(Cast c) throws Exception {
        String second = app.signIn(c.ada().username(), PASSWORD);
        for (var item : IdentityFixture.json(app.call("GET", "/v1/sessions", second, null)).get("items")) {
            if (item.get("current").asBoolean()) {
                return item.get("id").asText();
            }
        }
        throw new AssertionError("no current session");
    }

    static List<Row> rows() {
        return List.of(
                new Row("POST /v1/accounts", (c, w) -> status("POST", "/v1/accounts", c.token(w), Map.of(
                        "username", app.uniqueName("new"), "email", app.uniqueName("new") + "@example.org", "password", PASSWORD)),
                        201, 201, 201, 201, 201),
                new Row("POST /v1/sessions", (c, w) -> status("POST", "/v1/sessions", c.token(w),
                        Map.of("login", c.user(w).username(), "password", PASSWORD)), 201, 201, 201, 201, 201),
                new Row("GET /v1/sessions", (c, w) -> status("GET", "/v1/sessions", c.token(w), null), 401, 200, 200, 200, 200),
                new Row("DELETE /v1/sessions/current", (c, w) -> status("DELETE", "/v1/sessions/current", c.token(w), null),
                        401, 204, 204, 204, 204),
                new Row("DELETE /v1/sessions/{ada's}", (c, w) -> status("DELETE", "/v1/sessions/" + adaSessionId(c), c.token(w), null),
                        401, 204, 404, 404, 404),
                new Row("GET /v1/me", (c, w) -> status("GET", "/v1/me", c.token(w), null), 401, 200, 200, 200, 200),
                new Row("PATCH /v1/me", (c, w) -> status("PATCH", "/v1/me", c.token(w), Map.of("bio", "hello")), 401, 200, 200, 200, 200),
                new Row("DELETE /v1/me", (c, w) -> status("DELETE", "/v1/me", c.token(w), null), 401, 204, 204, 204, 204),
                new Row("GET /v1/me/export", (c, w) -> status("GET", "/v1/me/export", c.token(w), null), 401, 200, 200, 200, 200),
                new Row("GET /v1/me/submissions", (c, w) -> status("GET", "/v1/me/submissions", c.token(w), null), 401, 200, 200, 200, 200),
                new Row("GET /v1/me/dashboard", (c, w) -> status("GET", "/v1/me/dashboard", c.token(w), null), 401, 200, 200, 200, 200),
                new Row("GET /v1/me/reviews/due", (c, w) -> status("GET", "/v1/me/reviews/due", c.token(w), null), 401, 200, 200, 200, 200),
                new Row("PUT /v1/me/password", (c, w) -> status("PUT", "/v1/me/password", c.token(w),
                        Map.of("currentPassword", PASSWORD, "newPassword", "a changed password")), 401, 204, 204, 204, 204),
                new Row("POST /v1/me/email-verification", (c, w) -> status("POST", "/v1/me/email-verification", c.token(w), null),
                        401, 202, 202, 202, 202),
                new Row("GET /v1/me/identities", (c, w) -> status("GET", "/v1/me/identities", c.token(w), null), 401, 200, 200, 200, 200),
                new Row("POST /v1/me/identities", (c, w) -> status("POST", "/v1/me/identities", c.token(w),
                        Map.of("token", app.acme.token(app.uniqueName("sub"), app.clock.instant(), Map.of()))), 401, 201, 201, 201, 201),
                new Row("POST /v1/email-verifications {ada's token}", (c, w) -> status("POST", "/v1/email-verifications", c.token(w),
                        Map.of("token", app.lastToken(Mailer.Kind.EMAIL_VERIFICATION, c.ada().email()))), 204, 204, 204, 204, 204),
                new Row("POST /v1/password-resets", (c, w) -> status("POST", "/v1/password-resets", c.token(w),
                        Map.of("email", c.ada().email())), 202, 202, 202, 202, 202),
                new Row("POST /v1/password-resets/complete {ada's token}", (c, w) -> {
                    app.call("POST", "/v1/password-resets", null, Map.of("email", c.ada().email()));
                    return status("POST", "/v1/password-resets/complete", c.token(w), Map.of("token",
                            app.lastToken(Mailer.Kind.PASSWORD_RESET, c.ada().email()), "newPassword", "a reset password"));
                }, 204, 204, 204, 204, 204),
                new Row("GET /v1/users/{ada}", (c, w) -> status("GET", "/v1/users/" + c.ada().username(), c.token(w), null),
                        200, 200, 200, 200, 200),
                new Row("PATCH /v1/users/{ada}", (c, w) -> status("PATCH", "/v1/users/" + c.ada().username(), c.token(w),
                        Map.of("role", "author")), 401, 403, 403, 403, 200));
    }

    @TestFactory
    List<DynamicTest> everyIdentityRouteAnswersEachKindOfCallerAsRuled() {
        var tests = new ArrayList<DynamicTest>();
        for (var row : rows()) {
            for (var who : Who.values()) {
                tests.add(DynamicTest.dynamicTest(row.route() + " as " + who, () ->
                        assertEquals(row.expected(who), row.call().status(cast(), who), row.route() + " as " + who)));
            }
        }
        return tests;
    }

    /** The documented operations ("GET /v1/me") this matrix calls; {@link LearningAccessMatrixTest} checks the union covers the document. */
    static List<String> coveredOperations() {
        return rows().stream().map(r -> r.route().replaceAll(" \\{.*'s( token)?\\}$", "").replace("{ada's}", "{id}")
                .replace("{ada}", "{username}")).toList();
    }

    @TestFactory
    List<DynamicTest> theMatrixCoversEveryDocumentedIdentityRoute() {
        var documented = org.praxis.http.operations.OpenApiDocument.load().operations().stream()
                .filter(op -> op.contains(" /v1/accounts") || op.contains(" /v1/sessions") || op.contains(" /v1/me")
                        || op.contains(" /v1/email-verifications") || op.contains(" /v1/password-resets") || op.contains(" /v1/users/"))
                .toList();
        var covered = coveredOperations();
        return documented.stream().map(op -> DynamicTest.dynamicTest(op, () ->
                assertEquals(true, covered.contains(op), op + " is not in the access matrix"))).toList();
    }
}
