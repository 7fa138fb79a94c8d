package org.praxis.application.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.praxis.application.common.Conflict;
import org.praxis.application.common.InvalidInput;
import org.praxis.application.common.NotFound;
import org.praxis.application.common.TooManyAttempts;
import org.praxis.application.common.Transactions;
import org.praxis.application.common.Unauthenticated;
import org.praxis.application.identity.port.in.AuthenticateUseCase;
import org.praxis.application.identity.port.in.ExternalIdentitiesUseCase;
import org.praxis.application.identity.port.in.SessionsUseCase;
import org.praxis.application.identity.port.in.SignInUseCase;
import org.praxis.application.identity.port.out.Accounts;
import org.praxis.application.identity.port.out.Accounts.Account;
import org.praxis.application.identity.port.out.Credentials;
import org.praxis.application.identity.port.out.ExternalIdentities;
import org.praxis.application.identity.port.out.FailedSignIns;
import org.praxis.application.identity.port.out.IdentityProviders;
import org.praxis.application.identity.port.out.IdentityProviders.Verification;
import org.praxis.application.identity.port.out.PasswordHasher;
import org.praxis.application.identity.port.out.Sessions;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.identity.EmailAddress;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.identity.ProfileRules;
import org.praxis.domain.identity.Role;
import org.praxis.domain.identity.ThrottlePolicy;
import org.praxis.domain.identity.Username;

/**
 * Credentials in, identity out: password sign-in with throttling, resolving bearer tokens (sessions and
 * identity providers' JWTs) into actors, the caller's sessions, and linked external identities.
 */
public final class SignInService implements SignInUseCase, AuthenticateUseCase, SessionsUseCase, ExternalIdentitiesUseCase {
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final int MAX_LOGIN = 254;
    private static final int MAX_PASSWORD_CHARS = 1024;

    public record Ports(Accounts accounts, Credentials credentials, PasswordHasher hasher, Sessions sessions,
            FailedSignIns failures, ExternalIdentities identities, IdentityProviders providers, Transactions tx) {
        public Ports {
            Objects.requireNonNull(accounts);
            Objects.requireNonNull(credentials);
            Objects.requireNonNull(hasher);
            Objects.requireNonNull(sessions);
            Objects.requireNonNull(failures);
            Objects.requireNonNull(identities);
            Objects.requireNonNull(providers);
            Objects.requireNonNull(tx);
        }
    }

    private final Ports ports;
    private final BearerTokens tokens;
    private final IdentitySettings settings;
    private final Clock clock;

    public SignInService(Ports ports, BearerTokens tokens, IdentitySettings settings, Clock clock) {
        this.ports = Objects.requireNonNull(ports);
        this.tokens = Objects.requireNonNull(tokens);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
    }

    // --- sign-in ------------------------------------------------------------------------------------

    @Override
    public IssuedSession signIn(Command c) {
        var errors = new FieldErrors();
        if (c.login() == null || c.login().isBlank()) {
            errors.add("login", "is required");
        } else if (c.login().length() > MAX_LOGIN) {
            errors.add("login", "must be at most " + MAX_LOGIN + " characters long");
        }
        if (c.password() == null || c.password().isEmpty()) {
            errors.add("password", "is required");
        } else if (c.password().length() > MAX_PASSWORD_CHARS) {
            errors.add("password", "must be at most " + MAX_PASSWORD_CHARS + " characters long");
        }
        errors.throwIfAny();

        String login = c.login().strip();
        // keyed by what was typed, never by whether an account has it: unknown logins are throttled alike
        String accountKey = "login:" + BearerTokens.hashHex(login.toLowerCase(Locale.ROOT));
        String addressKey = "address:" + c.clientAddress();
        Instant now = clock.instant();

        var attempt = ports.tx().inTransaction(() -> {
            var locked = ports.failures().lockedUntil(List.of(accountKey, addressKey));
            if (locked.isPresent() && locked.get().isAfter(now)) {
                throw new TooManyAttempts("Too many failed sign-ins; try again later.", Duration.between(now, locked.get()));
            }
            var account = ports.accounts().byLogin(login);
            return new Attempt(account, account.flatMap(a -> ports.credentials().passwordHash(a.id())));
        });

        var verification = ports.hasher().verify(c.password(), attempt.passwordHash());
        if (!verification.matches() || attempt.account().isEmpty()) {
            ports.tx().run(() -> {
                countFailure(accountKey, settings.perAccount(), now);
                countFailure(addressKey, settings.perAddress(), now);
            });
            throw new Unauthenticated("The login or the password is wrong.");
        }

        var account = attempt.account().get();
        String upgraded = verification == PasswordHasher.Verification.MATCH_BUT_OUTDATED ? ports.hasher().hash(c.password()) : null;
        String token = tokens.newToken();
        var expires = now.plus(settings.sessionLifetime());
        ports.tx().run(() -> {
            ports.failures().forget(accountKey);
            if (upgraded != null) {
                ports.credentials().storePasswordHash(account.id(), upgraded, now);
            }
            var session = new Sessions.Session(UUID.randomUUID(), account.id(), now, expires, Optional.empty(),
                    Optional.ofNullable(c.userAgent()).map(ua -> ua.length() > 512 ? ua.substring(0, 512) : ua));
            ports.sessions().create(session, BearerTokens.hash(token));
        });
        return new IssuedSession(token, expires);
    }

