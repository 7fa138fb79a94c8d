package org.praxis.application.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.praxis.application.common.Conflict;
import org.praxis.application.common.InvalidInput;
import org.praxis.application.common.Transactions;
import org.praxis.application.common.Unauthenticated;
import org.praxis.application.identity.port.in.EmailVerificationUseCase;
import org.praxis.application.identity.port.in.PasswordsUseCase;
import org.praxis.application.identity.port.out.Accounts;
import org.praxis.application.identity.port.out.Credentials;
import org.praxis.application.identity.port.out.Mailer;
import org.praxis.application.identity.port.out.OneTimeTokens;
import org.praxis.application.identity.port.out.OneTimeTokens.Purpose;
import org.praxis.application.identity.port.out.PasswordHasher;
import org.praxis.application.identity.port.out.Sessions;
import org.praxis.domain.identity.EmailAddress;
import org.praxis.domain.identity.PasswordPolicy;
import org.praxis.domain.identity.Actor;

/** Passwords (change, forgotten) and e-mail verification: everything that travels by mailed, once-only token. */
public final class CredentialService implements PasswordsUseCase, EmailVerificationUseCase {
    private static final String BAD_TOKEN = "is not valid, has expired or was used already";

    public record Ports(Accounts accounts, Credentials credentials, PasswordHasher hasher, Sessions sessions,
            OneTimeTokens oneTimeTokens, Mailer mailer, Transactions tx) {
        public Ports {
            Objects.requireNonNull(accounts);
            Objects.requireNonNull(credentials);
            Objects.requireNonNull(hasher);
            Objects.requireNonNull(sessions);
            Objects.requireNonNull(oneTimeTokens);
            Objects.requireNonNull(mailer);
            Objects.requireNonNull(tx);
        }
    }

    private final Ports ports;
    private final BearerTokens tokens;
    private final IdentitySettings settings;
    private final IdentityMails mails;
    private final Clock clock;

    public CredentialService(Ports ports, BearerTokens tokens, IdentitySettings settings, Clock clock) {
        this.ports = Objects.requireNonNull(ports);
        this.tokens = Objects.requireNonNull(tokens);
        this.settings = Objects.requireNonNull(settings);
        this.mails = new IdentityMails(settings.linkBase());
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public void change(Actor actor, Optional<String> bearerToken, String currentPassword, String newPassword) {
        var member = Access.member(actor);
        Instant now = clock.instant();
        var state = ports.tx().inTransaction(() -> {
            var account = ports.accounts().byId(member.id())
                    .orElseThrow(() -> new Unauthenticated("The account of this token no longer exists."));
            var current = bearerToken.filter(BearerTokens::looksLikeToken)
                    .flatMap(t -> ports.sessions().activeByTokenHash(BearerTokens.hash(t), now))
                    .map(Sessions.Session::id);
            return new State(account, ports.credentials().passwordHash(member.id()), current);
        });
        var errors = new FieldErrors()
                .check("newPassword", PasswordPolicy.problem(newPassword, state.account().username(),
                        state.account().email().orElse(null)));
        if (state.hash().isPresent() && (currentPassword == null || currentPassword.isEmpty())) {
            errors.add("currentPassword", "is required");
        }
        errors.throwIfAny();
        // an account made by an identity provider has no password yet: it may set one without a current one
        if (state.hash().isPresent() && !ports.hasher().verify(currentPassword, state.hash()).matches()) {
            throw InvalidInput.of("currentPassword", "is not your current password");
        }
        String hash = ports.hasher().hash(newPassword);
        ports.tx().run(() -> {
            ports.credentials().storePasswordHash(member.id(), hash, now);
            ports.sessions().revokeAll(member.id(), state.currentSession(), now);
        });
    }

    private record State(Accounts.Account account, Optional<String> hash, Optional<java.util.UUID> currentSession) {
    }

    @Override
    public void requestReset(String email) {
        new FieldErrors().check("email", EmailAddress.problem(email)).throwIfAny();
        String token = tokens.newToken();
        Instant now = clock.instant();
        var mail = ports.tx().inTransaction(() -> ports.accounts().byEmail(email).map(account -> {
            ports.oneTimeTokens().discardUnused(account.id(), Purpose.RESET_PASSWORD, now);
            ports.oneTimeTokens().issue(BearerTokens.hash(token), account.id(), Purpose.RESET_PASSWORD, now,
                    now.plus(settings.resetLifetime()));
            return mails.reset(account.email().orElseThrow(), account.username(), token);
        }));
        mail.ifPresent(ports.mailer()::send);
    }

    @Override
    public void completeReset(String token, String newPassword) {
        var errors = new FieldErrors();
        if (token == null || token.isBlank()) {
            errors.add("token", "is required");
        }
        errors.check("newPassword", PasswordPolicy.problem(newPassword, null, null)).throwIfAny();
        if (!BearerTokens.looksLikeToken(token)) {
            throw InvalidInput.of("token", BAD_TOKEN);
        }
        String hash = ports.hasher().hash(newPassword);
        Instant now = clock.instant();
        ports.tx().run(() -> {
            var user = ports.oneTimeTokens().consume(BearerTokens.hash(token), Purpose.RESET_PASSWORD, now)
                    .orElseThrow(() -> InvalidInput.of("token", BAD_TOKEN));
            var account = ports.accounts().byId(user).orElseThrow(() -> InvalidInput.of("token", BAD_TOKEN));
            // thrown inside the transaction: the token stays unused, so the learner can pick another password
            new FieldErrors().check("newPassword", PasswordPolicy.problem(newPassword, account.username(),
                    account.email().orElse(null))).throwIfAny();
            ports.credentials().storePasswordHash(user, hash, now);
            ports.sessions().revokeAll(user, Optional.empty(), now);
            if (account.emailVerifiedAt().isEmpty()) {
                ports.accounts().markEmailVerified(user, now); // the reset link proved the mailbox
            }
        });
    }

    @Override
    public void requestVerification(Actor actor) {
        var member = Access.member(actor);
        String token = tokens.newToken();
        Instant now = clock.instant();
        var mail = ports.tx().inTransaction(() -> {
            var account = ports.accounts().byId(member.id())
                    .orElseThrow(() -> new Unauthenticated("The account of this token no longer exists."));
            if (account.email().isEmpty()) {
                throw new Conflict("no-email", "Your account has no e-mail address to verify.");
            }
            if (account.emailVerifiedAt().isPresent()) {
                return Optional.<Mailer.Mail>empty();
            }
            ports.oneTimeTokens().discardUnused(member.id(), Purpose.VERIFY_EMAIL, now);
            ports.oneTimeTokens().issue(BearerTokens.hash(token), member.id(), Purpose.VERIFY_EMAIL, now,
                    now.plus(settings.verificationLifetime()));
            return Optional.of(mails.verification(account.email().get(), account.username(), token));
        });
        mail.ifPresent(ports.mailer()::send);
    }

    @Override
    public void verify(String token) {
        if (token == null || token.isBlank()) {
            throw InvalidInput.of("token", "is required");
        }
        if (!BearerTokens.looksLikeToken(token)) {
            throw InvalidInput.of("token", BAD_TOKEN);
        }
        Instant now = clock.instant();
        ports.tx().run(() -> {
            var user = ports.oneTimeTokens().consume(BearerTokens.hash(token), Purpose.VERIFY_EMAIL, now)
                    .orElseThrow(() -> InvalidInput.of("token", BAD_TOKEN));
            ports.accounts().markEmailVerified(user, now);
        });
    }
}
