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
import org.praxis.application.grading.port.out.ReferenceSolutions;
import org.praxis.domain.grading.GraderSettings;
import org.praxis.domain.grading.Verdict;
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
    void theDemoContentIsValidAndHas59ProblemsInFiveTracks() {
        assertEquals(List.of(), ContentWiring.validation().validate(ContentWiring.DEMO_CONTENT));
        assertEquals(59, firstSync.problems().count(ChangeKind.ADDED), firstSync.problems().toString());
        assertEquals(List.of("arithmetic-and-algebra", "ml-diagnosis", "sql-advanced", "sql-basics", "web-basics"),
                firstSync.tracks().changes().stream().map(change -> change.name()).toList());
        assertEquals(19, firstSync.topics().count(ChangeKind.ADDED), firstSync.topics().toString());
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

    /** A typical wrong answer to a demo SQL problem, and the data set that must catch it (empty: it runs over the limit). */
    private record Slip(String slug, String mistake, String sql, String caughtBy) {
    }

    private static final List<Slip> SLIPS = List.of(
            new Slip("sql-customers-in-germany", "LIKE where = is meant",
                    "select id, name from customers where country like 'DE%'", "look-alike countries"),
            new Slip("sql-largest-orders-first", "ORDER BY omitted when order matters",
                    "select id, total from orders", "sample"),
            new Slip("sql-largest-orders-first", "ties broken the wrong way",
                    "select id, total from orders order by total desc, id desc", "equal totals"),
            new Slip("sql-orders-in-march", "off by one day at both ends of the month",
                    "select id, ordered_on from orders where ordered_on > '2026-03-01' and ordered_on < '2026-03-31'", "month boundaries"),
            new Slip("sql-orders-in-march", "the month without its year",
                    "select id, ordered_on from orders where extract(month from ordered_on) = 3", "another year"),
            new Slip("sql-repeat-customers", "> where >= is meant",
                    "select customer_id, count(*) as orders from orders group by customer_id having count(*) > 2", "exactly two orders"),
            new Slip("sql-spend-per-customer", "INNER JOIN where LEFT JOIN is needed, grouped by name",
                    "select c.name, sum(o.total) as spent from customers c join orders o on o.customer_id = c.id group by c.name", "namesakes"),
            new Slip("sql-spend-per-customer", "sum() without coalesce",
                    "select c.name, sum(o.total) as spent from customers c left join orders o on o.customer_id = c.id group by c.id, c.name",
                    "no orders at all"),
            new Slip("sql-running-total", "window ordered by the day alone",
                    "select customer_id, id, sum(total) over (partition by customer_id order by ordered_on) from orders", "two orders on one day"),
            new Slip("sql-second-highest-total", "OFFSET 1 instead of the highest value below the top",
                    "select total as second_highest from orders order by total desc limit 1 offset 1", "a tie at the top"),
            new Slip("sql-second-highest-total", "no row instead of a NULL row",
                    "select distinct total as second_highest from orders order by total desc limit 1 offset 1", "a single order"),
            new Slip("sql-top-customer-per-country", "row_number() where ties must all be listed",
                    "select country, name, spent from (select c.country, c.name, sum(o.total) as spent, row_number() over "
                            + "(partition by c.country order by sum(o.total) desc) as place from customers c join orders o "
                            + "on o.customer_id = c.id group by c.id, c.country, c.name) ranked where place = 1", "a tie"),
            new Slip("sql-books-since-2000", "> 2000 drops the year 2000",
                    "select title, published_year from books where published_year > 2000 order by published_year desc, title", "the year 2000"),
            new Slip("sql-books-since-2000", "no second sort key",
                    "select title, published_year from books where published_year >= 2000 order by published_year desc, id",
                    "one year, several books"),
            new Slip("sql-books-with-authors", "INNER JOIN drops the anonymous books",
                    "select b.title, a.name as author from books b join authors a on a.id = b.author_id", "anonymous works"),
            new Slip("sql-loans-per-member", "COUNT(*) counts the row a LEFT JOIN makes for no loan",
                    "select m.name, count(*) as loans from members m left join loans l on l.member_id = m.id group by m.id, m.name",
                    "a member who never borrowed"),
            new Slip("sql-loans-per-member", "grouped by the name alone",
                    "select m.name, count(l.id) as loans from members m left join loans l on l.member_id = m.id group by m.name", "namesakes"),
            new Slip("sql-members-with-books-out", "missing DISTINCT after a join",
                    "select m.id, m.name from members m join loans l on l.member_id = m.id where l.returned_on is null", "two books out"),
            new Slip("sql-members-with-books-out", "= NULL instead of IS NULL",
                    "select m.id, m.name from members m join loans l on l.member_id = m.id where l.returned_on = null", "sample"),
            new Slip("sql-authors-without-books", "NOT IN over a column with NULLs",
                    "select name from authors where id not in (select author_id from books)", "an anonymous book"),
            new Slip("sql-genre-readers", "COUNT(*) counts loans, not readers",
                    "select b.genre, count(*) as readers from loans l join books b on b.id = l.book_id group by b.genre having count(*) >= 2",
                    "one keen reader"),
            new Slip("sql-book-popularity-rank", "rank() leaves gaps",
                    "select b.title, count(l.id) as loans, rank() over (order by count(l.id) desc) as place "
                            + "from books b left join loans l on l.book_id = b.id group by b.id, b.title", "sample"),
            new Slip("sql-book-popularity-rank", "INNER JOIN forgets the books never borrowed",
                    "select b.title, count(l.id) as loans, dense_rank() over (order by count(l.id) desc) as place "
                            + "from books b join loans l on l.book_id = b.id group by b.id, b.title", "never borrowed"),
            new Slip("sql-direct-destinations", "missing DISTINCT",
                    "select a.city from flights f join airports a on a.code = f.destination where f.origin = 'LIS' order by a.city", "sample"),
            new Slip("sql-direct-destinations", "one row per airport, not per city",
                    "select min(a.city) as city from flights f join airports a on a.code = f.destination where f.origin = 'LIS' "
                            + "group by f.destination order by 1", "two airports in one city"),
            new Slip("sql-price-above-cheapest", "a route by its destination alone",
                    "select id, origin, destination, price, price - min(price) over (partition by destination) as extra from flights",
                    "there and back"),
            new Slip("sql-reachable-airports", "Lisbon itself left in when the network has cycles",
                    "with recursive r (code) as (select destination from flights where origin = 'LIS' union "
                            + "select f.destination from flights f join r on f.origin = r.code) select code from r", "return flights"),
            new Slip("sql-reachable-airports", "a fixed two flights instead of recursion",
                    "select destination as code from flights where origin = 'LIS' union select f2.destination from flights f1 "
                            + "join flights f2 on f2.origin = f1.destination where f1.origin = 'LIS' and f2.destination <> 'LIS'", "a long chain"),
            new Slip("sql-reachable-airports", "no cycle guard (UNION ALL)",
                    "with recursive r (code) as (select destination from flights where origin = 'LIS' union all "
                            + "select f.destination from flights f join r on f.origin = r.code) select distinct code from r where code <> 'LIS'", ""),
            new Slip("sql-fewest-hops", "max() instead of min()",
                    "with recursive w (code, hops, path) as (select 'LIS'::text, 0, array['LIS'::text] union all select f.destination, "
                            + "w.hops + 1, w.path || f.destination from w join flights f on f.origin = w.code where f.destination <> all (w.path)) "
                            + "select code, max(hops) as hops from w where code <> 'LIS' group by code", "the long way is listed first"),
            new Slip("sql-fewest-hops", "a hop counter with no cycle guard",
                    "with recursive w (code, hops) as (select 'LIS'::text, 0 union all select f.destination, w.hops + 1 "
                            + "from w join flights f on f.origin = w.code) select code, min(hops) as hops from w where code <> 'LIS' group by code",
                    ""));

    /**
     * The SQL tracks: every demo SQL problem has hidden data sets, its official solution is graded correct in
     * the sandbox, and each typical wrong answer above is not: the named data set catches it, and a query
     * that never ends (no cycle guard) runs into the time limit and is answered with an error.
     */
    @Test
    void everyDemoSqlSolutionIsGradedCorrectAndTheTypicalWrongAnswersAreNot() {
        var slugs = firstSync.problems().changes().stream().map(change -> change.name()).filter(name -> name.startsWith("sql-")).toList();
        assertEquals(19, slugs.size(), slugs.toString());
        assertEquals(java.util.Set.copyOf(slugs), SLIPS.stream().map(Slip::slug).collect(java.util.stream.Collectors.toSet()),
                "at least one typical wrong answer per SQL problem");
        try (var content = ContentWiring.content(database, Clock.systemUTC(), false, ReferenceSolutions.none())) {
            for (String slug : slugs) {
                var full = content.cache().problem(new org.praxis.domain.curriculum.ProblemSlug(slug)).orElseThrow().content();
                var settings = assertInstanceOf(GraderSettings.SqlResult.class, full.grader(), slug);
                assertTrue(settings.testCases().stream().anyMatch(GraderSettings.SqlDataSet::hidden), slug + " has a hidden data set");
                var grader = sandbox.find(settings).orElseThrow().grader();
                var matcher = java.util.regex.Pattern.compile("```sql\\n(.*?)```", java.util.regex.Pattern.DOTALL).matcher(full.solution());
                assertTrue(matcher.find(), slug + " shows its query in solution.md");
                var verdict = grader.grade(matcher.group(1));
                assertEquals(Verdict.Outcome.CORRECT, verdict.outcome(), slug + ": " + verdict);
                assertEquals(settings.testCases().size() + 1, verdict.tests().size(), slug);
                for (Slip slip : SLIPS.stream().filter(s -> s.slug().equals(slug)).toList()) {
                    var wrong = grader.grade(slip.sql());
                    String what = slug + " (" + slip.mistake() + "): " + wrong;
                    if (slip.caughtBy().isEmpty()) {
                        assertEquals(Verdict.Outcome.ERROR, wrong.outcome(), what);
                        assertEquals("The query was stopped: it ran over the limit of " + settings.timeLimitMillis()
                                + " ms or used too much memory or disk.", wrong.feedback(), what);
                        continue;
                    }
                    assertEquals(Verdict.Outcome.INCORRECT, wrong.outcome(), what);
                    var caught = wrong.tests().stream().filter(t -> t.name().equals(slip.caughtBy())).findFirst().orElseThrow();
                    assertFalse(caught.passed(), what);
                }
            }
        }
    }
}
