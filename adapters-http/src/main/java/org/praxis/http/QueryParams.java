package org.praxis.http;

import java.util.Optional;
import java.util.function.Function;

import org.praxis.http.problem.ApiProblem;

import io.javalin.http.Context;

/** Query and path parameters read strictly: a bad value is a 400 naming the parameter, never a 500. */
public final class QueryParams {
    private QueryParams() {
    }

    public static int integer(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw ApiProblem.invalidField(name, "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField(name, "must be a whole number");
        }
    }

    public static Optional<String> text(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(s -> !s.isEmpty());
    }

    /** A path parameter turned into a value object whose constructor validates it. */
    public static <T> T path(Context ctx, String name, Function<String, T> parse) {
        try {
            return parse.apply(ctx.pathParam(name));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(name, e.getMessage());
        }
    }

    public static <T> Optional<T> query(Context ctx, String name, Function<String, T> parse) {
        try {
            return text(ctx, name).map(parse);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(name, e.getMessage());
        }
    }
}
