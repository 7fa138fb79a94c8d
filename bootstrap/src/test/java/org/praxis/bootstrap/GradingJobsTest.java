package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.application.progress.GradingWorker;
import org.praxis.application.progress.port.out.GradingJobs;
import org.praxis.persistence.grading.SqlSandboxGraders;
import org.praxis.persistence.testing.FreshDatabase;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Grading jobs (PR6) on PostgreSQL, driven without sleeps: QUEUED mode with no wait and no background
 * workers, the test's workers' {@code claim}/{@code process}/{@code runOnce} called directly, and the
 * fixture's clock moved past leases.
 */
@ExtendWith(FreshDatabase.class)
class GradingJobsTest {
    private static final String RIGHT = "SELECT customer, SUM(total) FROM orders GROUP BY customer ORDER BY 2";
    private static final GradingSettings SETTINGS = GradingSettings.queuedWithoutWorkers(Duration.ZERO);

    private static DataSource db;
    private static IdentityFixture app;
    private static SqlSandboxGraders graders;
    private static GradingWorker first;
    private static GradingWorker second;

    @BeforeAll
    static void start(DataSource dataSource) throws Exception {
        db = dataSource;
        app = new IdentityFixture(dataSource, SETTINGS);
        LearningFixture.syncContent(dataSource, app, "/sql-content");
        graders = SandboxWiring.graders(dataSource, Map.of()).orElseThrow();
        first = LearningWiring.worker(dataSource, app.clock, graders, "first", SETTINGS);
        second = LearningWiring.worker(dataSource, app.clock, graders, "second", SETTINGS);
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        graders.close();
    }

    @AfterEach
    void nothingLeftInTheQueue() throws Exception {
        assertEquals(0L, count("select count(*) from grading_jobs where status in ('pending', 'running')"));
    }

    private static JsonNode queue(IdentityFixture.User who, String answer) throws Exception {
        var response = app.call("POST", "/v1/problems/sql-spend/submissions", who.token(), Map.of("answer", answer));
        assertEquals(202, response.statusCode(), response.body());
        var body = IdentityFixture.json(response);
        assertEquals("pending", body.get("status").asText());
        assertEquals("/v1/grading-jobs/" + body.get("id").asText(), response.headers().firstValue("Location").orElseThrow());
        return body;
    }

