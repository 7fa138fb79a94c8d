package org.praxis.bootstrap;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.praxis.application.gamification.LeaderboardService;
import org.praxis.application.grading.Grading;
import org.praxis.application.grading.port.out.ExternalGraders;
import org.praxis.application.progress.EnrolmentService;
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
import org.praxis.persistence.gamification.JooqBoards;
import org.praxis.persistence.progress.JooqLearnerOverviews;
import org.praxis.persistence.progress.JooqLearnerStates;
import org.praxis.persistence.progress.JooqSubmissions;

/** The learning loop (progress, grading, gamification) on PostgreSQL, as HTTP routes. */
public final class LearningWiring {
    /** Weekly and monthly boards turn over at midnight in this zone. */
    public static final ZoneId BOARD_ZONE = ZoneId.of("UTC");

    private LearningWiring() {
    }

    /**
     * {@code graders}: the graders outside the domain (the SQL sandbox); {@code publishedContent}: the
     * content cache whose invalidation also drops the practice problems cached here.
     */
    public static List<FeatureRoutes> routes(DataSource dataSource, Clock clock, Json json, ExternalGraders graders,
            CachingCatalogue publishedContent) {
        var dsl = Jooq.over(dataSource);
        var tx = new JooqTransactions(dsl);
        var problems = new CachingPracticeProblems(new JooqPracticeProblems(dsl), publishedContent);
        var learners = new JooqLearnerStates(dsl);
        var submissions = new JooqSubmissions(dsl);
        var overviews = new JooqLearnerOverviews(dsl);
        var boards = new JooqBoards(dsl);
        var submit = new SubmitAnswerService(problems, learners, submissions, boards, new Grading(graders), tx, clock,
                BOARD_ZONE, UUID::randomUUID);
        return List.of(
                new LearningRoutes(submit, new WorkOnProblemService(problems, learners, tx, clock),
                        new EnrolmentService(overviews, tx, clock),
                        new LearnerDashboardService(overviews, learners, submissions, tx, clock),
                        new SubmissionHistoryService(submissions, tx), json),
                new LeaderboardRoutes(new LeaderboardService(boards, tx, clock, BOARD_ZONE)));
    }
}
