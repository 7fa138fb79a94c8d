package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.persistence.testing.FreshDatabase;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A learners' week over real HTTP on PostgreSQL, with the clock in the test's hand: exact points, XP,
 * levels, streaks, badges, achievements and board ranks (with ties) at every step. The steps build on
 * each other, so they run in order.
 */
@ExtendWith(FreshDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LearningLoopHttpTest {
    private static final Instant MONDAY = Instant.parse("2026-11-16T08:00:00Z");
    private static IdentityFixture app;
    private static DataSource db;
    private static IdentityFixture.User ada;
    private static IdentityFixture.User bob;
    private static IdentityFixture.User cy;
    private static String adaFirstCorrect;
    private static String adaFirstCorrectBody;

    @BeforeAll
    static void start(DataSource dataSource) throws Exception {
        app = new IdentityFixture(dataSource);
        db = dataSource;
        at(MONDAY.minus(Duration.ofHours(1)));
        LearningFixture.syncContent(dataSource, app, "/learning-content");
        ada = app.register("ada");
        bob = app.register("bob");
        cy = app.register("cyd");
        assertEquals(200, app.call("PATCH", "/v1/me", ada.token(), Map.of("timeZone", "Europe/Berlin")).statusCode());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @Order(1)
    void mondayAWrongAnswerEarnsOnlyTheFirstSubmissionAchievement() throws Exception {
        assertEquals(201, call("POST", "/v1/tracks/sums-track/enrolment", ada, null).statusCode());
        assertEquals(200, call("POST", "/v1/tracks/sums-track/enrolment", ada, null).statusCode(), "enrolling twice changes nothing");
        at(MONDAY);
        assertEquals(200, call("POST", "/v1/problems/one-plus-one/session", ada, null).statusCode());
        at(MONDAY.plusSeconds(30));
        var wrong = submit(ada, "one-plus-one", "3", "ada-1");
        assertEquals(201, wrong.statusCode(), wrong.body());
        var body = json(wrong);
        assertEquals("incorrect", body.get("verdict").asText());
        assertEquals(0, body.get("score").asInt());
        assertEquals(0, body.get("pointsAwarded").asInt());
        assertEquals(0, body.get("xpAwarded").asInt());
        assertEquals(totals(10, 0, 0, 0), body.get("totals").toString());
        assertEquals("{\"status\":\"in_progress\",\"attempts\":1,\"bestScore\":0}", body.get("progress").toString());
        assertEquals(List.of("answerGraded", "achievementUnlocked", "pointsAwarded", "badgeEarned"), types(body));
    }

    @Test
    @Order(2)
    void mondayASolutionWithinTheEstimateEarnsBasePlusTheWholeBonus() throws Exception {
        at(MONDAY.plusSeconds(60));
        var right = submit(ada, "one-plus-one", "2", "ada-2");
        assertEquals(201, right.statusCode(), right.body());
        var body = json(right);
        adaFirstCorrect = body.get("id").asText();
        adaFirstCorrectBody = right.body();
        assertEquals("correct", body.get("verdict").asText());
        assertEquals(100, body.get("score").asInt());
        assertEquals(150, body.get("pointsAwarded").asInt());
        assertEquals(10, body.get("xpAwarded").asInt());
        assertEquals(totals(160, 1, 1, 1), body.get("totals").toString());
        assertEquals(List.of("answerGraded", "problemSolved", "bestScoreImproved", "pointsAwarded", "reviewScheduled", "xpGained",
                "levelReached", "streakExtended", "badgeEarned"), types(body));
        assertEquals("Counter", event(body, "badgeEarned").get("name").asText());
        assertEquals(2, event(body, "levelReached").get("level").asInt());
        assertEquals("2026-11-17", event(body, "reviewScheduled").get("dueOn").asText());
    }

    @Test
    @Order(3)
    void aReplayedKeyAnswersTheSameAndAwardsNothingAndAnotherBodyIsA422() throws Exception {
        var first = call("GET", "/v1/submissions/" + adaFirstCorrect, ada, null);
        at(MONDAY.plusSeconds(90));
        var replay = submit(ada, "one-plus-one", "2", "ada-2");
        assertEquals(201, replay.statusCode());
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElseThrow());
        assertEquals(first.body(), replay.body());
        assertEquals(adaFirstCorrectBody, replay.body(), "byte for byte what the first request answered");
        var reused = submit(ada, "one-plus-one", "5", "ada-2");
        assertEquals(422, reused.statusCode());
        assertEquals("/problems/idempotency-key-reused", json(reused).get("type").asText());
        assertEquals(160, json(call("GET", "/v1/leaderboards/global/me", ada, null)).get("score").asInt());
    }

    @Test
    @Order(4)
    void mondayAHintAndASlowerSolutionEarnLessAndTiesShareARank() throws Exception {
        at(MONDAY);
        call("POST", "/v1/problems/one-plus-one/session", bob, null);
        call("POST", "/v1/problems/one-plus-one/session", cy, null);
        var hint = call("POST", "/v1/problems/one-plus-one/hints/1", bob, null);
        assertEquals("{\"n\":1,\"text\":\"Count on your fingers.\",\"penalty\":30}", hint.body());
        call("POST", "/v1/problems/one-plus-one/hints/1", bob, null);
        at(MONDAY.plusSeconds(60));
        assertEquals(150, json(submit(cy, "one-plus-one", "2", "cyd-1")).get("pointsAwarded").asInt());
        at(MONDAY.plusSeconds(120));
        // 120 s against an estimate of 60: bonus floor(50 * (300*60 - 100*120) / (200*60)) = 25; hint -30
        var bobs = json(submit(bob, "one-plus-one", "2", "bob-1"));
        assertEquals(95, bobs.get("pointsAwarded").asInt());
        assertEquals(105, bobs.get("totals").get("points").asInt());

        var board = json(app.call("GET", "/v1/leaderboards/global?limit=10", null, null));
        assertEquals(3, board.get("total").asInt());
        assertEquals(List.of("1 ada 160", "1 cyd 160", "3 bob 105"), entries(board));
        var onProblem = json(app.call("GET", "/v1/problems/one-plus-one/leaderboard", null, null));
        assertEquals(List.of("1 ada 100", "1 cyd 100", "3 bob 100"), entries(onProblem));
        var mine = json(call("GET", "/v1/leaderboards/global/me?neighbours=1", bob, null));
        assertEquals(3, mine.get("rank").asInt());
        assertEquals(List.of("1 cyd 160", "3 bob 105"), entries(mine));
    }

    @Test
    @Order(5)
    void aLockedModuleIsRefusedUntilItsPrerequisiteIsComplete() throws Exception {
        var locked = submit(bob, "three-plus-three", "6", "bob-locked");
        assertEquals(409, locked.statusCode());
        assertEquals("/problems/problem-locked", json(locked).get("type").asText());
        assertTrue(json(locked).get("detail").asText().contains("first-sums"));
        assertEquals(409, call("POST", "/v1/problems/three-plus-three/hints/1", bob, null).statusCode());
        assertEquals(409, call("POST", "/v1/problems/three-plus-three/session", bob, null).statusCode());
    }

    @Test
    @Order(6)
    void tuesdayCompletesAModuleExtendsTheStreakAndAReviewEarnsHalfBandXp() throws Exception {
        Instant tuesday = MONDAY.plus(Duration.ofDays(1));
        at(tuesday);
        call("POST", "/v1/problems/two-plus-two/session", ada, null);
        at(tuesday.plusSeconds(30));
        var body = json(submit(ada, "two-plus-two", "4", "ada-3"));
        assertEquals(150, body.get("pointsAwarded").asInt());
        assertEquals(totals(315, 2, 2, 2), body.get("totals").toString());
        assertTrue(types(body).containsAll(List.of("streakExtended", "moduleCompleted", "achievementUnlocked")), types(body).toString());
        assertEquals("two-days", event(body, "achievementUnlocked").get("code").asText());

        at(tuesday.plusSeconds(60));
        var review = json(submit(ada, "one-plus-one", "2", "ada-4"));
        assertTrue(review.get("review").asBoolean());
        assertEquals(0, review.get("pointsAwarded").asInt(), "a repeated solution adds nothing");
        assertEquals(5, review.get("xpAwarded").asInt(), "the second task of the day is in the half band");
        assertEquals(3, event(review, "levelReached").get("level").asInt());
        assertEquals("2026-11-20", event(review, "reviewPassed").get("nextDueOn").asText());
        assertEquals(315, review.get("totals").get("points").asInt());

        assertEquals(404, app.call("GET", "/v1/problems/no-such-problem/leaderboard", null, null).statusCode());
        assertEquals(404, app.call("GET", "/v1/topics/no-such-topic/leaderboard", null, null).statusCode());
        var topic = json(app.call("GET", "/v1/topics/sums/leaderboard", null, null));
        assertEquals(List.of("1 ada 25", "2 bob 10", "2 cyd 10"), entries(topic));
    }

    @Test
    @Order(7)
    void thursdayInANewTimeZoneBreaksTheStreakAndCompletesTheTrack() throws Exception {
        assertEquals(200, app.call("PATCH", "/v1/me", ada.token(), Map.of("timeZone", "America/New_York")).statusCode());
        at(Instant.parse("2026-11-19T12:00:00Z"));
        // no session started: no time bonus
        var body = json(submit(ada, "three-plus-three", "6", "ada-5"));
        assertEquals(200, body.get("pointsAwarded").asInt());
        assertEquals(totals(515, 3, 1, 2), body.get("totals").toString());
        assertTrue(types(body).containsAll(List.of("streakBroken", "moduleCompleted", "trackCompleted", "badgeEarned")),
                types(body).toString());
        assertEquals("Adder", event(body, "badgeEarned").get("name").asText());

        var due = json(call("GET", "/v1/me/reviews/due", ada, null));
        assertEquals("[{\"problem\":\"two-plus-two\",\"title\":\"What is two plus two?\",\"dueOn\":\"2026-11-18\",\"stage\":0}]",
                due.get("items").toString());
        var dashboard = json(call("GET", "/v1/me/dashboard", ada, null));
        assertEquals(100, dashboard.get("enrolments").get(0).get("percentComplete").asInt());
        assertEquals(2, dashboard.get("enrolments").get(0).get("completedModules").size());
        assertFalse(dashboard.has("continueAt"), "nothing is left to continue");
        assertEquals(5, dashboard.get("recentSubmissions").size());

        var me = json(call("GET", "/v1/me", ada, null)).get("stats");
        assertEquals("{\"points\":515,\"solved\":3,\"currentStreak\":1,\"longestStreak\":2,\"rank\":{\"name\":\"Adder\",\"level\":3}}",
                me.toString());
        var weekly = json(app.call("GET", "/v1/leaderboards/weekly?period=2026-W47", null, null));
        assertEquals("2026-W47", weekly.get("period").asText());
        assertEquals(List.of("1 ada 515", "2 cyd 160", "3 bob 105"), entries(weekly));
        var monthly = json(app.call("GET", "/v1/leaderboards/monthly", null, null));
        assertEquals("2026-11", monthly.get("period").asText());
        assertEquals(List.of("1 ada 515", "2 cyd 160", "3 bob 105"), entries(monthly));
    }

    @Test
    @Order(8)
    void learnersNeverSeeEachOthersSubmissions() throws Exception {
        assertEquals(404, call("GET", "/v1/submissions/" + adaFirstCorrect, bob, null).statusCode());
        assertEquals(401, app.call("GET", "/v1/submissions/" + adaFirstCorrect, null, null).statusCode());
        var bobs = json(call("GET", "/v1/me/submissions", bob, null));
        assertEquals(1, bobs.get("items").size());
        var adas = json(call("GET", "/v1/me/submissions?limit=2", ada, null));
        assertEquals(2, adas.get("items").size());
        var next = json(call("GET", "/v1/me/submissions?limit=10&cursor=" + adas.get("nextCursor").asText(), ada, null));
        assertEquals(3, next.get("items").size(), "five submissions in all, none twice");
        var ofProblem = json(call("GET", "/v1/me/submissions?problem=one-plus-one", ada, null));
        assertEquals(3, ofProblem.get("items").size());

        var export = json(call("GET", "/v1/me/export", ada, null)).get("learning");
        assertEquals(515, export.get("totals").get("points").asInt());
        assertEquals(5, export.get("submissions").size());
        assertEquals("3", export.get("submissions").get(0).get("answer").asText(), "answers are the learner's data too");
        assertEquals(List.of("2026-11-16", "2026-11-17", "2026-11-19"),
                List.of(export.get("activeDays").get(0).asText(), export.get("activeDays").get(1).asText(),
                        export.get("activeDays").get(2).asText()));
        assertEquals(2, export.get("achievements").size());
        assertEquals(0, json(call("GET", "/v1/me/export", bob, null)).get("learning").get("submissions").size() - 1,
                "bob's export holds bob's one submission only");
    }

    @Test
    @Order(9)
    void fiftyConcurrentSubmissionsAwardTheFirstSolutionExactlyOnce() throws Exception {
        var dan = app.register("dan");
        at(Instant.parse("2026-11-20T10:00:00Z"));
        var pool = Executors.newFixedThreadPool(16);
        var calls = new ArrayList<Callable<HttpResponse<String>>>();
        for (int i = 0; i < 50; i++) {
            String key = "dan-" + i;
            calls.add(() -> submit(dan, "one-plus-one", "2", key));
        }
        int awarded = 0;
        int awards = 0;
        var winners = new ArrayList<String>();
        for (var future : pool.invokeAll(calls)) {
            var response = future.get();
            assertEquals(201, response.statusCode(), response.body());
            int points = json(response).get("pointsAwarded").asInt();
            awards += points;
            if (points > 0) {
                awarded++;
                winners.add(response.body());
            }
        }
        pool.shutdown();
        assertEquals(1, awarded, winners.toString());
        assertEquals(100, awards, "no session: base points, no bonus");
        var me = json(call("GET", "/v1/leaderboards/global/me", dan, null));
        assertEquals(110, me.get("score").asInt(), "the solution once, plus the first-submission reward");
        var progress = json(call("POST", "/v1/problems/one-plus-one/session", dan, null));
        assertEquals(50, progress.get("attempts").asInt());
        try (var c = db.getConnection(); var rows = c.createStatement().executeQuery("""
                select s.points,
                       (select sum(points_awarded) from submissions where user_id = s.user_id),
                       (select coalesce(sum(a.points_reward), 0) from learner_achievements l join achievements a on a.code = l.code
                         where l.user_id = s.user_id),
                       (select count(*) from submissions where user_id = s.user_id)
                from learner_states s join users u on u.id = s.user_id where u.username = 'dan'""")) {
            rows.next();
            assertEquals(110, rows.getLong(1));
            assertEquals(rows.getLong(1), rows.getLong(2) + rows.getLong(3), "the total is the sum of the stored awards");
            assertEquals(50, rows.getLong(4));
        }
    }

    // --- helpers

    private static void at(Instant instant) {
        app.clock.advance(Duration.between(app.clock.instant(), instant));
    }

    private static HttpResponse<String> submit(IdentityFixture.User user, String problem, String answer, String key)
            throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + app.http.port() + "/v1/problems/" + problem + "/submissions"))
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"answer\":\"" + answer + "\"}"))
                .build();
        return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> call(String method, String path, IdentityFixture.User user, Object body) throws Exception {
        return app.call(method, path, user.token(), body);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return IdentityFixture.json(response);
    }

    private static String totals(long points, int solved, int current, int longest) {
        return "{\"points\":" + points + ",\"solved\":" + solved + ",\"currentStreak\":" + current + ",\"longestStreak\":" + longest + "}";
    }

    private static List<String> types(JsonNode body) {
        var types = new ArrayList<String>();
        body.get("events").forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    private static JsonNode event(JsonNode body, String type) {
        for (var e : body.get("events")) {
            if (e.get("type").asText().equals(type)) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " event in " + body.get("events"));
    }

    private static List<String> entries(JsonNode board) {
        var entries = new ArrayList<String>();
        board.get("items").forEach(e -> entries.add(e.get("rank").asInt() + " " + e.get("username").asText() + " " + e.get("score").asLong()));
        return entries;
    }
}