    private record Attempt(Optional<Account> account, Optional<String> passwordHash) {
    }

    private void countFailure(String key, ThrottlePolicy policy, Instant now) {
        var previous = ports.failures().lockForUpdate(key);
        var next = policy.afterFailure(previous.map(ThrottlePolicy.Failures::count).orElse(0),
                previous.map(ThrottlePolicy.Failures::lastFailure).orElse(null), now);
        // a lock already running longer (set by a concurrent failure) is never shortened
        if (previous.isPresent() && previous.get().lockedUntil().isAfter(next.lockedUntil())) {
            next = new ThrottlePolicy.Failures(next.count(), next.lastFailure(), previous.get().lockedUntil());
        }
        ports.failures().save(key, next);
    }

    // --- authentication -----------------------------------------------------------------------------

    @Override
    public Actor authenticate(Optional<String> bearerToken) {
        if (bearerToken.isEmpty()) {
            return Actor.anonymous();
        }
        String token = bearerToken.get();
        if (looksLikeJwt(token)) {
            return fromProvider(token);
        }
        if (!BearerTokens.looksLikeToken(token)) {
            throw invalidToken();
        }
        Instant now = clock.instant();
        // One statement when it reaches the database (session and account together). The adapter may answer
        // it from memory for up to TOUCH_EVERY, but only while it hears the database announce every sign-out,
        // revocation, role or premium change and deleted account, which then apply on the next request here
        // and as soon as the announcement arrives elsewhere; an expiry applies at once.
        return ports.tx().oneStatement(() -> ports.sessions().useActive(BearerTokens.hash(token), now, TOUCH_EVERY))
                .map(bearer -> member(bearer.account()))
                .orElseThrow(SignInService::invalidToken);
    }

    private Actor fromProvider(String token) {
        var verification = ports.providers().verify(token);
        if (verification instanceof Verification.Rejected rejected) {
            throw new Unauthenticated("The identity provider's token is not accepted: " + rejected.reason() + ".");
        }
        if (!(verification instanceof Verification.Verified verified)) {
            throw invalidToken();
        }
        Instant now = clock.instant();
        try {
            return ports.tx().inTransaction(() -> {
                var user = ports.identities().userOf(verified.provider(), verified.subject())
                        .orElseGet(() -> provision(verified, now));
                return member(ports.accounts().byId(user).orElseThrow(SignInService::invalidToken));
            });
        } catch (Conflict raced) {
            // A front end's parallel first requests with one new token: the other one provisioned the
            // learner a moment ago, so use that account rather than failing this request.
            return ports.tx().inTransaction(() -> ports.identities().userOf(verified.provider(), verified.subject())
                    .flatMap(ports.accounts()::byId)
                    .map(SignInService::member)
                    .orElseThrow(() -> raced));
        }
    }

