package org.praxis.application.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.praxis.application.common.Conflict;
import org.praxis.application.common.NotFound;
import org.praxis.application.common.Transactions;
import org.praxis.application.common.Unauthenticated;
import org.praxis.application.identity.port.in.AccountLifecycleUseCase;
import org.praxis.application.identity.port.in.AdministerUsersUseCase;
import org.praxis.application.identity.port.in.ExternalIdentitiesUseCase.IdentityView;
import org.praxis.application.identity.port.in.ProfileUseCase;
import org.praxis.application.identity.port.in.RegisterAccountUseCase;
import org.praxis.application.identity.port.in.SessionsUseCase.SessionView;
import org.praxis.application.identity.port.out.Accounts;
import org.praxis.application.identity.port.out.Accounts.Account;
import org.praxis.application.identity.port.out.Credentials;
import org.praxis.application.identity.port.out.ExternalIdentities;
import org.praxis.application.identity.port.out.LearnerStandings;
import org.praxis.application.identity.port.out.Mailer;
import org.praxis.application.identity.port.out.OneTimeTokens;
import org.praxis.application.identity.port.out.PasswordHasher;
import org.praxis.application.identity.port.out.Sessions;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.identity.EmailAddress;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.identity.PasswordPolicy;
import org.praxis.domain.identity.ProfileRules;
import org.praxis.domain.identity.Role;
import org.praxis.domain.identity.Username;

