package org.praxis.http.curriculum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.praxis.application.curriculum.port.in.AuthorProblemsUseCase;
import org.praxis.application.curriculum.port.in.AuthorTracksUseCase;
import org.praxis.http.FeatureRoutes;
import org.praxis.http.Paths;
import org.praxis.http.QueryParams;
import org.praxis.http.identity.Authentication;
import org.praxis.http.json.Json;
import org.praxis.http.problem.ApiProblem;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * Authoring over HTTP (authors and admins): problem and track drafts, preview, publish, archive,
 * restore, versions and rollback. Who may do what is decided by the use cases (401 without a token,
 * 403 for a learner, whatever the slug), never here.
 */
public final class AuthoringRoutes implements FeatureRoutes {
    private final AuthorProblemsUseCase problems;
    private final AuthorTracksUseCase tracks;
    private final Json json;

    public AuthoringRoutes(AuthorProblemsUseCase problems, AuthorTracksUseCase tracks, Json json) {
        this.problems = problems;
        this.tracks = tracks;
        this.json = json;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(Paths.AUTHORING_PROBLEMS, ctx -> ctx.json(CurriculumBodies.Page.of(
                problems.list(Authentication.actor(ctx), QueryParams.text(ctx, "state"), CatalogueRoutes.page(ctx)),
                CurriculumBodies.AuthoredProblemItem::of)));
        routes.put(Paths.AUTHORING_PROBLEM, ctx -> {
            var saved = problems.saveDraft(Authentication.actor(ctx), ctx.pathParam("slug"), () -> document(ctx));
            ctx.status(saved.created() ? 201 : 200).json(CurriculumBodies.AuthoredProblem.of(saved.problem()));
        });
        routes.get(Paths.AUTHORING_PROBLEM, ctx -> ctx.json(CurriculumBodies.AuthoredProblem.of(
                problems.show(Authentication.actor(ctx), ctx.pathParam("slug")))));
        routes.get(Paths.AUTHORING_PROBLEM_PREVIEW, ctx -> ctx.json(CurriculumBodies.Problem.of(
                problems.preview(Authentication.actor(ctx), ctx.pathParam("slug")))));
        routes.post(Paths.AUTHORING_PROBLEM_PUBLISH, ctx -> ctx.json(CurriculumBodies.Published.of(
                problems.publish(Authentication.actor(ctx), ctx.pathParam("slug")))));
        routes.post(Paths.AUTHORING_PROBLEM_ARCHIVE, ctx -> ctx.json(CurriculumBodies.AuthoredProblem.of(
                problems.archive(Authentication.actor(ctx), ctx.pathParam("slug")))));
        routes.post(Paths.AUTHORING_PROBLEM_RESTORE, ctx -> ctx.json(CurriculumBodies.AuthoredProblem.of(
                problems.restore(Authentication.actor(ctx), ctx.pathParam("slug")))));
        routes.get(Paths.AUTHORING_PROBLEM_VERSIONS, ctx -> ctx.json(CurriculumBodies.Page.of(
                problems.versions(Authentication.actor(ctx), ctx.pathParam("slug"), CatalogueRoutes.page(ctx)),
                CurriculumBodies.Version::of)));
        routes.post(Paths.AUTHORING_PROBLEM_ROLLBACK, ctx -> {
            var body = json.read(ctx, CurriculumBodies.RollbackRequest.class);
            if (body.version() == null) {
                throw ApiProblem.invalidField("version", "is required");
            }
            ctx.json(CurriculumBodies.Published.of(problems.rollback(Authentication.actor(ctx), ctx.pathParam("slug"), body.version())));
        });

        routes.get(Paths.AUTHORING_TRACKS, ctx -> ctx.json(CurriculumBodies.Page.of(
                tracks.list(Authentication.actor(ctx), CatalogueRoutes.page(ctx)), CurriculumBodies.AuthoredTrackItem::of)));
        routes.put(Paths.AUTHORING_TRACK, ctx -> {
            var saved = tracks.saveDraft(Authentication.actor(ctx), ctx.pathParam("slug"), () -> document(ctx));
            ctx.status(saved.created() ? 201 : 200).json(CurriculumBodies.AuthoredTrack.of(saved.track()));
        });
        routes.get(Paths.AUTHORING_TRACK, ctx -> ctx.json(CurriculumBodies.AuthoredTrack.of(
                tracks.show(Authentication.actor(ctx), ctx.pathParam("slug")))));
        routes.post(Paths.AUTHORING_TRACK_PUBLISH, ctx -> ctx.json(CurriculumBodies.AuthoredTrack.of(
                tracks.publish(Authentication.actor(ctx), ctx.pathParam("slug")))));
        routes.post(Paths.AUTHORING_TRACK_ARCHIVE, ctx -> ctx.json(CurriculumBodies.AuthoredTrack.of(
                tracks.archive(Authentication.actor(ctx), ctx.pathParam("slug")))));
        routes.post(Paths.AUTHORING_TRACK_RESTORE, ctx -> ctx.json(CurriculumBodies.AuthoredTrack.of(
                tracks.restore(Authentication.actor(ctx), ctx.pathParam("slug")))));
    }

    /**
     * The body as a plain document (maps, lists, strings, numbers, booleans): what the content folder's
     * YAML gives too, so both are read by the same rules. Decimals stay exact.
     */
    private Map<String, Object> document(Context ctx) {
        JsonNode tree = json.read(ctx, JsonNode.class);
        if (!tree.isObject()) {
            throw ApiProblem.invalidField("(body)", "must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        var document = (Map<String, Object>) plain(tree);
        return document;
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            var map = new LinkedHashMap<String, Object>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), plain(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            var list = new ArrayList<Object>();
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue() : node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            // a literal beyond double's range (1e400) is read as Infinity, which no BigDecimal holds
            if (!node.isBigDecimal() && !Double.isFinite(node.doubleValue())) {
                throw ApiProblem.invalidField("(body)", "holds a number out of range");
            }
            return node.isBigDecimal() ? node.decimalValue() : new BigDecimal(node.asText());
        }
        return null;
    }
}
