package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.persistence.reliability.Invariants;
import org.praxis.persistence.testing.FreshDatabase;

/**
 * Many learners submitting at once over real HTTP — correct, wrong, repeated, retried with the same
 * Idempotency-Key (also concurrently), reusing a key for another answer — across days, an ISO week and a
 * month boundary; afterwards every invariant holds. Then a counter is corrupted on purpose and the check
 * names exactly that learner and those invariants.
 */
@ExtendWith(FreshDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvariantsHttpTest {
    // Saturday 2026-11-28: the rounds then cross an ISO week (Monday 30th) and a month (December 1st), and skip a day.
    private static final List<Instant> ROUNDS = List.of(Instant.parse("2026-11-28T10:00:00Z"), Instant.parse("2026-11-29T23:30:00Z"),
            Instant.parse("2026-11-30T00:30:00Z"), Instant.parse("2026-12-01T12:00:00Z"), Instant.parse("2026-12-03T12:00:00Z"));
    private static final Map<String, String> ANSWERS = Map.of("one-plus-one", "2", "two-plus-two", "4", "three-plus-three", "6");
    private static final int LEARNERS = 6;
    private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newHttpClient();

    private static IdentityFixture app;
    private static DataSource db;
    private static Invariants invariants;
    private static final List<IdentityFixture.User> learners = new ArrayList<>();

    @BeforeAll
    static void start(DataSource dataSource) throws Exception {
        app = new IdentityFixture(dataSource);
        db = dataSource;
        invariants = Invariants.over(dataSource);
        app.clock.advance(Duration.between(app.clock.instant(), ROUNDS.get(0).minus(Duration.ofHours(1))));
        LearningFixture.syncContent(dataSource, app, "/learning-content");
        for (int i = 0; i < LEARNERS; i++) {
            learners.add(app.register(app.uniqueName("inv")));
        }
        // different zones put the same instant on different local days, so streaks and boards disagree in time
        assertEquals(200, app.call("PATCH", "/v1/me", learners.get(1).token(), Map.of("timeZone", "Pacific/Kiritimati")).statusCode());
        assertEquals(200, app.call("PATCH", "/v1/me", learners.get(2).token(), Map.of("timeZone", "America/Los_Angeles")).statusCode());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @Order(1)
    void aFreshDatabaseHoldsEveryInvariant() {
        assertEquals(List.of(), invariants.check());
    }

    @Test
    @Order(2)
    void concurrentMixedSubmissionsKeepEveryInvariant() throws Exception {
        var random = new Random(9);
        var pool = Executors.newFixedThreadPool(32);
        var statuses = new TreeSet<Integer>();
        var bodiesByKey = new HashMap<String, List<String>>();
        int sent = 0;
        try {
            for (int round = 0; round < ROUNDS.size(); round++) {
                app.clock.advance(Duration.between(app.clock.instant(), ROUNDS.get(round)));
                var requests = new ArrayList<Callable<Sent>>();
                for (var learner : learners) {
                    var slugs = List.copyOf(new TreeSet<>(ANSWERS.keySet()));
                    for (int i = 0; i < 6; i++) {
                        String slug = slugs.get(random.nextInt(slugs.size()));
                        String answer = random.nextInt(3) == 0 ? "wrong-" + random.nextInt(3) : ANSWERS.get(slug);
                        String key = learner.username() + "-r" + round + "-" + i;
                        requests.add(() -> new Sent(key, submit(learner, slug, answer, key)));
                        if (i % 3 == 0) { // the same request again, concurrently: applied once
                            requests.add(() -> new Sent(key, submit(learner, slug, answer, key)));
                        }
                        if (i % 4 == 1) { // a key reused for another answer: 422, or applied once if it wins the race
                            requests.add(() -> new Sent(key, submit(learner, slug, answer + "x", key)));
                        }
                    }
                    requests.add(() -> new Sent(null, submit(learner, slugs.get(random.nextInt(slugs.size())), "no-key", null)));
                }
                for (Future<Sent> f : pool.invokeAll(requests)) {
                    var s = f.get();
                    sent++;
                    statuses.add(s.response().statusCode());
                    assertTrue(Set.of(201, 409, 422).contains(s.response().statusCode()), s.response().statusCode() + " " + s.response().body());
                    if (s.key() != null && s.response().statusCode() == 201) {
                        bodiesByKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s.response().body());
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(sent > 200, "sent " + sent);
        assertTrue(statuses.containsAll(Set.of(201, 422)), "both applied and refused reuses happened: " + statuses);
        bodiesByKey.forEach((key, bodies) -> assertEquals(1, new TreeSet<>(bodies).size(), "one answer per key " + key));
        assertEquals(List.of(), invariants.check());
        assertEquals(bodiesByKey.size(), count("select count(*) from idempotency_keys"), "one key row per key answered");
        assertTrue(count("select count(*) from board_period_scores where board = 'weekly'") >= LEARNERS, "every learner is on a weekly board");
    }

    @Test
    @Order(3)
    void aCorruptedPointsCounterIsReportedForThatLearnerOnly() throws Exception {
        var victim = learners.get(3);
        update("update learner_states set points = points + 1 where user_id = '" + victim.id() + "'");
        try {
            var violations = invariants.check();
            assertEquals(Set.of(victim.id()), violations.stream().map(v -> v.learner().toString()).collect(java.util.stream.Collectors.toSet()));
            assertEquals(List.of("points-are-problem-awards-plus-rewards", "points-are-submission-awards-plus-rewards", "award-events-match-totals"),
                    violations.stream().map(Invariants.Violation::invariant).toList());
        } finally {
            update("update learner_states set points = points - 1 where user_id = '" + victim.id() + "'");
        }
        assertEquals(List.of(), invariants.check());
    }

    @Test
    @Order(4)
    void aBoardCreditedTwiceIsReported() throws Exception {
        var victim = learners.get(0);
        // what a lost read-then-write race or a double credit would leave behind
        update("update board_period_scores set score = score * 2 where board = 'monthly' and period = '2026-11' and user_id = '"
                + victim.id() + "' and score > 0");
        try {
            var violations = invariants.check();
            assertEquals(1, violations.size(), violations.toString());
            assertEquals("boards-agree-with-awards", violations.get(0).invariant());
            assertEquals(victim.id(), violations.get(0).learner().toString());
        } finally {
            update("update board_period_scores set score = score / 2 where board = 'monthly' and period = '2026-11' and user_id = '"
                    + victim.id() + "'");
        }
        assertEquals(List.of(), invariants.check());
    }

    @Test
    @Order(5)
    void aStreakThatDisagreesWithItsActiveDaysIsReported() throws Exception {
        var victim = learners.get(4);
        update("update learner_states set streak_longest = streak_longest + 1 where user_id = '" + victim.id() + "'");
        try {
            var violations = invariants.check();
            assertEquals(List.of("streaks-agree-with-active-days"), violations.stream().map(Invariants.Violation::invariant).toList());
            assertEquals(victim.id(), violations.get(0).learner().toString());
        } finally {
            update("update learner_states set streak_longest = streak_longest - 1 where user_id = '" + victim.id() + "'");
        }
    }

    @Test
    @Order(6)
    void anEventWithoutItsFieldsIsReported() throws Exception {
        var victim = learners.get(2);
        String id;
        String events;
        try (var c = db.getConnection(); var rs = c.createStatement().executeQuery(
                "select id, events::text from submissions where user_id = '" + victim.id() + "' order by submitted_at limit 1")) {
            rs.next();
            id = rs.getString(1);
            events = rs.getString(2);
        }
        update("update submissions set events = (left(events::text, -1) || ',{\"type\":\"streakExtended\"}]')::json where id = '" + id + "'");
        try {
            var violations = invariants.check();
            assertEquals(List.of("submission-events-are-well-formed"), violations.stream().map(Invariants.Violation::invariant).toList());
            assertEquals(victim.id(), violations.get(0).learner().toString());
        } finally {
            update("update submissions set events = '" + events.replace("'", "''") + "' where id = '" + id + "'");
        }
        assertEquals(List.of(), invariants.check());
    }

    private record Sent(String key, HttpResponse<String> response) {
    }

    private static HttpResponse<String> submit(IdentityFixture.User user, String problem, String answer, String key) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.http.port() + "/v1/problems/" + problem + "/submissions"))
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "application/json");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return CLIENT.send(request.POST(HttpRequest.BodyPublishers.ofString(
                "{\"answer\":\"" + answer + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(String sql) throws Exception {
        try (var c = db.getConnection(); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void update(String sql) throws Exception {
        try (var c = db.getConnection(); var s = c.createStatement()) {
            assertEquals(1, s.executeUpdate(sql), sql);
        }
    }
}
