package org.praxis.http.problem;

import java.util.List;

import org.praxis.application.common.Conflict;
import org.praxis.application.common.Forbidden;
import org.praxis.application.common.InvalidInput;
import org.praxis.application.common.NotFound;
import org.praxis.application.common.TooManyAttempts;
import org.praxis.application.common.Unauthenticated;
import org.praxis.application.common.Unavailable;
import org.praxis.application.common.Unprocessable;
import org.praxis.http.json.Json;
import org.praxis.http.observability.RequestObservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/** The one place where every failure becomes an {@code application/problem+json} answer. */
public final class ProblemResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private final Json json;

    public ProblemResponses(Json json) {
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.exception(ApiProblem.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            write(ctx, e.status(), e.type(), e.title(), e.getMessage(), e.errors());
        });
        routes.exception(InvalidInput.class, (e, ctx) -> write(ctx, 400, "/problems/validation",
                "The request is not valid", e.getMessage(),
                e.errors().stream().map(f -> new Problem.FieldProblem(f.field(), f.message())).toList()));
        routes.exception(NotFound.class, (e, ctx) -> write(ctx, 404, "/problems/not-found",
                "No such " + e.what(), e.getMessage(), List.of()));
        routes.exception(Conflict.class, (e, ctx) -> write(ctx, 409, "/problems/" + e.reason(),
                "Conflict", e.getMessage(), List.of()));
        routes.exception(Unprocessable.class, (e, ctx) -> write(ctx, 422, "/problems/" + e.reason(),
                "Unprocessable request", e.getMessage(), List.of()));
        routes.exception(Forbidden.class, (e, ctx) -> write(ctx, 403, "/problems/forbidden",
                "Not allowed", e.getMessage(), List.of()));
        routes.exception(Unauthenticated.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", "Bearer");
            write(ctx, 401, "/problems/unauthenticated", "Sign-in required", e.getMessage(), List.of());
        });
        routes.exception(TooManyAttempts.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            write(ctx, 429, "/problems/too-many-attempts", "Too many attempts", e.getMessage(), List.of());
        });
        routes.exception(Unavailable.class, (e, ctx) -> {
            ctx.header("Retry-After", "5");
            write(ctx, 503, "/problems/unavailable", "Service unavailable",
                    "The service cannot reach its database right now; retry shortly.", List.of());
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            write(ctx, status, typeOf(status), titleOf(status), detailOf(ctx, e), List.of());
        });
        routes.exception(Exception.class, (e, ctx) -> {
            if (databaseUnreachable(e)) {
                // reads outside a use case's transaction meet an outage too: same answer as Unavailable
                LOG.warn("the database does not answer ({} {}): {}", ctx.method(), ctx.path(), e.getMessage());
                ctx.header("Retry-After", "5");
                write(ctx, 503, "/problems/unavailable", "Service unavailable",
                        "The service cannot reach its database right now; retry shortly.", List.of());
                return;
            }
            if (databaseRefusedValue(e)) {
                // a value from the request that passed every check but that PostgreSQL cannot take
                // (U+0000 in text, an impossible date or number): the caller's input, on any route
                write(ctx, 400, "/problems/validation", "The request is not valid",
                        "The request holds a value the database cannot store (for example the NUL character).", List.of());
                return;
            }
            LOG.error("unhandled failure on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, "/problems/internal", "Internal error",
                    "Something went wrong on our side; the request id identifies it in our logs.", List.of());
        });
    }

    /** SQLSTATE 22021 (NUL / bad encoding), 22P05 (untranslatable), 22008 (date out of range), 22003 (number out of range). */
    static boolean databaseRefusedValue(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && java.util.Set.of("22021", "22P05", "22008", "22003").contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** No connection from the pool in time, a refused or broken connection, or a server shutting down. */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private void write(Context ctx, int status, String type, String title, String detail,
            List<Problem.FieldProblem> errors) {
        var problem = new Problem(type, title, status, detail, ctx.path(), RequestObservation.requestId(ctx), errors);
        ctx.status(status).contentType(Problem.CONTENT_TYPE).result(json.write(problem));
    }

    private static String detailOf(Context ctx, HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> "There is nothing at " + ctx.method() + " " + ctx.path() + ".";
            case 405 -> ctx.method() + " is not allowed on " + ctx.path() + ".";
            case 413 -> "The request body is larger than this service accepts.";
            default -> e.getMessage();
        };
    }

    static String typeOf(int status) {
        return switch (status) {
            case 404 -> "/problems/not-found";
            case 405 -> "/problems/method-not-allowed";
            case 413 -> "/problems/body-too-large";
            case 415 -> "/problems/unsupported-media-type";
            default -> "/problems/http-" + status;
        };
    }

    static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Sign-in required";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported media type";
            default -> io.javalin.http.HttpStatus.forStatus(status).getMessage();
        };
    }
}
