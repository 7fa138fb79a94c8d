package org.praxis.bootstrap;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.praxis.application.gamification.LeaderboardService;
import org.praxis.application.grading.Grading;
import org.praxis.application.grading.port.out.ExternalGraders;
import org.praxis.application.progress.EnrolmentService;
import org.praxis.application.progress.GradingJobsService;
import org.praxis.application.progress.GradingMode;
import org.praxis.application.progress.GradingWorker;
import org.praxis.application.progress.LearnerDashboardService;
import org.praxis.application.progress.SubmissionHistoryService;
import org.praxis.application.progress.SubmitAnswerService;
import org.praxis.application.progress.WorkOnProblemService;
import org.praxis.http.FeatureRoutes;
import org.praxis.http.gamification.LeaderboardRoutes;
import org.praxis.http.json.Json;
import org.praxis.http.progress.LearningRoutes;
import org.praxis.persistence.common.Jooq;
import org.praxis.persistence.common.JooqTransactions;
import org.praxis.persistence.curriculum.CachingCatalogue;
import org.praxis.persistence.curriculum.CachingPracticeProblems;
import org.praxis.persistence.curriculum.JooqPracticeProblems;
import org.praxis.persistence.gamification.GlobalBoardIndex;
import org.praxis.persistence.gamification.JooqBoards;
import org.praxis.persistence.progress.JooqGradingJobs;
import org.praxis.persistence.progress.JooqLearnerOverviews;
import org.praxis.persistence.progress.JooqLearnerStates;
import org.praxis.persistence.progress.JooqSubmissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The learning loop (progress, grading, gamification) on PostgreSQL, as HTTP routes. */
public final class LearningWiring {
    /** Weekly and monthly boards turn over at midnight in this zone. */
    public static final ZoneId BOARD_ZONE = ZoneId.of("UTC");
    private static final Logger LOG = LoggerFactory.getLogger(LearningWiring.class);

    private LearningWiring() {
    }

    /** How long after its stamp a board change may commit and still reach the other instances' indexes. */
    static final Duration BOARD_OVERLAP = Duration.ofSeconds(2);
    /** How often each instance follows the board changes other instances commit (P8: within 5 s). */
    public static final Duration BOARD_POLL = Duration.ofSeconds(1);

    /**
     * The learning routes, the grading workers and the board index follower to stop with the server (no
     * workers in inline mode), and whether the global board's index is loaded (readiness).
     */
    public record Learning(List<FeatureRoutes> routes, AutoCloseable workers, BooleanSupplier boardsReady) {
    }

    /**
     * {@code graders}: the graders outside the domain (the SQL sandbox); {@code publishedContent}: the
     * content cache whose invalidation also drops the practice problems cached here.
     */
    public static List<FeatureRoutes> routes(DataSource dataSource, Clock clock, Json json, ExternalGraders graders,
            CachingCatalogue publishedContent) {
        return learning(dataSource, clock, json, graders, publishedContent, GradingSettings.defaults()).routes();
    }

    /** As {@link #routes}, with grading jobs (PR6) when {@code grading} is queued, and their workers started. */
    public static Learning learning(DataSource dataSource, Clock clock, Json json, ExternalGraders graders,
            CachingCatalogue publishedContent, GradingSettings grading) {
        var dsl = Jooq.over(dataSource);
        var tx = new JooqTransactions(dsl);
        var problems = new CachingPracticeProblems(new JooqPracticeProblems(dsl), publishedContent);
        var submissions = new JooqSubmissions(dsl);
        var overviews = new JooqLearnerOverviews(dsl);
        var globalBoard = new GlobalBoardIndex(dsl, BOARD_OVERLAP);
        // this instance's reads of the board see its own submissions at once, the other instances' within a poll
        var learners = new JooqLearnerStates(dsl, globalBoard::committedHere);
        try {
            // built before serving when the database answers (a few seconds at a million learners); otherwise
            // the follower builds it once it does, and until then the global board is counted in SQL
            globalBoard.load();
        } catch (RuntimeException e) {
            LOG.warn("global board index: not built at start, building it in the background", e);
        }
        var boards = new JooqBoards(dsl, globalBoard);
        var jobs = new JooqGradingJobs(dsl);
        var inline = new SubmitAnswerService(problems, learners, submissions, boards, new Grading(graders), tx, clock,
                BOARD_ZONE, UUID::randomUUID);
        var submit = grading.mode() == GradingMode.QUEUED ? inline.queued(jobs, grading.waitFor()) : inline;
        AutoCloseable grading0 = () -> {
        };
        if (grading.mode() == GradingMode.QUEUED && grading.workers() > 0) {
            var list = new java.util.ArrayList<GradingWorker>();
            for (int i = 1; i <= grading.workers(); i++) {
                list.add(new GradingWorker(workerName(i), jobs, learners, inline, tx, clock, grading.lease(), grading.maxAttempts()));
            }
            grading0 = GradingWorkers.start(list, grading.idlePoll());
        }
        var gradingWorkers = grading0;
        var follower = globalBoard.follow(BOARD_POLL);
        AutoCloseable workers = () -> {
            try (follower; gradingWorkers) {
                // closed in reverse order: the grading workers, then the board follower
            }
        };
        return new Learning(List.of(
                new LearningRoutes(submit, new WorkOnProblemService(problems, learners, tx, clock),
                        new EnrolmentService(overviews, tx, clock),
                        new LearnerDashboardService(overviews, learners, submissions, tx, clock),
                        new SubmissionHistoryService(submissions, tx), json, new GradingJobsService(jobs, submissions, boards, tx)),
                new LeaderboardRoutes(new LeaderboardService(boards, tx, clock, BOARD_ZONE))), workers, globalBoard::loaded);
    }

    /** One grading worker on its own ports (tests drive its {@code runOnce()}; production starts them above). */
    public static GradingWorker worker(DataSource dataSource, Clock clock, ExternalGraders graders, String name,
            GradingSettings grading) {
        var dsl = Jooq.over(dataSource);
        var tx = new JooqTransactions(dsl);
        var learners = new JooqLearnerStates(dsl);
        var inline = new SubmitAnswerService(new JooqPracticeProblems(dsl), learners, new JooqSubmissions(dsl),
                new JooqBoards(dsl), new Grading(graders), tx, clock, BOARD_ZONE, UUID::randomUUID);
        return new GradingWorker(name, new JooqGradingJobs(dsl), learners, inline, tx, clock, grading.lease(), grading.maxAttempts());
    }

    private static String workerName(int n) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "host";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + n + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
