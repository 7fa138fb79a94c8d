package org.praxis.http.identity;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.praxis.application.common.NotFound;
import org.praxis.application.identity.port.in.AccountLifecycleUseCase;
import org.praxis.application.identity.port.in.AdministerUsersUseCase;
import org.praxis.application.identity.port.in.AuthenticateUseCase;
import org.praxis.application.identity.port.in.EmailVerificationUseCase;
import org.praxis.application.identity.port.in.ExternalIdentitiesUseCase;
import org.praxis.application.identity.port.in.PasswordsUseCase;
import org.praxis.application.identity.port.in.ProfileUseCase;
import org.praxis.application.identity.port.in.RegisterAccountUseCase;
import org.praxis.application.identity.port.in.SessionsUseCase;
import org.praxis.application.identity.port.in.SignInUseCase;
import org.praxis.domain.identity.Role;
import org.praxis.http.FeatureRoutes;
import org.praxis.http.Paths;
import org.praxis.http.json.Json;
import org.praxis.http.identity.IdentityBodies.Account;
import org.praxis.http.identity.IdentityBodies.Export;
import org.praxis.http.identity.IdentityBodies.Identity;
import org.praxis.http.identity.IdentityBodies.Me;
import org.praxis.http.identity.IdentityBodies.Page;
import org.praxis.http.identity.IdentityBodies.PublicUser;
import org.praxis.http.identity.IdentityBodies.Session;
import org.praxis.http.identity.IdentityBodies.Token;
import org.praxis.http.identity.IdentityBodies.UserAdmin;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * Accounts, sessions, profiles, passwords, linked identities and role grants. Handlers read the request,
 * pass the caller's {@link org.praxis.domain.identity.Actor} to an in-port, and write what it answers;
 * every decision about who may do what is the use case's.
 */
public final class IdentityRoutes implements FeatureRoutes {

    /** The identity in-ports (all implemented by the application's identity services). */
    public record UseCases(AuthenticateUseCase authenticate, RegisterAccountUseCase register, SignInUseCase signIn,
            SessionsUseCase sessions, ProfileUseCase profiles, PasswordsUseCase passwords,
            EmailVerificationUseCase emailVerification, AccountLifecycleUseCase lifecycle,
            ExternalIdentitiesUseCase identities, AdministerUsersUseCase administer) {
    }

    private final UseCases useCases;
    private final Json json;
    private final boolean trustForwardedFor;

    /**
     * @param trustForwardedFor take the client address from the last {@code X-Forwarded-For} entry (set this
     *                          only behind exactly one reverse proxy that appends it), else from the socket
     */
    public IdentityRoutes(UseCases useCases, Json json, boolean trustForwardedFor) {
        this.useCases = useCases;
        this.json = json;
        this.trustForwardedFor = trustForwardedFor;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        new Authentication(useCases.authenticate()).install(routes);

        routes.post(Paths.ACCOUNTS, this::register);
        routes.post(Paths.SESSIONS, this::signIn);
        routes.get(Paths.SESSIONS, ctx -> send(ctx, 200, Page.all(useCases.sessions()
                .list(Authentication.actor(ctx), Authentication.bearer(ctx)).stream().map(Session::of).toList())));
        routes.delete(Paths.SESSION_CURRENT, ctx -> {
            useCases.sessions().signOut(Authentication.actor(ctx), Authentication.bearer(ctx));
            ctx.status(204);
        });
        routes.delete(Paths.SESSION, ctx -> {
            useCases.sessions().revoke(Authentication.actor(ctx), uuid(ctx.pathParam("id"), "session"));
            ctx.status(204);
        });

        routes.get(Paths.ME, ctx -> send(ctx, 200, Me.of(useCases.profiles().me(Authentication.actor(ctx)))));
        routes.patch(Paths.ME, this::updateMe);
        routes.delete(Paths.ME, ctx -> {
            useCases.lifecycle().delete(Authentication.actor(ctx));
            ctx.status(204);
        });
        routes.get(Paths.ME_EXPORT, ctx -> {
            var export = Export.of(useCases.lifecycle().export(Authentication.actor(ctx)));
            ctx.header("Content-Disposition", "attachment; filename=\"praxis-account-export.json\"");
            send(ctx, 200, export);
        });
        routes.put(Paths.ME_PASSWORD, this::changePassword);
        routes.post(Paths.ME_EMAIL_VERIFICATION, ctx -> {
            useCases.emailVerification().requestVerification(Authentication.actor(ctx));
            ctx.status(202);
        });
        routes.get(Paths.ME_IDENTITIES, ctx -> send(ctx, 200, Page.all(useCases.identities()
                .list(Authentication.actor(ctx)).stream().map(Identity::of).toList())));
        routes.post(Paths.ME_IDENTITIES, this::linkIdentity);

        routes.post(Paths.EMAIL_VERIFICATIONS, ctx -> {
            var body = StrictBody.read(ctx, json, Set.of("token"));
            String token = body.text("token");
            body.done();
            useCases.emailVerification().verify(token);
            ctx.status(204);
        });
        routes.post(Paths.PASSWORD_RESETS, ctx -> {
            var body = StrictBody.read(ctx, json, Set.of("email"));
            String email = body.text("email");
            body.done();
            useCases.passwords().requestReset(email);
            ctx.status(202);
        });
        routes.post(Paths.PASSWORD_RESETS_COMPLETE, ctx -> {
            var body = StrictBody.read(ctx, json, Set.of("token", "newPassword"));
            String token = body.text("token");
            String password = body.text("newPassword");
            body.done();
            useCases.passwords().completeReset(token, password);
            ctx.status(204);
        });

        routes.get(Paths.USER, ctx -> send(ctx, 200,
                PublicUser.of(useCases.profiles().publicProfile(Authentication.actor(ctx), ctx.pathParam("username")))));
        routes.patch(Paths.USER, this::administer);
    }