/** Accounts: sign-up, profiles, export and deletion, and what admins and the operator do to accounts. */
public final class AccountService implements RegisterAccountUseCase, ProfileUseCase, AccountLifecycleUseCase,
        AdministerUsersUseCase {

    /** The outward-facing ports this service uses. */
    public record Ports(Accounts accounts, Credentials credentials, PasswordHasher hasher, OneTimeTokens oneTimeTokens,
            Sessions sessions, ExternalIdentities identities, LearnerStandings standings, Mailer mailer, Transactions tx) {
        public Ports {
            Objects.requireNonNull(accounts);
            Objects.requireNonNull(credentials);
            Objects.requireNonNull(hasher);
            Objects.requireNonNull(oneTimeTokens);
            Objects.requireNonNull(sessions);
            Objects.requireNonNull(identities);
            Objects.requireNonNull(standings);
            Objects.requireNonNull(mailer);
            Objects.requireNonNull(tx);
        }
    }

    private final Ports ports;
    private final BearerTokens tokens;
    private final IdentitySettings settings;
    private final IdentityMails mails;
    private final Clock clock;

    public AccountService(Ports ports, BearerTokens tokens, IdentitySettings settings, Clock clock) {
        this.ports = Objects.requireNonNull(ports);
        this.tokens = Objects.requireNonNull(tokens);
        this.settings = Objects.requireNonNull(settings);
        this.mails = new IdentityMails(settings.linkBase());
        this.clock = Objects.requireNonNull(clock);
    }

    // --- registration -------------------------------------------------------------------------------

    @Override
    public AccountView register(Actor actor, Command c) {
        // Anyone may sign up; the actor is taken so that the rule lives here should it ever change.
        Objects.requireNonNull(actor, "actor");
        new FieldErrors()
                .check("username", Username.problem(c.username()))
                .check("email", EmailAddress.problem(c.email()))
                .check("password", PasswordPolicy.problem(c.password(), c.username(), c.email()))
                .check("displayName", ProfileRules.displayNameProblem(c.displayName()))
                .check("timeZone", ProfileRules.timeZoneProblem(c.timeZone()))
                .throwIfAny();
        var username = new Username(c.username());
        var email = new EmailAddress(c.email());
        // a taken name is answered before spending the hashing time
        ports.tx().run(() -> ensureFree(username, email));
        String hash = ports.hasher().hash(c.password());
        String token = tokens.newToken();
        Instant now = clock.instant();
        Account account = ports.tx().inTransaction(() -> {
            ensureFree(username, email);
            var created = newAccount(username, Optional.of(email.value()), c.displayName(),
                    c.timeZone() == null ? ProfileRules.DEFAULT_TIME_ZONE : c.timeZone(), Role.LEARNER, now);
            ports.accounts().create(created);
            ports.credentials().storePasswordHash(created.id(), hash, now);
            ports.oneTimeTokens().issue(BearerTokens.hash(token), created.id(), OneTimeTokens.Purpose.VERIFY_EMAIL, now,
                    now.plus(settings.verificationLifetime()));
            return created;
        });
        ports.mailer().send(mails.verification(email.value(), username.value(), token));
        return view(account);
    }

    private void ensureFree(Username username, EmailAddress email) {
        if (ports.accounts().byUsername(username.value()).isPresent()) {
            throw new Conflict("username-taken", "The user name '" + username.value() + "' is taken.");
        }
        if (email != null && ports.accounts().byEmail(email.value()).isPresent()) {
            throw new Conflict("email-taken", "An account with this e-mail address exists already.");
        }
    }

    private static Account newAccount(Username username, Optional<String> email, String displayName, String timeZone,
            Role role, Instant now) {
        return new Account(new LearnerId(UUID.randomUUID()), username.value(), email, displayName, timeZone, null, null,
                role, false, Optional.empty(), now);
    }

    private static AccountView view(Account a) {
        return new AccountView(a.id().value(), a.username(), a.displayName(), a.timeZone(), a.role().code());
    }

    // --- profiles -----------------------------------------------------------------------------------

    @Override
    public MyProfile me(Actor actor) {
        var member = Access.member(actor);
        return ports.tx().inTransaction(() -> myProfile(own(member)));
    }

    @Override
    public MyProfile update(Actor actor, Change change) {
        var member = Access.member(actor);
        var values = change.values();
        var errors = new FieldErrors();
        if (values.containsKey(Field.TIME_ZONE) && values.get(Field.TIME_ZONE) == null) {
            errors.add("timeZone", "must not be null");
        }
        errors.check("displayName", ProfileRules.displayNameProblem(values.get(Field.DISPLAY_NAME)))
                .check("timeZone", ProfileRules.timeZoneProblem(values.get(Field.TIME_ZONE)))
                .check("bio", ProfileRules.bioProblem(values.get(Field.BIO)))
                .check("avatarUrl", ProfileRules.avatarUrlProblem(values.get(Field.AVATAR_URL)))
                .throwIfAny();
        Instant now = clock.instant();
        return ports.tx().inTransaction(() -> {
            var current = own(member);
            var profile = new Accounts.Profile(
                    pick(values, Field.DISPLAY_NAME, current.displayName()),
                    pick(values, Field.TIME_ZONE, current.timeZone()),
                    pick(values, Field.BIO, current.bio()),
                    pick(values, Field.AVATAR_URL, current.avatarUrl()));
            ports.accounts().updateProfile(member.id(), profile, now);
            return myProfile(own(member));
        });
    }

    private static String pick(Map<Field, String> values, Field field, String current) {
        return values.containsKey(field) ? values.get(field) : current;
    }

    @Override
    public PublicProfile publicProfile(Actor actor, String username) {
        Objects.requireNonNull(actor, "actor");
        return ports.tx().inTransaction(() -> {
            var account = ports.accounts().byUsername(username == null ? "" : username)
                    .orElseThrow(() -> new NotFound("user", "There is no user '" + username + "'."));
            return new PublicProfile(account.id().value(), account.username(), account.displayName(), account.bio(),
                    account.avatarUrl(), account.role().code(), account.createdAt(), ports.standings().of(account.id()));
        });
    }

    private Account own(Actor.Member member) {
        // the account went away under a live token (deleted meanwhile): the token no longer stands for anyone
        return ports.accounts().byId(member.id())
                .orElseThrow(() -> new Unauthenticated("The account of this token no longer exists."));
    }

    private MyProfile myProfile(Account a) {
        return new MyProfile(a.id().value(), a.username(), a.email().orElse(null), a.emailVerifiedAt().isPresent(),
                a.displayName(), a.timeZone(), a.bio(), a.avatarUrl(), a.role().code(), a.premium(), a.createdAt(),
                ports.standings().of(a.id()));
    }

    // --- lifecycle ----------------------------------------------------------------------------------

    @Override
    public AccountExport export(Actor actor) {
        var member = Access.member(actor);
        Instant now = clock.instant();
        return ports.tx().inTransaction(() -> {
            var account = own(member);
            var sessions = ports.sessions().activeOf(member.id(), now).stream()
                    .map(s -> new SessionView(s.id(), s.createdAt(), s.expiresAt(), s.lastUsedAt().orElse(null),
                            s.userAgent().orElse(null), false))
                    .toList();
            var identities = ports.identities().of(member.id()).stream()
                    .map(l -> new IdentityView(l.provider(), l.subject(), l.linkedAt())).toList();
            return new AccountExport(now, myProfile(account), sessions, identities, ports.standings().activity(member.id()));
        });
    }

    @Override
    public void delete(Actor actor) {
        var member = Access.member(actor);
        ports.tx().run(() -> {
            own(member);
            ports.accounts().delete(member.id());
        });
    }

    // --- administration -----------------------------------------------------------------------------

    @Override
    public AccountView create(Actor actor, NewUser user) {
        Access.requireAdmin(actor);
        new FieldErrors()
                .check("username", Username.problem(user.username()))
                .check("email", EmailAddress.problem(user.email()))
                .check("password", PasswordPolicy.problem(user.password(), user.username(), user.email()))
                .check("role", user.role() == null ? Optional.of("is required") : Optional.empty())
                .throwIfAny();
        String hash = ports.hasher().hash(user.password());
        Instant now = clock.instant();
        return ports.tx().inTransaction(() -> view(insert(user, hash, now)));
    }

    private Account insert(NewUser user, String hash, Instant now) {
        var username = new Username(user.username());
        var email = new EmailAddress(user.email());
        ensureFree(username, email);
        var account = newAccount(username, Optional.of(email.value()), null, ProfileRules.DEFAULT_TIME_ZONE, user.role(), now);
        ports.accounts().create(account);
        ports.credentials().storePasswordHash(account.id(), hash, now);
        return account;
    }

    @Override
    public UserAdminView change(Actor actor, String username, Optional<Role> role, Optional<Boolean> premium) {
        Access.requireAdmin(actor);
        Instant now = clock.instant();
        return ports.tx().inTransaction(() -> {
            var account = ports.accounts().byUsername(username == null ? "" : username)
                    .orElseThrow(() -> new NotFound("user", "There is no user '" + username + "'."));
            if (role.isPresent() && role.get() != account.role()) {
                if (account.role() == Role.ADMIN && ports.accounts().countWithRole(Role.ADMIN) <= 1) {
                    throw new Conflict("last-admin", "'" + account.username() + "' is the only admin; make another admin first.");
                }
                ports.accounts().setRole(account.id(), role.get(), now);
            }
            premium.ifPresent(p -> ports.accounts().setPremium(account.id(), p, now));
            var changed = ports.accounts().byId(account.id()).orElseThrow();
            return new UserAdminView(changed.username(), changed.role().code(), changed.premium());
        });
    }

    @Override
    public AccountView ensureAdmin(Actor actor, String username, String email, String password) {
        Access.requireAdmin(actor);
        var errors = new FieldErrors()
                .check("PRAXIS_ADMIN_USERNAME", Username.problem(username))
                .check("PRAXIS_ADMIN_PASSWORD", PasswordPolicy.problem(password, username, email));
        errors.throwIfAny();
        Instant now = clock.instant();
        var existing = ports.tx().inTransaction(() -> ports.accounts().byUsername(username)
                .map(a -> new Existing(a, ports.credentials().passwordHash(a.id()))));
        if (existing.isEmpty()) {
            new FieldErrors().check("PRAXIS_ADMIN_EMAIL", EmailAddress.problem(email)).throwIfAny();
            String hash = ports.hasher().hash(password);
            return ports.tx().inTransaction(() -> view(insert(new NewUser(username, email, password, Role.ADMIN), hash, now)));
        }
        var account = existing.get().account();
        boolean samePassword = ports.hasher().verify(password, existing.get().passwordHash()).matches();
        String hash = samePassword ? null : ports.hasher().hash(password);
        ports.tx().run(() -> {
            if (account.role() != Role.ADMIN) {
                ports.accounts().setRole(account.id(), Role.ADMIN, now);
            }
            if (hash != null) {
                ports.credentials().storePasswordHash(account.id(), hash, now);
                ports.sessions().revokeAll(account.id(), Optional.empty(), now);
            }
        });
        return new AccountView(account.id().value(), account.username(), account.displayName(), account.timeZone(),
                Role.ADMIN.code());
    }

    private record Existing(Account account, Optional<String> passwordHash) {
    }

    @Override
    public boolean createFirstAdmin(Actor actor, String username, String email, String password) {
        Access.requireAdmin(actor);
        if (ports.tx().inTransaction(() -> ports.accounts().countWithRole(Role.ADMIN)) > 0) {
            return false;
        }
        var user = new NewUser(username, email, password, Role.ADMIN);
        new FieldErrors()
                .check("username", Username.problem(username))
                .check("email", EmailAddress.problem(email))
                .check("password", PasswordPolicy.problem(password, username, email))
                .throwIfAny();
        String hash = ports.hasher().hash(password);
        Instant now = clock.instant();
        return ports.tx().inTransaction(() -> {
            if (ports.accounts().countWithRole(Role.ADMIN) > 0) {
                return false;
            }
            insert(user, hash, now);
            return true;
        });
    }
}
