package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.bootstrap.AccessMatrixTest.Who;
import org.praxis.domain.identity.Role;
import org.praxis.http.operations.OpenApiDocument;
import org.praxis.persistence.testing.FreshDatabase;

/**
 * Every route of the OpenAPI document that {@link AccessMatrixTest} (identity) does not call: operations,
 * catalogue, authoring, learning and boards, as anonymous, a learner (ada), another learner (bob, on
 * ada's things), an author and an admin. Calls that change state work on a thing made for that call,
 * so the order of the calls cannot change an answer. {@link #theTwoMatricesCoverEveryDocumentedRoute}
 * fails when a route is documented without an entry in either matrix.
 */
@ExtendWith(FreshDatabase.class)
class LearningAccessMatrixTest {
    private static final OpenApiResponses RESPONSES = responses();

    private static OpenApiResponses responses() {
        try {
            return OpenApiResponses.fromClasspath();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static IdentityFixture app;
    private static IdentityFixture.User ada;
    private static IdentityFixture.User bob;
    private static IdentityFixture.User author;
    private static IdentityFixture.User admin;
    private static String adaSubmission;

    @BeforeAll
    static void start(DataSource dataSource) throws Exception {
        app = new IdentityFixture(dataSource);
        LearningFixture.syncContent(dataSource, app, "/learning-content");
        ada = app.register(app.uniqueName("ada"));
        bob = app.register(app.uniqueName("bob"));
        author = app.registerWithRole(app.uniqueName("author"), Role.AUTHOR);
        admin = app.registerWithRole(app.uniqueName("admin"), Role.ADMIN);
        var submitted = app.call("POST", "/v1/problems/one-plus-one/submissions", ada.token(), Map.of("answer", "2"));
        assertEquals(201, submitted.statusCode(), submitted.body());
        adaSubmission = IdentityFixture.json(submitted).get("id").asText();
        draft("a-draft");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String token(Who who) {
        return switch (who) {
            case ANONYMOUS -> null;
            case LEARNER -> ada.token();
            case OTHER_LEARNER -> bob.token();
            case AUTHOR -> author.token();
            case ADMIN -> admin.token();
        };
    }

    interface Call {
        int status(Who who) throws Exception;
    }

    /** {@code operation} is the document's "METHOD /path"; {@code label} says which thing is at stake. */
    record Row(String operation, String label, Call call, int anonymous, int learner, int other, int author, int admin) {
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

    private static int status(String method, String path, Who who, Object body) throws Exception {
        var response = app.call(method, path, token(who), body);
        // every answer also matches the document: status, content type and body schema
        assertEquals(List.of(), RESPONSES.mismatches(method, java.util.Objects.requireNonNullElse(RESPONSES.template(method, path), path), response.statusCode(),
                response.headers().firstValue("Content-Type"), response.body()), method + " " + path + ": " + response.body());
        return response.statusCode();
    }

    private static final Map<String, Object> PROBLEM = Map.of("title", "A draft", "kind", "answer", "difficulty", "beginner",
            "topic", "sums", "statement", "What is one?", "answer", Map.of("accepted", List.of("1")));

    private static int counter;

    /** A new problem draft (as the admin), so each state-changing call has its own. */
    private static String draft(String slug) throws Exception {
        var saved = app.call("PUT", "/v1/authoring/problems/" + slug, admin.token(), PROBLEM);
        assertEquals(201, saved.statusCode(), saved.body());
        return slug;
    }

    private static String fresh(String base) {
        return base + "-" + (++counter);
    }

    private static String adminDoes(String method, String path, Object body, int expected) throws Exception {
        var response = app.call(method, path, admin.token(), body);
        assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
        return path;
    }

    private static String published(String base) throws Exception {
        String slug = draft(fresh(base));
        adminDoes("POST", "/v1/authoring/problems/" + slug + "/publish", null, 200);
        return slug;
    }

    private static Map<String, Object> track(String problem) {
        return Map.of("title", "A track", "modules", List.of(Map.of("slug", fresh("module"), "title", "A module",
                "lessons", List.of(Map.of("slug", fresh("lesson"), "title", "A lesson", "problems", List.of(problem))))));
    }

    private static String trackDraft(String base) throws Exception {
        String slug = fresh(base);
        adminDoes("PUT", "/v1/authoring/tracks/" + slug, track(published("in-" + slug)), 201);
        return slug;
    }

    static List<Row> rows() {
        final int ok = 200;
        return List.of(
                new Row("GET /health/live", "", w -> status("GET", "/health/live", w, null), ok, ok, ok, ok, ok),
                new Row("GET /health/ready", "", w -> status("GET", "/health/ready", w, null), ok, ok, ok, ok, ok),
                new Row("GET /metrics", "", w -> status("GET", "/metrics", w, null), ok, ok, ok, ok, ok),
                new Row("GET /openapi.json", "", w -> status("GET", "/openapi.json", w, null), ok, ok, ok, ok, ok),
                new Row("GET /v1/topics", "", w -> status("GET", "/v1/topics", w, null), ok, ok, ok, ok, ok),
                new Row("GET /v1/tracks", "", w -> status("GET", "/v1/tracks", w, null), ok, ok, ok, ok, ok),
                new Row("GET /v1/tracks/{slug}", "published", w -> status("GET", "/v1/tracks/sums-track", w, null), ok, ok, ok, ok, ok),
                new Row("GET /v1/problems", "", w -> status("GET", "/v1/problems", w, null), ok, ok, ok, ok, ok),
                new Row("GET /v1/problems/{slug}", "published", w -> status("GET", "/v1/problems/one-plus-one", w, null), ok, ok, ok, ok, ok),
                new Row("GET /v1/problems/{slug}", "a draft", w -> status("GET", "/v1/problems/a-draft", w, null), 404, 404, 404, 404, 404),
                new Row("GET /v1/authoring/problems", "", w -> status("GET", "/v1/authoring/problems", w, null), 401, 403, 403, ok, ok),
                new Row("PUT /v1/authoring/problems/{slug}", "new", w -> status("PUT", "/v1/authoring/problems/" + fresh("new"), w, PROBLEM),
                        401, 403, 403, 201, 201),
                new Row("GET /v1/authoring/problems/{slug}", "a draft", w -> status("GET", "/v1/authoring/problems/a-draft", w, null),
                        401, 403, 403, ok, ok),
                new Row("GET /v1/authoring/problems/{slug}", "missing", w -> status("GET", "/v1/authoring/problems/no-such", w, null),
                        401, 403, 403, 404, 404),
                new Row("GET /v1/authoring/problems/{slug}/preview", "a draft",
                        w -> status("GET", "/v1/authoring/problems/a-draft/preview", w, null), 401, 403, 403, ok, ok),
                new Row("POST /v1/authoring/problems/{slug}/publish", "its own draft",
                        w -> status("POST", "/v1/authoring/problems/" + draft(fresh("publish")) + "/publish", w, null), 401, 403, 403, ok, ok),
                new Row("POST /v1/authoring/problems/{slug}/archive", "its own draft",
                        w -> status("POST", "/v1/authoring/problems/" + draft(fresh("archive")) + "/archive", w, null), 401, 403, 403, ok, ok),
                new Row("POST /v1/authoring/problems/{slug}/restore", "its own archived problem", w -> {
                    String slug = draft(fresh("restore"));
                    adminDoes("POST", "/v1/authoring/problems/" + slug + "/archive", null, ok);
                    return status("POST", "/v1/authoring/problems/" + slug + "/restore", w, null);
                }, 401, 403, 403, ok, ok),
                new Row("GET /v1/authoring/problems/{slug}/versions", "a draft",
                        w -> status("GET", "/v1/authoring/problems/a-draft/versions", w, null), 401, 403, 403, ok, ok),
                new Row("POST /v1/authoring/problems/{slug}/rollback", "its own problem at version 2", w -> {
                    String slug = published("rollback");
                    var changed = new java.util.HashMap<>(PROBLEM);
                    changed.put("title", "Changed");
                    adminDoes("PUT", "/v1/authoring/problems/" + slug, changed, ok);
                    adminDoes("POST", "/v1/authoring/problems/" + slug + "/publish", null, ok);
                    return status("POST", "/v1/authoring/problems/" + slug + "/rollback", w, Map.of("version", 1));
                }, 401, 403, 403, ok, ok),
                new Row("GET /v1/authoring/tracks", "", w -> status("GET", "/v1/authoring/tracks", w, null), 401, 403, 403, ok, ok),
                new Row("PUT /v1/authoring/tracks/{slug}", "new", w -> status("PUT", "/v1/authoring/tracks/" + fresh("track"), w,
                        track("one-plus-one")), 401, 403, 403, 201, 201),
                new Row("GET /v1/authoring/tracks/{slug}", "synced", w -> status("GET", "/v1/authoring/tracks/sums-track", w, null),
                        401, 403, 403, ok, ok),
                new Row("POST /v1/authoring/tracks/{slug}/publish", "its own draft",
                        w -> status("POST", "/v1/authoring/tracks/" + trackDraft("tpublish") + "/publish", w, null), 401, 403, 403, ok, ok),
                new Row("POST /v1/authoring/tracks/{slug}/archive", "its own draft",
                        w -> status("POST", "/v1/authoring/tracks/" + trackDraft("tarchive") + "/archive", w, null), 401, 403, 403, ok, ok),
                new Row("POST /v1/authoring/tracks/{slug}/restore", "its own archived track", w -> {
                    String slug = trackDraft("trestore");
                    adminDoes("POST", "/v1/authoring/tracks/" + slug + "/archive", null, ok);
                    return status("POST", "/v1/authoring/tracks/" + slug + "/restore", w, null);
                }, 401, 403, 403, ok, ok),
                new Row("POST /v1/tracks/{slug}/enrolment", "published, first time for each caller",
                        w -> status("POST", "/v1/tracks/sums-track/enrolment", w, null), 401, 201, 201, 201, 201),
                new Row("POST /v1/problems/{slug}/session", "published", w -> status("POST", "/v1/problems/two-plus-two/session", w, null),
                        401, ok, ok, ok, ok),
                new Row("POST /v1/problems/{slug}/session", "a draft", w -> status("POST", "/v1/problems/a-draft/session", w, null),
                        401, 404, 404, 404, 404),
                new Row("POST /v1/problems/{slug}/hints/{n}", "published", w -> status("POST", "/v1/problems/two-plus-two/hints/1", w, null),
                        401, ok, ok, ok, ok),
                new Row("POST /v1/problems/{slug}/submissions", "published", w -> status("POST", "/v1/problems/two-plus-two/submissions", w,
                        Map.of("answer", "5")), 401, 201, 201, 201, 201),
                new Row("POST /v1/problems/{slug}/submissions", "a draft", w -> status("POST", "/v1/problems/a-draft/submissions", w,
                        Map.of("answer", "1")), 401, 404, 404, 404, 404),
                new Row("GET /v1/submissions/{id}", "ada's", w -> status("GET", "/v1/submissions/" + adaSubmission, w, null),
                        401, ok, 404, 404, 404),
                new Row("GET /v1/grading-jobs/{id}", "unknown", w -> status("GET", "/v1/grading-jobs/" + java.util.UUID.randomUUID(), w, null),
                        401, 404, 404, 404, 404),
                new Row("GET /v1/leaderboards/{board}", "global", w -> status("GET", "/v1/leaderboards/global", w, null), ok, ok, ok, ok, ok),
                new Row("GET /v1/leaderboards/{board}/me", "weekly", w -> status("GET", "/v1/leaderboards/weekly/me", w, null),
                        401, ok, ok, ok, ok),
                new Row("GET /v1/problems/{slug}/leaderboard", "published",
                        w -> status("GET", "/v1/problems/one-plus-one/leaderboard", w, null), ok, ok, ok, ok, ok),
                new Row("GET /v1/problems/{slug}/leaderboard", "a draft",
                        w -> status("GET", "/v1/problems/a-draft/leaderboard", w, null), 404, 404, 404, 404, 404),
                new Row("GET /v1/topics/{slug}/leaderboard", "", w -> status("GET", "/v1/topics/sums/leaderboard", w, null), ok, ok, ok, ok, ok));
    }

    @TestFactory
    List<DynamicTest> everyOtherRouteAnswersEachKindOfCallerAsRuled() {
        var tests = new ArrayList<DynamicTest>();
        for (var row : rows()) {
            for (var who : Who.values()) {
                String name = row.operation() + (row.label().isEmpty() ? "" : " {" + row.label() + "}") + " as " + who;
                tests.add(DynamicTest.dynamicTest(name, () -> assertEquals(row.expected(who), row.call().status(who), name)));
            }
        }
        return tests;
    }

    @Test
    void theTwoMatricesCoverEveryDocumentedRoute() {
        var missing = new TreeSet<>(OpenApiDocument.load().operations());
        missing.removeAll(AccessMatrixTest.coveredOperations());
        rows().forEach(row -> missing.remove(row.operation()));
        assertEquals(new TreeSet<String>(), missing, "documented routes without an entry in an access matrix");
    }
}
