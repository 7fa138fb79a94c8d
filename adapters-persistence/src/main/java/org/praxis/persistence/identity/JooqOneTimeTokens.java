package org.praxis.persistence.identity;

import static org.praxis.persistence.schema.Tables.ONE_TIME_TOKENS;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.jooq.DSLContext;
import org.praxis.application.identity.port.out.OneTimeTokens;
import org.praxis.domain.identity.LearnerId;

public final class JooqOneTimeTokens implements OneTimeTokens {
    private final DSLContext dsl;

    public JooqOneTimeTokens(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl);
    }

    @Override
    public void issue(byte[] tokenHash, LearnerId user, Purpose purpose, Instant createdAt, Instant expiresAt) {
        dsl.insertInto(ONE_TIME_TOKENS)
                .set(ONE_TIME_TOKENS.TOKEN_HASH, tokenHash)
                .set(ONE_TIME_TOKENS.USER_ID, user.value())
                .set(ONE_TIME_TOKENS.PURPOSE, code(purpose))
                .set(ONE_TIME_TOKENS.CREATED_AT, Times.utc(createdAt))
                .set(ONE_TIME_TOKENS.EXPIRES_AT, Times.utc(expiresAt))
                .execute();
    }

    @Override
    public Optional<LearnerId> consume(byte[] tokenHash, Purpose purpose, Instant now) {
        // one statement: two concurrent uses of the same token cannot both succeed
        return dsl.update(ONE_TIME_TOKENS)
                .set(ONE_TIME_TOKENS.USED_AT, Times.utc(now))
                .where(ONE_TIME_TOKENS.TOKEN_HASH.eq(tokenHash)
                        .and(ONE_TIME_TOKENS.PURPOSE.eq(code(purpose)))
                        .and(ONE_TIME_TOKENS.USED_AT.isNull())
                        .and(ONE_TIME_TOKENS.EXPIRES_AT.gt(Times.utc(now))))
                .returning(ONE_TIME_TOKENS.USER_ID)
                .fetchOptional()
                .map(r -> new LearnerId(r.getUserId()));
    }

    @Override
    public void discardUnused(LearnerId user, Purpose purpose, Instant at) {
        dsl.update(ONE_TIME_TOKENS)
                .set(ONE_TIME_TOKENS.USED_AT, Times.utc(at))
                .where(ONE_TIME_TOKENS.USER_ID.eq(user.value())
                        .and(ONE_TIME_TOKENS.PURPOSE.eq(code(purpose)))
                        .and(ONE_TIME_TOKENS.USED_AT.isNull()))
                .execute();
    }

    private static String code(Purpose purpose) {
        return purpose.name().toLowerCase(Locale.ROOT);
    }
}
