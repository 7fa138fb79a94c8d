package org.praxis.http.curriculum;

import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.PageRequest;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.ProblemFilter;
import org.praxis.http.FeatureRoutes;
import org.praxis.http.Paths;
import org.praxis.http.QueryParams;
import org.praxis.http.identity.Authentication;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * The catalogue (published content only): topics, tracks, a track with its modules, lessons and
 * problems, problems with filters, a problem page. A signed-in caller also sees their own progress.
 */
public final class CatalogueRoutes implements FeatureRoutes {
    private final BrowseCatalogueUseCase catalogue;

    public CatalogueRoutes(BrowseCatalogueUseCase catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(Paths.TOPICS, ctx -> ctx.json(new CurriculumBodies.Page<>(
                catalogue.topics().stream().map(CurriculumBodies.Topic::of).toList(), null)));
        routes.get(Paths.TRACKS, ctx -> ctx.json(CurriculumBodies.Page.of(catalogue.tracks(page(ctx)), CurriculumBodies.TrackItem::of)));
        routes.get(Paths.TRACK, ctx -> ctx.json(CurriculumBodies.Track.of(
                catalogue.track(ctx.pathParam("slug"), Authentication.actor(ctx)))));
        routes.get(Paths.PROBLEMS, ctx -> {
            var filter = new ProblemFilter(QueryParams.text(ctx, "topic"), QueryParams.text(ctx, "difficulty"), QueryParams.text(ctx, "tag"));
            ctx.json(CurriculumBodies.Page.of(catalogue.problems(filter, page(ctx), Authentication.actor(ctx)),
                    CurriculumBodies.ProblemItem::of));
        });
        routes.get(Paths.PROBLEM, ctx -> ctx.json(CurriculumBodies.Problem.of(
                catalogue.problem(ctx.pathParam("slug"), Authentication.actor(ctx)))));
    }

    /** {@code ?limit=} (1..100, default 20) and {@code ?cursor=}. */
    static PageRequest page(Context ctx) {
        return new PageRequest(QueryParams.integer(ctx, "limit", BrowseCatalogueUseCase.DEFAULT_LIMIT, 1, BrowseCatalogueUseCase.MAX_LIMIT),
                QueryParams.text(ctx, "cursor"));
    }
}
