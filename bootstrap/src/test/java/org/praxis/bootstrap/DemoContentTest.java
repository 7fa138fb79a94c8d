package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.ChangeKind;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.Command;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.Outcome;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.Report;
import org.praxis.domain.grading.GraderSettings;
import org.praxis.http.HttpApi;
import org.praxis.persistence.grading.SqlSandboxGraders;
import org.praxis.persistence.testing.FreshDatabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo content shipped in the jar (bootstrap/src/main/resources/demo-content): valid, synced as the
 * service does at start, idempotent, and served without a single secret.
 */
@ExtendWith(FreshDatabase.class)
class DemoContentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static DataSource database;
    private static Report firstSync;
    private static HttpApi http;
    private static SqlSandboxGraders sandbox;
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void syncTheDemo(DataSource dataSource) {
        database = dataSource;
        sandbox = SandboxWiring.graders(dataSource, java.util.Map.of()).orElseThrow();
        // the demo's own sync, with every SQL reference query run in the sandbox as at start-up
        try (var content = ContentWiring.content(dataSource, Clock.systemUTC(), false, sandbox)) {
            var outcome = content.sync().sync(Command.of(ContentWiring.DEMO_CONTENT, false));
            firstSync = assertInstanceOf(Outcome.Synced.class, outcome, outcome::toString).report();
        }
        http = Wiring.httpApi(dataSource, Metrics.registry()).start(0);
    }

    @AfterAll
    static void stop() {
        http.stop();
        sandbox.close();
    }

    private static JsonNode get(String path) throws Exception {
        var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + http.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + " " + response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void theDemoContentIsValidAndHasAtLeastThirtyProblemsInThreeTracks() {
        assertEquals(List.of(), ContentWiring.validation().validate(ContentWiring.DEMO_CONTENT));
        assertTrue(firstSync.problems().count(ChangeKind.ADDED) >= 30, firstSync.problems().toString());
        assertTrue(firstSync.tracks().count(ChangeKind.ADDED) >= 3, firstSync.tracks().toString());
        assertTrue(firstSync.topics().count(ChangeKind.ADDED) >= 3, firstSync.topics().toString());
    }

    @Test
    void loadingTheDemoAgainAtStartChangesNothing() {
        DemoContent.load(database);
        try (var content = ContentWiring.content(database, Clock.systemUTC(), false, org.praxis.application.grading.port.out.ReferenceSolutions.none())) {
            var again = ((Outcome.Synced) content.sync().sync(Command.of(ContentWiring.DEMO_CONTENT, true))).report();
            assertFalse(again.changedAnything(), again.toString());
            assertEquals(firstSync.problems().count(ChangeKind.ADDED), again.problems().unchanged());
        }
    }

    @Test
    void noDemoProblemPageCarriesItsSolutionOrAnythingOfItsGraderButWhatALearnerNeeds() throws Exception {
        try (var content = ContentWiring.content(database, Clock.systemUTC(), false, org.praxis.application.grading.port.out.ReferenceSolutions.none())) {
            String cursor = "";
            int seen = 0;
            do {
                var page = get("/v1/problems?limit=7" + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
                for (JsonNode item : page.get("items")) {
                    String slug = item.get("slug").asText();
                    String body = get("/v1/problems/" + slug).toString();
                    var full = content.cache().problem(new org.praxis.domain.curriculum.ProblemSlug(slug)).orElseThrow().content();
                    for (String secret : List.of("\"solution\"", "\"accepted\"", "\"correct\"", "\"pattern\"", "\"referenceSolution\"",
                            "\"referenceAnswer\"", "\"rubric\"", "\"hidden\"", "\"tolerance\"", "\"grader\"")) {
                        assertFalse(body.contains(secret), slug + " shows " + secret);
                    }
                    if (full.solution().length() >= 12) {
                        assertFalse(body.contains(JSON.writeValueAsString(full.solution()).replaceAll("^\"|\"$", "")), slug + " shows its solution");
                    }
                    if (full.grader() instanceof GraderSettings.TestSuite suite) {
                        long visible = suite.cases().stream().filter(c -> !c.hidden()).count();
                        assertEquals(visible, JSON.readTree(body).get("answerFormat").path("examples").size(), slug);
                    }
                    seen++;
                }
                cursor = page.get("nextCursor").isNull() ? "" : page.get("nextCursor").asText();
            } while (!cursor.isEmpty());
            assertEquals(firstSync.problems().count(ChangeKind.ADDED), seen, "every problem, page by page");
        }
    }

    @Test
    void everyDemoTrackIsServed() throws Exception {
        var tracks = get("/v1/tracks?limit=100").get("items");
        assertEquals(firstSync.tracks().count(ChangeKind.ADDED), tracks.size());
        for (JsonNode track : tracks) {
            var view = get("/v1/tracks/" + track.get("slug").asText());
            assertTrue(view.get("modules").size() > 0, view.toString());
        }
    }

    /** The SQL track: every official solution is graded correct in the sandbox, and the classic slips are caught. */
    @Test
    void everyDemoSqlSolutionIsGradedCorrectAndTheClassicSlipsAreNot() {
        var wrong = java.util.Map.of(
                "sql-customers-in-germany", "select id, name from customers where country like 'DE%'",
                "sql-repeat-customers", "select customer_id, count(*) as orders from orders group by customer_id having count(*) > 2",
                "sql-spend-per-customer", "select c.name, sum(o.total) as spent from customers c join orders o on o.customer_id = c.id group by c.name",
                "sql-running-total", "select customer_id, id, sum(total) over (partition by customer_id order by ordered_on) from orders");
        var graders = SandboxWiring.graders(database, java.util.Map.of()).orElseThrow();
        try (var content = ContentWiring.content(database, Clock.systemUTC(), false, org.praxis.application.grading.port.out.ReferenceSolutions.none()); graders) {
            int sqlProblems = 0;
            for (String slug : List.of("sql-customers-in-germany", "sql-largest-orders-first", "sql-repeat-customers", "sql-spend-per-customer",
                    "sql-running-total")) {
                var full = content.cache().problem(new org.praxis.domain.curriculum.ProblemSlug(slug)).orElseThrow().content();
                var settings = assertInstanceOf(GraderSettings.SqlResult.class, full.grader(), slug);
                assertTrue(settings.testCases().stream().anyMatch(GraderSettings.SqlDataSet::hidden), slug + " has a hidden data set");
                var grader = graders.find(settings).orElseThrow().grader();
                var matcher = java.util.regex.Pattern.compile("```sql\\n(.*?)```", java.util.regex.Pattern.DOTALL).matcher(full.solution());
                assertTrue(matcher.find(), slug + " shows its query in solution.md");
                var verdict = grader.grade(matcher.group(1));
                assertEquals(org.praxis.domain.grading.Verdict.Outcome.CORRECT, verdict.outcome(), slug + ": " + verdict);
                if (wrong.containsKey(slug)) {
                    var slip = grader.grade(wrong.get(slug));
                    assertEquals(org.praxis.domain.grading.Verdict.Outcome.INCORRECT, slip.outcome(), slug + ": " + slip);
                    assertTrue(slip.tests().stream().anyMatch(t -> t.hidden() && !t.passed()), slug + " catches the slip on hidden data");
                }
                sqlProblems++;
            }
            assertEquals(5, sqlProblems);
        }
    }
}