    private void register(Context ctx) {
        var body = StrictBody.read(ctx, json, Set.of("username", "email", "password", "displayName", "timeZone"));
        var command = new RegisterAccountUseCase.Command(body.text("username"), body.text("email"), body.text("password"),
                body.text("displayName"), body.text("timeZone"));
        body.done();
        var created = useCases.register().register(Authentication.actor(ctx), command);
        ctx.header("Location", "/v1/users/" + created.username());
        send(ctx, 201, new Account(created.id(), created.username(), created.displayName(), created.timeZone(), created.role()));
    }

    private void signIn(Context ctx) {
        var body = StrictBody.read(ctx, json, Set.of("login", "password"));
        String login = body.text("login");
        String password = body.text("password");
        body.done();
        var session = useCases.signIn().signIn(new SignInUseCase.Command(login, password, clientAddress(ctx), ctx.userAgent()));
        send(ctx, 201, new Token(session.token(), session.expiresAt()));
    }

    private void updateMe(Context ctx) {
        var body = StrictBody.read(ctx, json, Set.of("displayName", "timeZone", "bio", "avatarUrl"));
        var values = new EnumMap<ProfileUseCase.Field, String>(ProfileUseCase.Field.class);
        for (var entry : Map.of("displayName", ProfileUseCase.Field.DISPLAY_NAME, "timeZone", ProfileUseCase.Field.TIME_ZONE,
                "bio", ProfileUseCase.Field.BIO, "avatarUrl", ProfileUseCase.Field.AVATAR_URL).entrySet()) {
            if (body.has(entry.getKey())) {
                values.put(entry.getValue(), body.text(entry.getKey()));
            }
        }
        body.done();
        send(ctx, 200, Me.of(useCases.profiles().update(Authentication.actor(ctx), new ProfileUseCase.Change(values))));
    }

    private void changePassword(Context ctx) {
        var body = StrictBody.read(ctx, json, Set.of("currentPassword", "newPassword"));
        String current = body.text("currentPassword");
        String next = body.text("newPassword");
        body.done();
        useCases.passwords().change(Authentication.actor(ctx), Authentication.bearer(ctx), current, next);
        ctx.status(204);
    }

    private void linkIdentity(Context ctx) {
        var body = StrictBody.read(ctx, json, Set.of("token"));
        String token = body.text("token");
        body.done();
        var linked = useCases.identities().link(Authentication.actor(ctx), token);
        send(ctx, linked.created() ? 201 : 200, Identity.of(linked.identity()));
    }

    private void administer(Context ctx) {
        var body = StrictBody.read(ctx, json, Set.of("role", "premium"));
        String roleText = body.text("role");
        Optional<Role> role = Optional.empty();
        if (roleText != null) {
            role = Role.parse(roleText);
            if (role.isEmpty()) {
                body.invalid("role", "must be one of learner, author, admin");
            }
        }
        Optional<Boolean> premium = Optional.ofNullable(body.bool("premium"));
        body.done();
        var changed = useCases.administer().change(Authentication.actor(ctx), ctx.pathParam("username"), role, premium);
        send(ctx, 200, new UserAdmin(changed.username(), changed.role(), changed.premium()));
    }

    private String clientAddress(Context ctx) {
        if (trustForwardedFor) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].strip();
                if (!last.isEmpty() && last.length() <= 64) {
                    return last;
                }
            }
        }
        return ctx.ip();
    }

    private static UUID uuid(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFound(what, "There is no " + what + " '" + text + "'.");
        }
    }

    private void send(Context ctx, int status, Object body) {
        // personal data and tokens: never kept by a shared cache
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("application/json").result(json.write(body));
    }
}
