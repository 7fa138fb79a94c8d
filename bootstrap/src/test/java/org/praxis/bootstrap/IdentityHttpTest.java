package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.bootstrap.IdentityFixture.PASSWORD;
import static org.praxis.bootstrap.IdentityFixture.json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.application.identity.port.out.Mailer;
import org.praxis.domain.identity.Role;
import org.praxis.persistence.testing.FreshDatabase;

import com.fasterxml.jackson.databind.JsonNode;

/** Accounts, sessions, passwords, tokens and roles over real HTTP on PostgreSQL. */
@ExtendWith(FreshDatabase.class)
class IdentityHttpTest {
    private static IdentityFixture app;

    @BeforeAll
    static void start(DataSource dataSource) {
        app = new IdentityFixture(dataSource);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        return json(response);
    }

    private static List<String> fields(JsonNode problem) {
        var fields = new ArrayList<String>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void registrationAnswersTheContractShape() throws Exception {
        var response = app.call("POST", "/v1/accounts", null, Map.of("username", "Ada_L", "email", "ada.l@example.org",
                "password", PASSWORD, "displayName", "Ada Lovelace", "timeZone", "Europe/London"));
        assertEquals(201, response.statusCode(), response.body());
        var body = json(response);
        assertEquals(List.of("id", "username", "displayName", "timeZone", "role"), fieldNames(body));
        assertEquals("Ada_L", body.get("username").asText());
        assertEquals("Ada Lovelace", body.get("displayName").asText());
        assertEquals("Europe/London", body.get("timeZone").asText());
        assertEquals("learner", body.get("role").asText());
        assertEquals("/v1/users/Ada_L", response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void parallelFirstRequestsWithOneNewProviderTokenShareOneNewAccount() throws Exception {
        String token = app.acme.token("acme-parallel", app.clock.instant(), Map.of("preferred_username", "parallel"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var calls = new ArrayList<java.util.concurrent.Callable<HttpResponse<String>>>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> app.call("GET", "/v1/me", token, null));
        }
        var ids = new java.util.HashSet<String>();
        for (var future : pool.invokeAll(calls)) {
            var response = future.get();
            assertEquals(200, response.statusCode(), response.body());
            ids.add(json(response).get("id").asText());
        }
        pool.shutdown();
        assertEquals(1, ids.size(), "one learner, whichever request provisioned it");
    }

    @Test
    void takenNamesAndEmailsInAnotherCaseAre409() throws Exception {
        app.register("grace");
        var name = problem(app.call("POST", "/v1/accounts", null, Map.of("username", "GRACE", "email", "g2@example.org",
                "password", PASSWORD)), 409);
        assertEquals("/problems/username-taken", name.get("type").asText());
        var mail = problem(app.call("POST", "/v1/accounts", null, Map.of("username", "grace2", "email", "GRACE@EXAMPLE.ORG",
                "password", PASSWORD)), 409);
        assertEquals("/problems/email-taken", mail.get("type").asText());
    }

    @Test
    void registrationListsEveryUnknownFieldAndEveryBrokenRule() throws Exception {
        var unknown = problem(app.call("POST", "/v1/accounts", null, "{\"username\":\"mallory\",\"email\":\"m@example.org\","
                + "\"password\":\"correct horse battery\",\"role\":\"admin\",\"premium\":true}"), 400);
        assertEquals(List.of("role", "premium"), fields(unknown));
        var broken = problem(app.call("POST", "/v1/accounts", null, Map.of("username", "x", "email", "nope",
                "password", "short", "timeZone", "Mars/Base")), 400);
        assertEquals(List.of("username", "email", "password", "timeZone"), fields(broken));
        assertEquals("/problems/validation", broken.get("type").asText());
    }

    @Test
    void signInByUserNameOrEmailGivesATokenForMe() throws Exception {
        var alan = app.register("alan");
        var response = app.call("POST", "/v1/sessions", null, Map.of("login", "ALAN@example.org", "password", PASSWORD));
        assertEquals(201, response.statusCode());
        var session = json(response);
        assertEquals(List.of("token", "expiresAt"), fieldNames(session));
        assertEquals(app.clock.instant().plus(Duration.ofDays(30)).toString(), session.get("expiresAt").asText());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());

        var me = app.call("GET", "/v1/me", session.get("token").asText(), null);
        assertEquals(200, me.statusCode());
        var body = json(me);
        assertEquals(alan.id(), body.get("id").asText());
        assertEquals("alan", body.get("username").asText());
        assertEquals("alan@example.org", body.get("email").asText());
        assertEquals("UTC", body.get("timeZone").asText());
        assertEquals("learner", body.get("role").asText());
        assertFalse(body.get("premium").asBoolean());
        assertEquals("{\"points\":0,\"solved\":0,\"currentStreak\":0,\"longestStreak\":0,\"rank\":{\"name\":\"Beginner\",\"level\":1}}",
                body.get("stats").toString());
        assertTrue(fieldNames(body).containsAll(List.of("id", "username", "email", "displayName", "timeZone", "role", "premium", "stats")));
    }

    @Test
    void aWrongPasswordIsTheSameAnswerAsAnUnknownLogin() throws Exception {
        app.register("kurt");
        var wrong = problem(app.call("POST", "/v1/sessions", null, Map.of("login", "kurt", "password", "not the password")), 401);
        var unknown = problem(app.call("POST", "/v1/sessions", null, Map.of("login", "nobody-here", "password", "not the password")), 401);
        assertEquals(wrong.get("type"), unknown.get("type"));
        assertEquals(wrong.get("title"), unknown.get("title"));
        assertEquals(wrong.get("detail"), unknown.get("detail"));
        assertEquals("/problems/unauthenticated", wrong.get("type").asText());
    }

    @Test
    void repeatedFailuresAreThrottledWithGrowingDelaysPerLogin() throws Exception {
        app.register("emmy");
        for (int i = 0; i < 6; i++) {
            problem(app.call("POST", "/v1/sessions", null, Map.of("login", "emmy", "password", "wrong password " + i)), 401);
        }
        var locked = app.call("POST", "/v1/sessions", null, Map.of("login", "emmy", "password", PASSWORD));
        assertEquals("/problems/too-many-attempts", problem(locked, 429).get("type").asText());
        assertEquals("1", locked.headers().firstValue("Retry-After").orElseThrow());
        app.clock.advance(Duration.ofSeconds(1));
        problem(app.call("POST", "/v1/sessions", null, Map.of("login", "emmy", "password", "wrong again")), 401);
        var longer = app.call("POST", "/v1/sessions", null, Map.of("login", "EMMY", "password", PASSWORD));
        problem(longer, 429);
        assertEquals("2", longer.headers().firstValue("Retry-After").orElseThrow());
        app.clock.advance(Duration.ofSeconds(2));
        assertEquals(201, app.call("POST", "/v1/sessions", null, Map.of("login", "emmy", "password", PASSWORD)).statusCode());

        // an unknown login is throttled exactly alike: the answers reveal nothing
        for (int i = 0; i < 6; i++) {
            problem(app.call("POST", "/v1/sessions", null, Map.of("login", "ghost", "password", "wrong")), 401);
        }
        assertEquals("1", problem429(app.call("POST", "/v1/sessions", null, Map.of("login", "ghost", "password", "wrong"))));
    }

    private static String problem429(HttpResponse<String> response) throws Exception {
        problem(response, 429);
        return response.headers().firstValue("Retry-After").orElseThrow();
    }

    @Test
    void oneClientAddressIsThrottledAcrossLogins() throws Exception {
        var hilbert = app.register("hilbert");
        String address = app.newAddress();
        for (int i = 0; i < 21; i++) {
            problem(app.call("POST", "/v1/sessions", null, Map.of("login", "someone" + i, "password", "guess"), address), 401);
        }
        problem(app.call("POST", "/v1/sessions", null, Map.of("login", hilbert.username(), "password", PASSWORD), address), 429);
        assertEquals(201, app.call("POST", "/v1/sessions", null, Map.of("login", hilbert.username(), "password", PASSWORD),
                app.newAddress()).statusCode(), "another address is not affected");
    }

    @Test
    void tokensExpireAndSignOutRevokes() throws Exception {
        var ada = app.register(app.uniqueName("ada"));
        assertEquals(204, app.call("DELETE", "/v1/sessions/current", ada.token(), null).statusCode());
        problem(app.call("GET", "/v1/me", ada.token(), null), 401);

        String token = app.signIn(ada.username(), PASSWORD);
        app.clock.advance(Duration.ofDays(30));
        var expired = app.call("GET", "/v1/me", token, null);
        problem(expired, 401);
        assertEquals("Bearer", expired.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    void sessionsAreListedAndRevokedOnlyByTheirOwner() throws Exception {
        var ada = app.register(app.uniqueName("ada"));
        var bob = app.register(app.uniqueName("bob"));
        String second = app.signIn(ada.username(), PASSWORD);
        var list = json(app.call("GET", "/v1/sessions", ada.token(), null));
        assertEquals(2, list.get("items").size());
        assertTrue(list.get("nextCursor").isNull());
        String secondId = null;
        for (var item : list.get("items")) {
            if (!item.get("current").asBoolean()) {
                secondId = item.get("id").asText();
            }
        }
        problem(app.call("DELETE", "/v1/sessions/" + secondId, bob.token(), null), 404);
        problem(app.call("DELETE", "/v1/sessions/not-a-uuid", bob.token(), null), 404);
        assertEquals(204, app.call("DELETE", "/v1/sessions/" + secondId, ada.token(), null).statusCode());
        problem(app.call("GET", "/v1/me", second, null), 401);
        assertEquals(200, app.call("GET", "/v1/me", ada.token(), null).statusCode());
    }

    @Test
    void changingThePasswordEndsTheOtherSessions() throws Exception {
        var ada = app.register(app.uniqueName("ada"));
        String other = app.signIn(ada.username(), PASSWORD);
        var wrong = problem(app.call("PUT", "/v1/me/password", ada.token(),
                Map.of("currentPassword", "not it at all", "newPassword", "another long password")), 400);
        assertEquals(List.of("currentPassword"), fields(wrong));
        assertEquals(204, app.call("PUT", "/v1/me/password", ada.token(),
                Map.of("currentPassword", PASSWORD, "newPassword", "another long password")).statusCode());
        assertEquals(200, app.call("GET", "/v1/me", ada.token(), null).statusCode());
        problem(app.call("GET", "/v1/me", other, null), 401);
        problem(app.call("POST", "/v1/sessions", null, Map.of("login", ada.username(), "password", PASSWORD)), 401);
        app.signIn(ada.username(), "another long password");
    }

    @Test
    void verificationTokensWorkOnceAndExpire() throws Exception {
        var ada = app.register(app.uniqueName("ada"));
        String token = app.lastToken(Mailer.Kind.EMAIL_VERIFICATION, ada.email());
        assertFalse(json(app.call("GET", "/v1/me", ada.token(), null)).get("emailVerified").asBoolean());
        assertEquals(204, app.call("POST", "/v1/email-verifications", null, Map.of("token", token)).statusCode());
        assertTrue(json(app.call("GET", "/v1/me", ada.token(), null)).get("emailVerified").asBoolean());
        assertEquals(List.of("token"), fields(problem(app.call("POST", "/v1/email-verifications", null, Map.of("token", token)), 400)));

        var bob = app.register(app.uniqueName("bob"));
        assertEquals(202, app.call("POST", "/v1/me/email-verification", bob.token(), null).statusCode());
        String late = app.lastToken(Mailer.Kind.EMAIL_VERIFICATION, bob.email());
        app.clock.advance(Duration.ofHours(48));
        problem(app.call("POST", "/v1/email-verifications", null, Map.of("token", late)), 400);
    }

    @Test
    void resetTokensWorkOnceExpireAndEndEverySession() throws Exception {
        var ada = app.register(app.uniqueName("ada"));
        assertEquals(202, app.call("POST", "/v1/password-resets", null, Map.of("email", "no-such-user@example.org")).statusCode());
        assertEquals(202, app.call("POST", "/v1/password-resets", null, Map.of("email", ada.email())).statusCode());
        String token = app.lastToken(Mailer.Kind.PASSWORD_RESET, ada.email());
        assertTrue(app.mailer.sent().stream().anyMatch(m -> m.text().contains("https://app.example.org/reset-password?token=" + token)));
        assertEquals(204, app.call("POST", "/v1/password-resets/complete", null,
                Map.of("token", token, "newPassword", "a fresh long password")).statusCode());
        problem(app.call("GET", "/v1/me", ada.token(), null), 401);
        app.signIn(ada.username(), "a fresh long password");
        problem(app.call("POST", "/v1/password-resets/complete", null,
                Map.of("token", token, "newPassword", "yet another password")), 400);

        app.call("POST", "/v1/password-resets", null, Map.of("email", ada.email()));
        String late = app.lastToken(Mailer.Kind.PASSWORD_RESET, ada.email());
        app.clock.advance(Duration.ofHours(1));
        problem(app.call("POST", "/v1/password-resets/complete", null,
                Map.of("token", late, "newPassword", "yet another password")), 400);
    }

    @Test
    void profileEditsAcceptOnlyTheFourFieldsAndListEveryOtherOne() throws Exception {
        var ada = app.register(app.uniqueName("ada"));
        var ok = app.call("PATCH", "/v1/me", ada.token(), Map.of("displayName", "Ada", "timeZone", "Asia/Tokyo",
                "bio", "Notes on the engine.", "avatarUrl", "https://cdn.example.org/ada.png"));
        assertEquals(200, ok.statusCode(), ok.body());
        var me = json(ok);
        assertEquals("Asia/Tokyo", me.get("timeZone").asText());
        assertEquals("https://cdn.example.org/ada.png", me.get("avatarUrl").asText());

        var refused = problem(app.call("PATCH", "/v1/me", ada.token(),
                "{\"displayName\":\"Ada\",\"role\":\"admin\",\"premium\":true,\"id\":\"x\",\"stats\":{\"points\":1000}}"), 400);
        assertEquals(List.of("role", "premium", "id", "stats"), fields(refused));
        assertEquals("Ada", json(app.call("GET", "/v1/me", ada.token(), null)).get("displayName").asText());
        assertEquals("learner", json(app.call("GET", "/v1/me", ada.token(), null)).get("role").asText());

        var bad = new HashMap<String, Object>();
        bad.put("timeZone", null);
        bad.put("avatarUrl", "javascript:alert(1)");
        assertEquals(List.of("timeZone", "avatarUrl"), fields(problem(app.call("PATCH", "/v1/me", ada.token(), bad), 400)));
        var clear = new HashMap<String, Object>();
        clear.put("bio", null);
        assertTrue(json(app.call("PATCH", "/v1/me", ada.token(), clear)).get("bio").isNull());
    }

    @Test
    void publicProfilesNeverShowTheEmail() throws Exception {
        var ada = app.register(app.uniqueName("ada"));
        var response = app.call("GET", "/v1/users/" + ada.username().toUpperCase(), null, null);
        assertEquals(200, response.statusCode());
        assertFalse(response.body().contains("@example.org"), response.body());
        assertFalse(json(response).has("email"));
        assertEquals("Beginner", json(response).get("stats").get("rank").get("name").asText());
        problem(app.call("GET", "/v1/users/nobody-at-all", null, null), 404);
    }

    @Test
    void anExportHoldsMyDataAndDeletionRemovesIt() throws Exception {
        var ada = app.register(app.uniqueName("ada"));
        var export = app.call("GET", "/v1/me/export", ada.token(), null);
        assertEquals(200, export.statusCode());
        assertTrue(export.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment"));
        var body = json(export);
        assertEquals(ada.email(), body.get("account").get("email").asText());
        assertEquals(1, body.get("sessions").size());

        assertEquals(204, app.call("DELETE", "/v1/me", ada.token(), null).statusCode());
        problem(app.call("GET", "/v1/me", ada.token(), null), 401);
        problem(app.call("GET", "/v1/users/" + ada.username(), null, null), 404);
        app.register(ada.username()); // the name and address are free again
    }

    @Test
    void providerTokensProvisionALearnerOnceAndAreCheckedFully() throws Exception {
        var now = app.clock.instant();
        String token = app.acme.token("acme-user-1", now, Map.of("email", "turing@example.org", "email_verified", true,
                "preferred_username", "turing", "name", "Alan Turing"));
        var first = app.call("GET", "/v1/me", token, null);
        assertEquals(200, first.statusCode(), first.body());
        var me = json(first);
        assertEquals("turing", me.get("username").asText());
        assertEquals("turing@example.org", me.get("email").asText());
        assertTrue(me.get("emailVerified").asBoolean());
        assertEquals(me.get("id"), json(app.call("GET", "/v1/me", token, null)).get("id"), "the same learner next time");
        var identities = json(app.call("GET", "/v1/me/identities", token, null));
        assertEquals("acme", identities.get("items").get(0).get("provider").asText());
        assertEquals("acme-user-1", identities.get("items").get(0).get("subject").asText());

        assertTrue(problem(app.call("GET", "/v1/me", app.acme.expiredToken("acme-user-1", now), null), 401)
                .get("detail").asText().contains("expired"));
        assertTrue(problem(app.call("GET", "/v1/me", app.acme.tokenForAudience("acme-user-1", now, "another-app"), null), 401)
                .get("detail").asText().contains("audience"));
        assertTrue(problem(app.call("GET", "/v1/me", app.acme.tokenWithWrongSignature("acme-user-1", now), null), 401)
                .get("detail").asText().contains("signature"));
        assertTrue(problem(app.call("GET", "/v1/me", app.acme.tokenWithUnknownKeyId("acme-user-1", now), null), 401)
                .get("detail").asText().contains("key id"));
        app.clock.advance(Duration.ofMinutes(6));
        problem(app.call("GET", "/v1/me", token, null), 401);
    }

    @Test
    void aSecondIdentityLinksToMyAccountButNeverToSomeoneElses() throws Exception {
        var ada = app.register(app.uniqueName("ada"));
        var now = app.clock.instant();
        String subject = "acme-" + ada.username();
        var linked = app.call("POST", "/v1/me/identities", ada.token(), Map.of("token", app.acme.token(subject, now, Map.of())));
        assertEquals(201, linked.statusCode(), linked.body());
        assertEquals(200, app.call("POST", "/v1/me/identities", ada.token(),
                Map.of("token", app.acme.token(subject, now, Map.of()))).statusCode());
        assertEquals(ada.id(), json(app.call("GET", "/v1/me", app.acme.token(subject, now, Map.of()), null)).get("id").asText());

        var bob = app.register(app.uniqueName("bob"));
        assertEquals("/problems/identity-taken", problem(app.call("POST", "/v1/me/identities", bob.token(),
                Map.of("token", app.acme.token(subject, now, Map.of()))), 409).get("type").asText());
        assertEquals(List.of("token"), fields(problem(app.call("POST", "/v1/me/identities", bob.token(),
                Map.of("token", app.acme.expiredToken("x", now))), 400)));
    }

    @Test
    void onlyAdminsGrantRolesAndPremium() throws Exception {
        var root = app.registerWithRole(app.uniqueName("root"), Role.ADMIN);
        var author = app.registerWithRole(app.uniqueName("author"), Role.AUTHOR);
        var ada = app.register(app.uniqueName("ada"));
        var path = "/v1/users/" + ada.username();
        problem(app.call("PATCH", path, null, Map.of("role", "author")), 401);
        problem(app.call("PATCH", path, ada.token(), Map.of("role", "admin")), 403);
        problem(app.call("PATCH", path, author.token(), Map.of("role", "author")), 403);
        assertEquals(List.of("role"), fields(problem(app.call("PATCH", path, root.token(), Map.of("role", "owner")), 400)));
        var granted = app.call("PATCH", path, root.token(), Map.of("role", "author", "premium", true));
        assertEquals(200, granted.statusCode(), granted.body());
        assertEquals("{\"username\":\"" + ada.username() + "\",\"role\":\"author\",\"premium\":true}", granted.body());
        var me = json(app.call("GET", "/v1/me", ada.token(), null));
        assertEquals("author", me.get("role").asText(), "the existing token carries the new role at once");
        assertTrue(me.get("premium").asBoolean());
    }

    @Test
    void aMalformedAuthorizationHeaderIsRefusedNotIgnored() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + app.http.port() + "/v1/me"))
                .header("Authorization", "Basic YWRhOnNlY3JldA==").build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        problem(response, 401);
        problem(app.call("GET", "/v1/me", "garbage", null), 401);
        assertNotEquals(200, app.call("GET", "/v1/me", null, null).statusCode());
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
