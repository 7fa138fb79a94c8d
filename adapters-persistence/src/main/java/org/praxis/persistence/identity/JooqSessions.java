package org.praxis.persistence.identity;

import static org.praxis.persistence.schema.Tables.SESSIONS;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.praxis.application.identity.port.out.Sessions;
import org.praxis.domain.identity.LearnerId;
import org.praxis.persistence.schema.tables.records.SessionsRecord;

public final class JooqSessions implements Sessions {
    private final DSLContext dsl;

    public JooqSessions(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl);
    }

    @Override
    public void create(Session s, byte[] tokenHash) {
        dsl.insertInto(SESSIONS)
                .set(SESSIONS.ID, s.id())
                .set(SESSIONS.USER_ID, s.user().value())
                .set(SESSIONS.TOKEN_HASH, tokenHash)
                .set(SESSIONS.CREATED_AT, Times.utc(s.createdAt()))
                .set(SESSIONS.EXPIRES_AT, Times.utc(s.expiresAt()))
                .set(SESSIONS.LAST_USED_AT, Times.utc(s.lastUsedAt().orElse(null)))
                .set(SESSIONS.USER_AGENT, s.userAgent().orElse(null))
                .execute();
    }

    @Override
    public Optional<Session> activeByTokenHash(byte[] tokenHash, Instant now) {
        return dsl.selectFrom(SESSIONS).where(SESSIONS.TOKEN_HASH.eq(tokenHash).and(active(now)))
                .fetchOptional().map(JooqSessions::session);
    }

    @Override
    public void touch(UUID session, Instant at) {
        dsl.update(SESSIONS).set(SESSIONS.LAST_USED_AT, Times.utc(at)).where(SESSIONS.ID.eq(session)).execute();
    }

    @Override
    public List<Session> activeOf(LearnerId user, Instant now) {
        return dsl.selectFrom(SESSIONS).where(SESSIONS.USER_ID.eq(user.value()).and(active(now)))
                .orderBy(SESSIONS.CREATED_AT.desc(), SESSIONS.ID).fetch(JooqSessions::session);
    }

    @Override
    public boolean revoke(LearnerId user, UUID session, Instant at) {
        return dsl.update(SESSIONS).set(SESSIONS.REVOKED_AT, Times.utc(at))
                .where(SESSIONS.ID.eq(session).and(SESSIONS.USER_ID.eq(user.value())).and(active(at)))
                .execute() == 1;
    }

    @Override
    public int revokeAll(LearnerId user, Optional<UUID> keep, Instant at) {
        Condition condition = SESSIONS.USER_ID.eq(user.value()).and(active(at));
        if (keep.isPresent()) {
            condition = condition.and(SESSIONS.ID.ne(keep.get()));
        }
        return dsl.update(SESSIONS).set(SESSIONS.REVOKED_AT, Times.utc(at)).where(condition).execute();
    }

    private static Condition active(Instant now) {
        return SESSIONS.REVOKED_AT.isNull().and(SESSIONS.EXPIRES_AT.gt(Times.utc(now)));
    }

    private static Session session(SessionsRecord r) {
        return new Session(r.getId(), new LearnerId(r.getUserId()), Times.instant(r.getCreatedAt()),
                Times.instant(r.getExpiresAt()), Optional.ofNullable(Times.instant(r.getLastUsedAt())),
                Optional.ofNullable(r.getUserAgent()));
    }
}
