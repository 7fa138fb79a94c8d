package org.praxis.http.progress;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.praxis.application.progress.port.in.EnrolUseCase;
import org.praxis.application.progress.port.in.GradingJobsUseCase;
import org.praxis.application.progress.port.in.LearnerDashboardUseCase;
import org.praxis.application.progress.port.in.SubmissionHistoryUseCase;
import org.praxis.application.progress.port.in.SubmitAnswerUseCase;
import org.praxis.application.progress.port.in.WorkOnProblemUseCase;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.progress.SubmissionId;
import org.praxis.http.FeatureRoutes;
import org.praxis.http.Paths;
import org.praxis.http.QueryParams;
import org.praxis.http.identity.Authentication;
import org.praxis.http.json.Json;
import org.praxis.http.problem.ApiProblem;
import org.praxis.http.problem.Problem;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/** The learning loop over HTTP: enrol, start, hint, submit, history, dashboard, reviews. */
public final class LearningRoutes implements FeatureRoutes {
    private final SubmitAnswerUseCase submit;
    private final WorkOnProblemUseCase work;
    private final EnrolUseCase enrol;
    private final LearnerDashboardUseCase dashboard;
    private final SubmissionHistoryUseCase history;
    private final Json json;
    private final GradingJobsUseCase jobs;

    public LearningRoutes(SubmitAnswerUseCase submit, WorkOnProblemUseCase work, EnrolUseCase enrol,
            LearnerDashboardUseCase dashboard, SubmissionHistoryUseCase history, Json json) {
        this(submit, work, enrol, dashboard, history, json, (actor, id) -> {
            throw new org.praxis.application.common.NotFound("grading job", "There is no grading job '" + id + "'.");
        });
    }

    public LearningRoutes(SubmitAnswerUseCase submit, WorkOnProblemUseCase work, EnrolUseCase enrol,
            LearnerDashboardUseCase dashboard, SubmissionHistoryUseCase history, Json json, GradingJobsUseCase jobs) {
        this.jobs = jobs;
        this.submit = submit;
        this.work = work;
        this.enrol = enrol;
        this.dashboard = dashboard;
        this.history = history;
        this.json = json;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(Paths.TRACK_ENROLMENT, ctx -> {
            var result = enrol.enrol(Authentication.actor(ctx), QueryParams.path(ctx, "slug", TrackSlug::new));
            ctx.status(result.created() ? 201 : 200).json(new LearningBodies.EnrolmentResponse(result.track().value(), result.enrolledAt()));
        });
        routes.post(Paths.PROBLEM_SESSION, ctx ->
                ctx.json(LearningBodies.session(work.start(Authentication.actor(ctx), problem(ctx)))));
        routes.post(Paths.PROBLEM_HINT, ctx -> {
            int n = QueryParams.path(ctx, "n", LearningRoutes::hintNumber);
            var hint = work.revealHint(Authentication.actor(ctx), problem(ctx), n);
            ctx.json(new LearningBodies.HintResponse(hint.number(), hint.text(), hint.penalty()));
        });
        routes.post(Paths.PROBLEM_SUBMISSIONS, this::submit);
        routes.get(Paths.SUBMISSION, ctx -> ctx.json(LearningBodies.submission(
                history.one(Authentication.actor(ctx), QueryParams.path(ctx, "id", SubmissionId::of)))));
        routes.get(Paths.GRADING_JOB, ctx -> {
            var job = jobs.job(Authentication.actor(ctx), QueryParams.path(ctx, "id", UUID::fromString));
            ctx.json(new LearningBodies.JobResponse(job.id().toString(), job.status(),
                    job.submission().map(LearningBodies::submission).orElse(null), job.error().orElse(null)));
        });
        routes.get(Paths.ME_SUBMISSIONS, ctx -> {
            var page = history.mine(Authentication.actor(ctx), QueryParams.query(ctx, "problem", ProblemSlug::new),
                    QueryParams.text(ctx, "cursor"),
                    QueryParams.integer(ctx, "limit", SubmissionHistoryUseCase.DEFAULT_LIMIT, 1, SubmissionHistoryUseCase.MAX_LIMIT));
            ctx.json(new LearningBodies.Page<>(page.items().stream().map(LearningBodies::submission).toList(),
                    page.nextCursor().orElse(null)));
        });
        routes.get(Paths.ME_DASHBOARD, ctx -> ctx.json(DashboardBodies.of(dashboard.dashboard(Authentication.actor(ctx)))));
        routes.get(Paths.ME_REVIEWS_DUE, ctx -> ctx.json(new LearningBodies.Page<>(
                dashboard.dueReviews(Authentication.actor(ctx)).stream().map(LearningBodies::due).toList(), null)));
    }

    private void submit(Context ctx) {
        var body = json.read(ctx, LearningBodies.SubmitRequest.class);
        if (body.answer() == null) {
            throw ApiProblem.invalidField("answer", "is required");
        }
        var command = new SubmitAnswerUseCase.Command(Authentication.actor(ctx), problem(ctx), body.answer(),
                Optional.ofNullable(ctx.header("Idempotency-Key")));
        var outcome = submit.submit(command);
        if (outcome instanceof SubmitAnswerUseCase.Outcome.Graded graded) {
            ctx.status(201).json(LearningBodies.submission(graded.submission()));
        } else if (outcome instanceof SubmitAnswerUseCase.Outcome.Replayed replayed) {
            ctx.header("Idempotent-Replayed", "true");
            ctx.status(201).json(LearningBodies.submission(replayed.submission()));
        } else if (outcome instanceof SubmitAnswerUseCase.Outcome.Queued queued) {
            ctx.header("Location", Paths.GRADING_JOB.replace("{id}", queued.job().toString()));
            ctx.status(202).json(new LearningBodies.JobResponse(queued.job().toString(), "pending", null, null));
        } else if (outcome instanceof SubmitAnswerUseCase.Outcome.Locked locked) {
            String missing = locked.missingPrerequisites().stream().map(Object::toString).collect(Collectors.joining(", "));
            throw new ApiProblem(409, "/problems/problem-locked", "Problem locked",
                    "'" + locked.problem() + "' unlocks when these modules are completed: " + missing + ".",
                    List.of(new Problem.FieldProblem("problem", "locked until " + missing + " completed")), Map.of());
        }
    }

    private static ProblemSlug problem(Context ctx) {
        return QueryParams.path(ctx, "slug", ProblemSlug::new);
    }

    private static int hintNumber(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a hint number from 1");
        }
    }
}
