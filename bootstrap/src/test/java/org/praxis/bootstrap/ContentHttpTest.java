package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.application.curriculum.port.in.SyncContentUseCase;
import org.praxis.application.grading.port.out.ReferenceSolutions;
import org.praxis.domain.identity.Role;
import org.praxis.persistence.testing.FreshDatabase;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The catalogue and the authoring API over real HTTP on PostgreSQL, the service wired as in production,
 * with the persistence tests' content folder synced first. Roles: authors and admins author; learners
 * get 403 and anonymous callers 401 on every authoring route, whatever the slug; drafts, archived
 * problems, solutions and hidden tests are never part of a catalogue answer.
 */
@ExtendWith(FreshDatabase.class)
class ContentHttpTest {
    private static IdentityFixture app;
    private static IdentityFixture.User author;
    private static IdentityFixture.User admin;
    private static IdentityFixture.User learner;

    @BeforeAll
    static void start(DataSource dataSource) throws Exception {
        try (var content = ContentWiring.content(dataSource, Clock.systemUTC(), false, ReferenceSolutions.none())) {
            var outcome = content.sync().sync(SyncContentUseCase.Command.of("classpath:content/valid", false));
            assertTrue(outcome instanceof SyncContentUseCase.Outcome.Synced, outcome.toString());
        }
        app = new IdentityFixture(dataSource);
        author = app.registerWithRole(app.uniqueName("author"), Role.AUTHOR);
        admin = app.registerWithRole(app.uniqueName("admin"), Role.ADMIN);
        learner = app.register(app.uniqueName("learner"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> call(String method, String path, IdentityFixture.User who, Object body) throws Exception {
        return app.call(method, path, who == null ? null : who.token(), body);
    }

    private static JsonNode ok(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        return IdentityFixture.json(response);
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> slugs(JsonNode items) {
        var slugs = new ArrayList<String>();
        items.forEach(item -> slugs.add(item.get("slug").asText()));
        return slugs;
    }

    /** An ordered map, so the JSON sent keeps this order. */
    private static Map<String, Object> map(Object... keysAndValues) {
        var map = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The API's example problem document (kind answer, with the {@code answer} shorthand). */
    private static Map<String, Object> document(String title, int basePoints) {
        return map("title", title, "kind", "answer", "difficulty", "beginner", "topic", "http",
                "statement", "What does HTTP stand for?", "hints", List.of(map("text", "Hypertext...", "penalty", 10)),
                "answer", map("accepted", List.of("Hypertext Transfer Protocol"), "caseSensitive", false),
                "basePoints", basePoints, "timeBonusPoints", 50, "estimatedSeconds", 300,
                "solution", "SECRET-SOLUTION: HyperText Transfer Protocol.");
    }

    @Test
    void theCatalogueAnswersInTheShapesOfTheContract() throws Exception {
        var tracks = ok(call("GET", "/v1/tracks", null, null), 200);
        assertEquals(List.of("items", "nextCursor"), fieldNames(tracks));
        assertEquals("{\"slug\":\"web-basics\",\"title\":\"Web basics\",\"description\":\"Markup, links and the requests behind every page.\"}",
                tracks.get("items").get(0).toString());

        var track = ok(call("GET", "/v1/tracks/web-basics", null, null), 200);
        assertEquals(List.of("slug", "title", "description", "modules"), fieldNames(track));
        var module = track.get("modules").get(1);
        assertEquals(List.of("slug", "title", "description", "prerequisites", "lessons"), fieldNames(module), "no locked for anonymous");
        var problem = module.get("lessons").get(0).get("problems").get(0);
        assertEquals(List.of("slug", "title", "kind", "difficulty", "topic", "tags", "premium"), fieldNames(problem), "no status for anonymous");

        var mine = ok(call("GET", "/v1/tracks/web-basics", learner, null), 200);
        assertTrue(mine.get("modules").get(1).get("locked").asBoolean(), "http-basics waits for html-foundations");
        assertFalse(mine.get("modules").get(0).get("locked").asBoolean());
        assertEquals("not_started", mine.get("modules").get(0).get("lessons").get(0).get("problems").get(0).get("status").asText());

        var page = ok(call("GET", "/v1/problems/http-status-created", null, null), 200);
        assertEquals(List.of("slug", "title", "kind", "difficulty", "topic", "statement", "hintCount", "basePoints", "timeBonusPoints",
                "estimatedSeconds", "version", "tags", "premium", "starterCode", "answerFormat"), fieldNames(page));
        assertEquals(2, page.get("hintCount").asInt());
        assertEquals(1, page.get("version").asInt());
        assertEquals("{\"type\":\"text\"}", page.get("answerFormat").toString());
        var withProgress = ok(call("GET", "/v1/problems/http-status-created", learner, null), 200);
        assertEquals("{\"status\":\"not_started\",\"attempts\":0,\"bestScore\":0}", withProgress.get("progress").toString());

        var topics = ok(call("GET", "/v1/topics", null, null), 200);
        assertEquals(List.of("web", "arithmetic", "general"), slugs(topics.get("items")));
        assertEquals(List.of("html", "http"), slugs(topics.get("items").get(0).get("children")));
    }

    @Test
    void problemsAreFilteredAndPagedWithCursors() throws Exception {
        var first = ok(call("GET", "/v1/problems?limit=2", null, null), 200);
        assertEquals(List.of("html-void-elements", "http-status-created"), slugs(first.get("items")));
        String cursor = first.get("nextCursor").asText();
        var second = ok(call("GET", "/v1/problems?limit=2&cursor=" + cursor, null, null), 200);
        assertTrue(second.get("nextCursor").isNull() || !slugs(second.get("items")).contains("html-void-elements"));

        assertEquals(List.of("html-void-elements", "http-status-created"),
                slugs(ok(call("GET", "/v1/problems?topic=web", null, null), 200).get("items")), "a topic includes its subtopics");
        assertEquals(List.of("http-status-created"), slugs(ok(call("GET", "/v1/problems?difficulty=intermediate", null, null), 200).get("items")));
        assertEquals(List.of("html-void-elements"), slugs(ok(call("GET", "/v1/problems?tag=ELEMENTS", null, null), 200).get("items")));

        var bad = ok(call("GET", "/v1/problems?limit=101", null, null), 400);
        assertEquals("limit", bad.get("errors").get(0).get("field").asText());
        assertEquals("difficulty", ok(call("GET", "/v1/problems?difficulty=hard", null, null), 400).get("errors").get(0).get("field").asText());
        assertEquals("cursor", ok(call("GET", "/v1/tracks?cursor=!!", null, null), 400).get("errors").get(0).get("field").asText());
    }

    @Test
    void anAuthorDraftsPreviewsPublishesVersionsRollsBackAndArchivesOverHttp() throws Exception {
        String path = "/v1/authoring/problems/http-acronym";
        var created = ok(call("PUT", path, author, document("HTTP", 100)), 201);
        assertEquals("draft", created.get("state").asText());
        assertEquals("SECRET-SOLUTION: HyperText Transfer Protocol.", created.get("draft").get("solution").asText(), "authors see everything");
        assertEquals(200, call("PUT", path, author, document("HTTP, spelled out", 100)).statusCode());

        for (IdentityFixture.User who : new IdentityFixture.User[] {null, learner}) {
            assertEquals(404, call("GET", "/v1/problems/http-acronym", who, null).statusCode());
            assertFalse(slugs(ok(call("GET", "/v1/problems?limit=100", who, null), 200).get("items")).contains("http-acronym"));
        }

        var preview = ok(call("GET", path + "/preview", author, null), 200);
        assertEquals("HTTP, spelled out", preview.get("title").asText());
        assertFalse(preview.has("version"));
        assertFalse(preview.toString().contains("SECRET-SOLUTION"));
        assertFalse(preview.toString().contains("Hypertext Transfer Protocol"));

        assertEquals("{\"slug\":\"http-acronym\",\"version\":1}", ok(call("POST", path + "/publish", author, null), 200).toString());
        assertEquals(1, ok(call("GET", "/v1/problems/http-acronym", learner, null), 200).get("version").asInt(),
                "the publishing instance serves the new version at once");
        assertEquals(1, ok(call("POST", "/v1/problems/http-acronym/submissions", learner, Map.of("answer", "x")), 201)
                .get("problemVersion").asInt());

        ok(call("PUT", path, admin, document("HTTP", 120)), 200);
        assertEquals(1, ok(call("GET", "/v1/problems/http-acronym", null, null), 200).get("version").asInt(), "the draft is not live");
        assertEquals("{\"slug\":\"http-acronym\",\"version\":2}", ok(call("POST", path + "/publish", admin, null), 200).toString());
        assertEquals(120, ok(call("GET", "/v1/problems/http-acronym", null, null), 200).get("basePoints").asInt());
        assertEquals(2, ok(call("POST", "/v1/problems/http-acronym/submissions", learner, Map.of("answer", "x")), 201)
                .get("problemVersion").asInt(), "submissions are graded on the new version at once, not a cached one");

        var versions = ok(call("GET", path + "/versions", author, null), 200);
        assertEquals(List.of("items", "nextCursor"), fieldNames(versions));
        assertEquals(2, versions.get("items").size());
        assertEquals(List.of("version", "publishedAt"), fieldNames(versions.get("items").get(0)));

        assertEquals("{\"slug\":\"http-acronym\",\"version\":3}", ok(call("POST", path + "/rollback", author, Map.of("version", 1)), 200).toString());
        var rolledBack = ok(call("GET", "/v1/problems/http-acronym", null, null), 200);
        assertEquals(3, rolledBack.get("version").asInt());
        assertEquals(100, rolledBack.get("basePoints").asInt());
        assertEquals(1, ok(call("GET", path + "/versions?cursor=", author, null), 200).get("items").get(2).get("restoredFrom").asInt());

        assertEquals("version", ok(call("POST", path + "/rollback", author, Map.of("version", 9)), 400).get("errors").get(0).get("field").asText());
        assertEquals("version", ok(call("POST", path + "/rollback", author, "{\"version\":\"1\"}"), 400).get("errors").get(0).get("field").asText());
        assertEquals("/problems/already-current-version", ok(call("POST", path + "/rollback", author, Map.of("version", 3)), 409).get("type").asText());

        assertEquals("archived", ok(call("POST", path + "/archive", author, null), 200).get("state").asText());
        assertEquals(404, call("GET", "/v1/problems/http-acronym", learner, null).statusCode());
        assertEquals("/problems/problem-archived", ok(call("PUT", path, author, document("HTTP", 100)), 409).get("type").asText());
        assertEquals("draft", ok(call("POST", path + "/restore", author, null), 200).get("state").asText());
    }

    @Test
    void invalidDocumentsListEveryFieldInOne400() throws Exception {
        var body = map("title", "", "kind", "choice", "difficulty", "hard", "statement", "S", "topic", "nowhere",
                "grader", map("type", "single-choice", "options", List.of("a", "b"), "correct", 5), "colour", "red");
        var problem = ok(call("PUT", "/v1/authoring/problems/broken", author, body), 400);
        assertEquals("/problems/validation", problem.get("type").asText());
        var fields = new ArrayList<String>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertEquals(List.of("colour", "title", "difficulty", "grader.correct", "topic"), fields);
        assertEquals(400, call("PUT", "/v1/authoring/problems/Not_A_Slug", author, document("x", 1)).statusCode());
        assertEquals(400, call("PUT", "/v1/authoring/problems/broken", author, "[1, 2]").statusCode());
        assertEquals(400, call("PUT", "/v1/authoring/problems/broken", author, "{not json").statusCode());
        assertEquals(404, call("GET", "/v1/authoring/problems/broken", author, null).statusCode(), "nothing was saved");
    }

    @Test
    void anAuthorWhoDeletesTheirAccountLeavesTheirContentAnonymised() throws Exception {
        var leaving = app.registerWithRole(app.uniqueName("leaving"), Role.AUTHOR);
        String path = "/v1/authoring/problems/http-leaving";
        ok(call("PUT", path, leaving, document("HTTP", 100)), 201);
        assertEquals(204, call("DELETE", "/v1/me", leaving, null).statusCode());
        assertEquals("draft", ok(call("GET", path, admin, null), 200).get("state").asText(), "the draft stays, without its author");
    }

    @Test
    void onlyAuthorsAndAdminsMayAuthorAndTheAnswerNeverRevealsWhetherADraftExists() throws Exception {
        // the role is checked before the body is read: a malformed document from a learner is still a 403
        assertEquals(403, call("PUT", "/v1/authoring/problems/anything", learner, "{not json").statusCode());
        assertEquals(401, call("PUT", "/v1/authoring/tracks/anything", null, "{not json").statusCode());
        ok(call("PUT", "/v1/authoring/problems/secret-draft", author, document("Secret", 100)), 201);
        String[][] routes = {
                {"GET", "/v1/authoring/problems"}, {"GET", "/v1/authoring/tracks"},
                {"PUT", "/v1/authoring/problems/%s"}, {"GET", "/v1/authoring/problems/%s"}, {"GET", "/v1/authoring/problems/%s/preview"},
                {"POST", "/v1/authoring/problems/%s/publish"}, {"POST", "/v1/authoring/problems/%s/archive"},
                {"POST", "/v1/authoring/problems/%s/restore"}, {"GET", "/v1/authoring/problems/%s/versions"},
                {"POST", "/v1/authoring/problems/%s/rollback"}, {"PUT", "/v1/authoring/tracks/%s"}, {"GET", "/v1/authoring/tracks/%s"},
                {"POST", "/v1/authoring/tracks/%s/publish"}, {"POST", "/v1/authoring/tracks/%s/archive"},
                {"POST", "/v1/authoring/tracks/%s/restore"}};
        for (String[] route : routes) {
            Object body = route[0].equals("PUT") ? document("Hacked", 1) : route[1].endsWith("rollback") ? Map.of("version", 1) : null;
            for (String slug : List.of("secret-draft", "no-such-thing")) {
                String path = route[1].formatted(slug);
                var anonymous = call(route[0], path, null, body);
                var asLearner = call(route[0], path, learner, body);
                assertEquals(401, anonymous.statusCode(), route[0] + " " + path + " " + anonymous.body());
                assertEquals(403, asLearner.statusCode(), route[0] + " " + path + " " + asLearner.body());
                assertFalse(asLearner.body().contains("Secret"), asLearner.body());
            }
        }
        assertEquals("Secret", ok(call("GET", "/v1/authoring/problems/secret-draft", author, null), 200).get("draft").get("title").asText());
    }

    @Test
    void aTrackIsDraftedAndPublishedOverHttpAndHidesProblemsThatAreNotPublished() throws Exception {
        ok(call("PUT", "/v1/authoring/problems/track-draft-problem", author, document("Not yet", 100)), 201);
        var track = Map.of("title", "Numbers", "description", "Counting things.", "modules", List.of(
                Map.of("slug", "fractions", "title", "Fractions", "prerequisites", List.of(),
                        "lessons", List.of(Map.of("slug", "quarters", "title", "Quarters", "problems",
                                List.of("quarter-as-decimal", "track-draft-problem"))))));
        var created = ok(call("PUT", "/v1/authoring/tracks/numbers", author, track), 201);
        assertEquals("draft", created.get("state").asText());
        for (IdentityFixture.User who : new IdentityFixture.User[] {null, learner}) {
            assertEquals(404, call("GET", "/v1/tracks/numbers", who, null).statusCode());
            assertFalse(slugs(ok(call("GET", "/v1/tracks", who, null), 200).get("items")).contains("numbers"), "a draft track is not listed");
        }

        var published = ok(call("POST", "/v1/authoring/tracks/numbers/publish", author, null), 200);
        assertEquals("published", published.get("state").asText());
        var view = ok(call("GET", "/v1/tracks/numbers", learner, null), 200);
        assertEquals(List.of("quarter-as-decimal"), slugs(view.get("modules").get(0).get("lessons").get(0).get("problems")),
                "a draft listed in a track stays hidden until published");
        assertTrue(slugs(ok(call("GET", "/v1/tracks", null, null), 200).get("items")).contains("numbers"));

        var taken = Map.of("title", "Again", "modules", List.of(Map.of("slug", "again", "title", "Again",
                "lessons", List.of(Map.of("slug", "l", "title", "L", "problems", List.of("quarter-as-decimal"))))));
        ok(call("PUT", "/v1/authoring/tracks/again", author, taken), 201);
        var conflict = ok(call("POST", "/v1/authoring/tracks/again/publish", author, null), 400);
        assertEquals("modules[0].lessons[0].problems[0]", conflict.get("errors").get(0).get("field").asText());

        assertEquals("archived", ok(call("POST", "/v1/authoring/tracks/numbers/archive", admin, null), 200).get("state").asText());
        assertEquals(404, call("GET", "/v1/tracks/numbers", null, null).statusCode());
    }

    /** A SQL problem document whose reference query divides by the boxes column. */
    private static Map<String, Object> sqlDocument(String reference) {
        return map("title", "Units per box", "kind", "sql", "difficulty", "beginner", "topic", "arithmetic",
                "statement", "Units per box of every item.",
                "grader", map("type", "sql", "schema", "create table stock (item text primary key, units int, boxes int);",
                        "sampleRows", "insert into stock values ('bolt', 120, 10);",
                        "testCases", List.of(map("name", "an empty box", "hidden", true, "rows", "insert into stock values ('spring', 4, 0);")),
                        "referenceSolution", reference));
    }

    @Test
    void aSqlProblemWhoseReferenceFailsOnAHiddenDataSetIsNotPublished() throws Exception {
        String path = "/v1/authoring/problems/sql-units-per-box";
        ok(call("PUT", path, author, sqlDocument("select item, units / boxes as per_box from stock")), 201);

        var refused = ok(call("POST", path + "/publish", author, null), 400);
        assertEquals(1, refused.get("errors").size(), refused.toString());
        assertEquals("grader.referenceSolution", refused.get("errors").get(0).get("field").asText());
        assertEquals("must run and produce a result on every data set; on hidden test case 'an empty box': ERROR: division by zero",
                refused.get("errors").get(0).get("message").asText());
        assertEquals(404, call("GET", "/v1/problems/sql-units-per-box", null, null).statusCode(), "still a draft");
        assertEquals("draft", ok(call("GET", path, author, null), 200).get("state").asText(), "nothing was published");

        ok(call("PUT", path, author, sqlDocument("select item, units / nullif(boxes, 0) as per_box from stock")), 200);
        assertEquals("{\"slug\":\"sql-units-per-box\",\"version\":1}", ok(call("POST", path + "/publish", author, null), 200).toString());
    }
}
