package org.praxis.http.identity;

import java.util.Locale;
import java.util.Optional;

import org.praxis.application.common.Unauthenticated;
import org.praxis.application.identity.port.in.AuthenticateUseCase;
import org.praxis.domain.identity.Actor;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * Finds out who is calling, once per request, before any /v1 handler runs: the bearer token goes to the
 * {@link AuthenticateUseCase} and the {@link Actor} it answers is kept on the request. Handlers of every
 * feature read it with {@link #actor(Context)} and hand it to their use case, which decides.
 */
public final class Authentication {
    private static final String ACTOR = "praxis.actor";

    private final AuthenticateUseCase authenticate;

    public Authentication(AuthenticateUseCase authenticate) {
        this.authenticate = authenticate;
    }

    public void install(JavalinDefaultRoutingApi routes) {
        routes.before("/v1/*", ctx -> ctx.attribute(ACTOR, authenticate.authenticate(bearer(ctx))));
    }

    /** The caller; anonymous when no token came (or authentication was not installed). */
    public static Actor actor(Context ctx) {
        Actor actor = ctx.attribute(ACTOR);
        return actor == null ? Actor.anonymous() : actor;
    }

    /** The token of an {@code Authorization: Bearer <token>} header; another scheme is refused, not ignored. */
    public static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.length() > 7 && value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            String token = value.substring(7).strip();
            if (!token.isEmpty() && !token.contains(" ")) {
                return Optional.of(token);
            }
        }
        throw new Unauthenticated("The Authorization header must be 'Bearer <token>'.");
    }
}