    /** A provider's first token for a subject: a new learner, linked to it (ID3). Never linked to an existing account by e-mail. */
    private LearnerId provision(Verification.Verified v, Instant now) {
        var base = Username.suggestedFrom(v.preferredUsername()
                .or(() -> v.email().map(e -> e.substring(0, Math.max(0, e.indexOf('@')))))
                .or(v::name).orElse(""), "learner");
        var username = base;
        for (int n = 2; ports.accounts().byUsername(username.value()).isPresent(); n++) {
            username = n < 100 ? base.withSuffix(n) : base.withSuffix(Math.abs(UUID.randomUUID().hashCode() % 1_000_000));
        }
        var email = v.email().filter(e -> EmailAddress.problem(e).isEmpty())
                .filter(e -> ports.accounts().byEmail(e).isEmpty());
        var account = new Account(new LearnerId(UUID.randomUUID()), username.value(), email,
                v.name().filter(n -> ProfileRules.displayNameProblem(n).isEmpty()).orElse(null),
                ProfileRules.DEFAULT_TIME_ZONE, null, null, Role.LEARNER, false,
                email.isPresent() && v.emailVerified() ? Optional.of(now) : Optional.empty(), now);
        ports.accounts().create(account);
        ports.identities().link(new ExternalIdentities.Link(v.provider(), v.subject(), account.id(), now));
        return account.id();
    }

    private static Actor member(Account account) {
        return new Actor.Member(account.id(), account.role(), account.premium());
    }

    private static boolean looksLikeJwt(String token) {
        return token.chars().filter(ch -> ch == '.').count() == 2;
    }

    private Optional<Sessions.Session> activeSession(String token, Instant now) {
        if (!BearerTokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        return ports.sessions().activeByTokenHash(BearerTokens.hash(token), now);
    }

    private static Unauthenticated invalidToken() {
        return new Unauthenticated("The bearer token is not valid, has expired or was revoked.");
    }

    // --- my sessions --------------------------------------------------------------------------------

    @Override
    public void signOut(Actor actor, Optional<String> bearerToken) {
        var member = Access.member(actor);
        Instant now = clock.instant();
        ports.tx().run(() -> bearerToken.flatMap(t -> activeSession(t, now))
                .filter(s -> s.user().equals(member.id()))
                .ifPresent(s -> ports.sessions().revoke(member.id(), s.id(), now)));
    }

    @Override
    public List<SessionView> list(Actor actor, Optional<String> bearerToken) {
        var member = Access.member(actor);
        Instant now = clock.instant();
        return ports.tx().inTransaction(() -> {
            var current = bearerToken.flatMap(t -> activeSession(t, now)).map(Sessions.Session::id);
            return ports.sessions().activeOf(member.id(), now).stream()
                    .map(s -> new SessionView(s.id(), s.createdAt(), s.expiresAt(), s.lastUsedAt().orElse(null),
                            s.userAgent().orElse(null), current.filter(s.id()::equals).isPresent()))
                    .toList();
        });
    }

    @Override
    public void revoke(Actor actor, UUID session) {
        var member = Access.member(actor);
        Instant now = clock.instant();
        ports.tx().run(() -> {
            if (!ports.sessions().revoke(member.id(), session, now)) {
                throw new NotFound("session", "You have no active session " + session + ".");
            }
        });
    }

    // --- linked identities --------------------------------------------------------------------------

    @Override
    public List<IdentityView> list(Actor actor) {
        var member = Access.member(actor);
        return ports.tx().inTransaction(() -> ports.identities().of(member.id()).stream()
                .map(SignInService::view).toList());
    }

    @Override
    public Linked link(Actor actor, String providerToken) {
        var member = Access.member(actor);
        if (providerToken == null || providerToken.isBlank()) {
            throw InvalidInput.of("token", "is required");
        }
        var verification = ports.providers().verify(providerToken);
        if (verification instanceof Verification.Rejected rejected) {
            throw InvalidInput.of("token", "is not accepted: " + rejected.reason());
        }
        if (!(verification instanceof Verification.Verified verified)) {
            throw InvalidInput.of("token", "is not a token of a configured identity provider");
        }
        Instant now = clock.instant();
        return ports.tx().inTransaction(() -> {
            var owner = ports.identities().userOf(verified.provider(), verified.subject());
            if (owner.isPresent() && !owner.get().equals(member.id())) {
                throw new Conflict("identity-taken", "This " + verified.provider() + " identity is linked to another account.");
            }
            if (owner.isPresent()) {
                var existing = ports.identities().of(member.id()).stream()
                        .filter(l -> l.provider().equals(verified.provider()) && l.subject().equals(verified.subject()))
                        .findFirst().orElseThrow();
                return new Linked(view(existing), false);
            }
            var link = new ExternalIdentities.Link(verified.provider(), verified.subject(), member.id(), now);
            ports.identities().link(link);
            return new Linked(view(link), true);
        });
    }

    private static IdentityView view(ExternalIdentities.Link link) {
        return new IdentityView(link.provider(), link.subject(), link.linkedAt());
    }
}
