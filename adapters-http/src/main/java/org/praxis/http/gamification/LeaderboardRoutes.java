package org.praxis.http.gamification;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.praxis.application.gamification.port.in.LeaderboardsUseCase;
import org.praxis.application.gamification.port.in.LeaderboardsUseCase.Board;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.http.FeatureRoutes;
import org.praxis.http.Paths;
import org.praxis.http.QueryParams;
import org.praxis.http.identity.Authentication;
import org.praxis.http.problem.ApiProblem;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/** Leaderboards (GA4): public pages, and "my rank" for a signed-in learner. */
public final class LeaderboardRoutes implements FeatureRoutes {
    private final LeaderboardsUseCase boards;

    public LeaderboardRoutes(LeaderboardsUseCase boards) {
        this.boards = boards;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EntryBody(int rank, String username, String displayName, long score, Integer longestStreak, Instant completedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PageBody(String board, String period, long total, List<EntryBody> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MineBody(String board, String period, Integer rank, long score, List<EntryBody> items) {
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(Paths.LEADERBOARD, ctx -> ctx.json(page(boards.board(board(ctx), QueryParams.text(ctx, "period"),
                limit(ctx), offset(ctx)))));
        routes.get(Paths.LEADERBOARD_ME, ctx -> {
            var mine = boards.me(Authentication.actor(ctx), board(ctx), QueryParams.text(ctx, "period"),
                    QueryParams.integer(ctx, "neighbours", 0, 0, LeaderboardsUseCase.MAX_NEIGHBOURS));
            ctx.json(new MineBody(mine.board(), mine.period().orElse(null), mine.rank().orElse(null), mine.score(),
                    mine.items().stream().map(LeaderboardRoutes::entry).toList()));
        });
        routes.get(Paths.PROBLEM_LEADERBOARD, ctx -> ctx.json(page(boards.problem(
                QueryParams.path(ctx, "slug", ProblemSlug::new), limit(ctx), offset(ctx)))));
        routes.get(Paths.TOPIC_LEADERBOARD, ctx -> ctx.json(page(boards.topic(
                QueryParams.path(ctx, "slug", TopicSlug::new), limit(ctx), offset(ctx)))));
    }

    private static Board board(Context ctx) {
        String name = ctx.pathParam("board");
        return switch (name) {
            case "global" -> Board.GLOBAL;
            case "weekly" -> Board.WEEKLY;
            case "monthly" -> Board.MONTHLY;
            default -> throw new ApiProblem(404, "/problems/not-found", "No such board",
                    "There is no board '" + (name.length() > 40 ? name.substring(0, 40) : name) + "'; boards are global, weekly and monthly.",
                    List.of(), java.util.Map.of());
        };
    }

    private static int limit(Context ctx) {
        return QueryParams.integer(ctx, "limit", LeaderboardsUseCase.DEFAULT_LIMIT, 1, LeaderboardsUseCase.MAX_LIMIT);
    }

    private static int offset(Context ctx) {
        return QueryParams.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    }

    private static PageBody page(LeaderboardsUseCase.Page page) {
        return new PageBody(page.board().toLowerCase(Locale.ROOT), page.period().orElse(null), page.total(),
                page.items().stream().map(LeaderboardRoutes::entry).toList());
    }

    private static EntryBody entry(LeaderboardsUseCase.Entry e) {
        return new EntryBody(e.rank(), e.username(), e.displayName(), e.score(), e.longestStreak().orElse(null),
                e.completedAt().orElse(null));
    }
}
