package org.praxis.persistence.identity;

import static org.praxis.persistence.schema.Tables.PASSWORD_CREDENTIALS;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.jooq.DSLContext;
import org.praxis.application.identity.port.out.Credentials;
import org.praxis.domain.identity.LearnerId;

public final class JooqCredentials implements Credentials {
    private final DSLContext dsl;

    public JooqCredentials(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl);
    }

    @Override
    public Optional<String> passwordHash(LearnerId user) {
        return dsl.select(PASSWORD_CREDENTIALS.HASH).from(PASSWORD_CREDENTIALS)
                .where(PASSWORD_CREDENTIALS.USER_ID.eq(user.value())).fetchOptional(PASSWORD_CREDENTIALS.HASH);
    }

    @Override
    public void storePasswordHash(LearnerId user, String hash, Instant at) {
        dsl.insertInto(PASSWORD_CREDENTIALS)
                .set(PASSWORD_CREDENTIALS.USER_ID, user.value())
                .set(PASSWORD_CREDENTIALS.HASH, hash)
                .set(PASSWORD_CREDENTIALS.UPDATED_AT, Times.utc(at))
                .onConflict(PASSWORD_CREDENTIALS.USER_ID).doUpdate()
                .set(PASSWORD_CREDENTIALS.HASH, hash)
                .set(PASSWORD_CREDENTIALS.UPDATED_AT, Times.utc(at))
                .execute();
    }
}
