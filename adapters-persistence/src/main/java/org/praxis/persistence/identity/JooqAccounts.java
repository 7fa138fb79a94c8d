package org.praxis.persistence.identity;

import static org.jooq.impl.DSL.lower;
import static org.praxis.persistence.schema.Tables.USERS;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.praxis.application.common.Conflict;
import org.praxis.application.identity.port.out.Accounts;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.identity.Role;
import org.praxis.persistence.common.JooqTransactions;
import org.praxis.persistence.schema.tables.records.UsersRecord;

public final class JooqAccounts implements Accounts {
    private final DSLContext dsl;
    private final BearerCache bearers;

    /** {@code bearers}: the cached checks of this instance's tokens, dropped for a user whose role, premium flag or account changes here. */
    public JooqAccounts(DSLContext dsl, BearerCache bearers) {
        this.dsl = Objects.requireNonNull(dsl);
        this.bearers = Objects.requireNonNull(bearers);
    }

    @Override
    public void create(Account a) {
        try {
            dsl.insertInto(USERS)
                    .set(USERS.ID, a.id().value())
                    .set(USERS.USERNAME, a.username())
                    .set(USERS.EMAIL, a.email().orElse(null))
                    .set(USERS.DISPLAY_NAME, a.displayName())
                    .set(USERS.TIME_ZONE, a.timeZone())
                    .set(USERS.AVATAR_URL, a.avatarUrl())
                    .set(USERS.BIO, a.bio())
                    .set(USERS.ROLE, a.role().code())
                    .set(USERS.PREMIUM, a.premium())
                    .set(USERS.EMAIL_VERIFIED_AT, Times.utc(a.emailVerifiedAt().orElse(null)))
                    .set(USERS.CREATED_AT, Times.utc(a.createdAt()))
                    .set(USERS.UPDATED_AT, Times.utc(a.createdAt()))
                    .execute();
        } catch (DataAccessException e) {
            if ("23505".equals(JooqTransactions.SqlStates.of(e))) {
                String message = String.valueOf(e.getMessage());
                if (message.contains("users_email_ci_key")) {
                    throw new Conflict("email-taken", "An account with this e-mail address exists already.");
                }
                throw new Conflict("username-taken", "The user name '" + a.username() + "' is taken.");
            }
            throw e;
        }
    }

    @Override
    public Optional<Account> byId(LearnerId id) {
        return one(USERS.ID.eq(id.value()));
    }

    @Override
    public Optional<Account> byUsername(String username) {
        return one(lower(USERS.USERNAME).eq(lower(username)));
    }

    @Override
    public Optional<Account> byEmail(String email) {
        return one(lower(USERS.EMAIL).eq(lower(email)));
    }

    @Override
    public Optional<Account> byLogin(String login) {
        // a user name never contains '@' and an e-mail always does, so at most one row matches
        return login.contains("@") ? byEmail(login) : byUsername(login);
    }

    @Override
    public void updateProfile(LearnerId id, Profile p, Instant at) {
        dsl.update(USERS)
                .set(USERS.DISPLAY_NAME, p.displayName())
                .set(USERS.TIME_ZONE, p.timeZone())
                .set(USERS.BIO, p.bio())
                .set(USERS.AVATAR_URL, p.avatarUrl())
                .set(USERS.UPDATED_AT, Times.utc(at))
                .where(USERS.ID.eq(id.value()))
                .execute();
    }

    @Override
    public void setRole(LearnerId id, Role role, Instant at) {
        dsl.update(USERS).set(USERS.ROLE, role.code()).set(USERS.UPDATED_AT, Times.utc(at))
                .where(USERS.ID.eq(id.value())).execute();
        bearers.forgetAfterCommit(id);
    }

    @Override
    public void setPremium(LearnerId id, boolean premium, Instant at) {
        dsl.update(USERS).set(USERS.PREMIUM, premium).set(USERS.UPDATED_AT, Times.utc(at))
                .where(USERS.ID.eq(id.value())).execute();
        bearers.forgetAfterCommit(id);
    }

    @Override
    public void markEmailVerified(LearnerId id, Instant at) {
        dsl.update(USERS).set(USERS.EMAIL_VERIFIED_AT, Times.utc(at)).set(USERS.UPDATED_AT, Times.utc(at))
                .where(USERS.ID.eq(id.value()).and(USERS.EMAIL_VERIFIED_AT.isNull())).execute();
    }

    @Override
    public long countWithRole(Role role) {
        return dsl.fetchCount(USERS, USERS.ROLE.eq(role.code()));
    }

    @Override
    public void delete(LearnerId id) {
        dsl.deleteFrom(USERS).where(USERS.ID.eq(id.value())).execute();
        bearers.forgetAfterCommit(id);
    }

    private Optional<Account> one(Condition condition) {
        return dsl.selectFrom(USERS).where(condition).fetchOptional().map(JooqAccounts::account);
    }

    static Account account(UsersRecord r) {
        return new Account(new LearnerId(r.getId()), r.getUsername(), Optional.ofNullable(r.getEmail()), r.getDisplayName(),
                r.getTimeZone(), r.getAvatarUrl(), r.getBio(),
                Role.parse(r.getRole()).orElseThrow(() -> new IllegalStateException("unknown role " + r.getRole())),
                r.getPremium(), Optional.ofNullable(Times.instant(r.getEmailVerifiedAt())), Times.instant(r.getCreatedAt()));
    }
}
