package org.praxis.persistence.identity;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.praxis.persistence.schema.Tables.SIGN_IN_FAILURES;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

import org.jooq.DSLContext;
import org.praxis.application.identity.port.out.FailedSignIns;
import org.praxis.domain.identity.ThrottlePolicy;

public final class JooqFailedSignIns implements FailedSignIns {
    private final DSLContext dsl;

    public JooqFailedSignIns(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl);
    }

    @Override
    public Optional<Instant> lockedUntil(Collection<String> keys) {
        return Optional.ofNullable(dsl.select(max(SIGN_IN_FAILURES.LOCKED_UNTIL)).from(SIGN_IN_FAILURES)
                .where(SIGN_IN_FAILURES.KEY.in(keys)).fetchOne(0, java.time.OffsetDateTime.class)).map(Times::instant);
    }

    @Override
    public Optional<ThrottlePolicy.Failures> lockForUpdate(String key) {
        // a transaction-scoped advisory lock also covers the key's first failure, when there is no row to lock yet
        dsl.select(field("pg_advisory_xact_lock(hashtextextended({0}, 0))", Object.class, key)).fetch();
        return dsl.selectFrom(SIGN_IN_FAILURES).where(SIGN_IN_FAILURES.KEY.eq(key)).forUpdate().fetchOptional()
                .map(r -> new ThrottlePolicy.Failures(r.getFailures(), Times.instant(r.getLastFailureAt()),
                        Times.instant(r.getLockedUntil())));
    }

    @Override
    public void save(String key, ThrottlePolicy.Failures f) {
        dsl.insertInto(SIGN_IN_FAILURES)
                .set(SIGN_IN_FAILURES.KEY, key)
                .set(SIGN_IN_FAILURES.FAILURES, f.count())
                .set(SIGN_IN_FAILURES.LAST_FAILURE_AT, Times.utc(f.lastFailure()))
                .set(SIGN_IN_FAILURES.LOCKED_UNTIL, Times.utc(f.lockedUntil()))
                .onConflict(SIGN_IN_FAILURES.KEY).doUpdate()
                .set(SIGN_IN_FAILURES.FAILURES, f.count())
                .set(SIGN_IN_FAILURES.LAST_FAILURE_AT, Times.utc(f.lastFailure()))
                .set(SIGN_IN_FAILURES.LOCKED_UNTIL, Times.utc(f.lockedUntil()))
                .execute();
    }

    @Override
    public void forget(String key) {
        dsl.deleteFrom(SIGN_IN_FAILURES).where(SIGN_IN_FAILURES.KEY.eq(key)).execute();
    }
}
