package org.praxis.persistence.identity;

import static org.jooq.impl.DSL.name;
import static org.praxis.persistence.schema.Tables.SESSIONS;
import static org.praxis.persistence.schema.Tables.USERS;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.praxis.application.identity.port.out.Sessions;
import org.praxis.persistence.common.RenderedSql;
import org.praxis.domain.identity.LearnerId;
import org.praxis.persistence.schema.tables.records.SessionsRecord;
import org.praxis.persistence.schema.tables.records.UsersRecord;

public final class JooqSessions implements Sessions {
    private final DSLContext dsl;
    private final RenderedSql.Template useActive;

    public JooqSessions(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl);
        this.useActive = useActive(new RenderedSql(dsl));
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

    /**
     * One statement, so one round trip without a transaction: the session joined with its user, and, in a
     * data-modifying CTE, the update of {@code last_used_at} when it is due. Both parts see the same
     * snapshot, so the row returned is the session before this use. The update repeats the conditions: a
     * concurrent request's touch or a revocation committed meanwhile is re-checked on the newest row
     * version, so a session is touched once however many requests use it at the same moment.
     */
    @Override
    public Optional<Bearer> useActive(byte[] tokenHash, Instant now, Duration touchEvery) {
        return useActive.resultQuery(Times.utc(now), tokenHash, Times.utc(now.minus(touchEvery))).fetchOptional().map(JooqSessions::bearer);
    }

    /** The statement of {@link #useActive}, built once: its values are the time now, the token's hash, and the time before which a use is recorded. */
    private RenderedSql.Template useActive(RenderedSql sql) {
        return sql.template(b -> {
            var now = b.val((OffsetDateTime) null, SESSIONS.LAST_USED_AT);
            var hash = b.val((byte[]) null, SESSIONS.TOKEN_HASH);
            var touchBefore = b.val((OffsetDateTime) null, SESSIONS.LAST_USED_AT);
            var active = SESSIONS.REVOKED_AT.isNull().and(SESSIONS.EXPIRES_AT.gt(now));
            var touched = name("touched").as(dsl.update(SESSIONS)
                    .set(SESSIONS.LAST_USED_AT, now)
                    .where(SESSIONS.TOKEN_HASH.eq(hash).and(active)
                            .and(SESSIONS.LAST_USED_AT.isNull().or(SESSIONS.LAST_USED_AT.lt(touchBefore))))
                    .returningResult(SESSIONS.ID));
            return dsl.with(touched)
                    .select(Stream.of(SESSIONS.fields(), USERS.fields()).flatMap(Stream::of).toList())
                    .from(SESSIONS).join(USERS).on(USERS.ID.eq(SESSIONS.USER_ID))
                    .where(SESSIONS.TOKEN_HASH.eq(hash).and(active));
        });
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

    /** The session's columns, then the user's: taken by position, as both tables have an {@code id}. */
    private static Bearer bearer(Record row) {
        Object[] values = row.intoArray();
        int sessionColumns = SESSIONS.fields().length;
        var session = new SessionsRecord();
        session.fromArray(Arrays.copyOfRange(values, 0, sessionColumns));
        var user = new UsersRecord();
        user.fromArray(Arrays.copyOfRange(values, sessionColumns, values.length));
        return new Bearer(session(session), JooqAccounts.account(user));
    }

    private static Session session(SessionsRecord r) {
        return new Session(r.getId(), new LearnerId(r.getUserId()), Times.instant(r.getCreatedAt()),
                Times.instant(r.getExpiresAt()), Optional.ofNullable(Times.instant(r.getLastUsedAt())),
                Optional.ofNullable(r.getUserAgent()));
    }
}