    private static long count(String sql, Object... args) throws Exception {
        try (var c = db.getConnection(); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static long points(IdentityFixture.User who) throws Exception {
        return count("select coalesce(sum(points), 0) from learner_states where user_id = ?", UUID.fromString(who.id()));
    }

    private static long submissions(IdentityFixture.User who) throws Exception {
        return count("select count(*) from submissions where user_id = ?", UUID.fromString(who.id()));
    }

    @Test
    void aQueuedSubmissionAnswers202AndItsJobIsVisibleToItsLearnerOnly() throws Exception {
        var ada = app.register(app.uniqueName("ada"));
        var bob = app.register(app.uniqueName("bob"));
        String id = queue(ada, RIGHT).get("id").asText();

        var pending = IdentityFixture.json(app.call("GET", "/v1/grading-jobs/" + id, ada.token(), null));
        assertEquals("pending", pending.get("status").asText());
        assertFalse(pending.has("submission"));
        assertEquals(404, app.call("GET", "/v1/grading-jobs/" + id, bob.token(), null).statusCode());
        assertEquals(401, app.call("GET", "/v1/grading-jobs/" + id, null, null).statusCode());

        assertTrue(first.runOnce());
        var done = IdentityFixture.json(app.call("GET", "/v1/grading-jobs/" + id, ada.token(), null));
        assertEquals("completed", done.get("status").asText(), done.toString());
        var submission = done.get("submission");
        assertEquals("correct", submission.get("verdict").asText());
        assertEquals(100, submission.get("score").asInt());
        assertEquals("Correct: the query gives the expected result on all 3 data sets.", submission.get("feedback").asText());
        // the same submission as the history shows: the final result is the same as a synchronous one
        var stored = IdentityFixture.json(app.call("GET", "/v1/submissions/" + submission.get("id").asText(), ada.token(), null));
        assertEquals(stored, submission);
        assertEquals(404, app.call("GET", "/v1/grading-jobs/" + id, bob.token(), null).statusCode());
        assertEquals(submission.get("pointsAwarded").asLong(), points(ada));
        // graded by a worker this service did not run: once ada has seen it done, the board shows it at once
        var mine = IdentityFixture.json(app.call("GET", "/v1/leaderboards/global/me", ada.token(), null));
        assertEquals(points(ada), mine.get("score").asLong(), mine.toString());
        assertTrue(mine.has("rank"), mine.toString());
        assertFalse(first.runOnce(), "nothing left to claim");
    }

    @Test
    void theSameKeyAndBodyReturnTheSameJobAndADifferentBodyIsRefused() throws Exception {
        var ada = app.register(app.uniqueName("ada"));
        var one = keyed(ada, "k-1", RIGHT);
        assertEquals(202, one.statusCode(), one.body());
        var again = keyed(ada, "k-1", RIGHT);
        assertEquals(202, again.statusCode(), again.body());
        assertEquals(IdentityFixture.json(one).get("id"), IdentityFixture.json(again).get("id"));
        assertEquals(422, keyed(ada, "k-1", "select 1").statusCode());
        assertTrue(first.runOnce());
        var replayed = keyed(ada, "k-1", RIGHT);
        assertEquals(201, replayed.statusCode(), replayed.body());
        assertEquals("true", replayed.headers().firstValue("Idempotent-Replayed").orElseThrow());
        assertEquals(1, submissions(ada));
    }

    private static java.net.http.HttpResponse<String> keyed(IdentityFixture.User who, String key, String answer) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + app.http.port()
                        + "/v1/problems/sql-spend/submissions"))
                .header("Authorization", "Bearer " + who.token()).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).header("X-Forwarded-For", app.newAddress())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("answer", answer))))
                .build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void twoWorkersClaimingAtOnceNeverGetTheSameJob() throws Exception {
        var ada = app.register(app.uniqueName("ada"));
        int jobs = 8;
        for (int i = 0; i < jobs; i++) {
            queue(ada, "select customer, sum(total) from orders group by customer -- " + i);
        }
        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<List<GradingJobs.Job>>> drains = new ArrayList<>();
            for (var worker : List.of(first, second)) {
                drains.add(() -> {
                    barrier.await();
                    var claimed = new ArrayList<GradingJobs.Job>();
                    for (var job = worker.claim(); job.isPresent(); job = worker.claim()) {
                        claimed.add(job.get());
                    }
                    return claimed;
                });
            }
            var results = pool.invokeAll(drains);
            var a = results.get(0).get();
            var b = results.get(1).get();
            var ids = new HashSet<UUID>();
            a.forEach(j -> ids.add(j.id()));
            b.forEach(j -> ids.add(j.id()));
            assertEquals(jobs, a.size() + b.size(), "every job claimed once");
            assertEquals(jobs, ids.size(), "no job claimed twice");
            for (var job : a) {
                assertEquals(GradingWorker.Result.COMPLETED, first.process(job));
            }
            for (var job : b) {
                assertEquals(GradingWorker.Result.COMPLETED, second.process(job));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(jobs, submissions(ada));
    }

    @Test
    void aJobWhoseWorkerIsKilledIsCompletedByAnotherWorkerAndAwardedExactlyOnce() throws Exception {
        var ada = app.register(app.uniqueName("ada"));
        String id = queue(ada, RIGHT).get("id").asText();

        // the first worker claims the job and dies before completing it
        var abandoned = first.claim().orElseThrow();
        assertEquals(id, abandoned.id().toString());
        assertTrue(second.claim().isEmpty(), "the lease holds the job while it runs");
        assertEquals("running", IdentityFixture.json(app.call("GET", "/v1/grading-jobs/" + id, ada.token(), null))
                .get("status").asText());

        app.clock.advance(SETTINGS.lease().plusSeconds(1));
        assertTrue(second.runOnce(), "the expired lease lets another worker claim the job");
        var done = IdentityFixture.json(app.call("GET", "/v1/grading-jobs/" + id, ada.token(), null));
        assertEquals("completed", done.get("status").asText());
        long awarded = done.get("submission").get("pointsAwarded").asLong();
        assertTrue(awarded > 0);

        // the first worker comes back late: its completion is refused
        assertEquals(GradingWorker.Result.REFUSED, first.process(abandoned));
        assertEquals(awarded, points(ada), "awarded exactly once");
        assertEquals(1, submissions(ada));
        assertEquals(done.get("submission").get("id"),
                IdentityFixture.json(app.call("GET", "/v1/grading-jobs/" + id, ada.token(), null)).get("submission").get("id"));
    }

    @Test
    void aJobAbandonedOnEveryAttemptFails() throws Exception {
        var ada = app.register(app.uniqueName("ada"));
        String id = queue(ada, RIGHT).get("id").asText();
        GradingJobs.Job last = null;
        for (int attempt = 1; attempt <= SETTINGS.maxAttempts(); attempt++) {
            last = (attempt % 2 == 1 ? first : second).claim().orElseThrow();
            assertEquals(attempt, last.attempts());
            app.clock.advance(SETTINGS.lease().plusSeconds(1));
        }
        assertNotEquals(null, last);
        var worker = SETTINGS.maxAttempts() % 2 == 1 ? second : first;
        assertTrue(worker.runOnce());
        var failed = IdentityFixture.json(app.call("GET", "/v1/grading-jobs/" + id, ada.token(), null));
        assertEquals("failed", failed.get("status").asText(), failed.toString());
        assertEquals("grading was abandoned 3 times", failed.get("error").asText());
        assertEquals(0, submissions(ada));
        assertEquals(0, points(ada));
    }
}
