package org.praxis.persistence.identity;

import static org.praxis.persistence.schema.Tables.EXTERNAL_IDENTITIES;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.praxis.application.common.Conflict;
import org.praxis.application.identity.port.out.ExternalIdentities;
import org.praxis.domain.identity.LearnerId;
import org.praxis.persistence.common.JooqTransactions;

public final class JooqExternalIdentities implements ExternalIdentities {
    private final DSLContext dsl;

    public JooqExternalIdentities(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl);
    }

    @Override
    public Optional<LearnerId> userOf(String provider, String subject) {
        return dsl.select(EXTERNAL_IDENTITIES.USER_ID).from(EXTERNAL_IDENTITIES)
                .where(EXTERNAL_IDENTITIES.PROVIDER.eq(provider).and(EXTERNAL_IDENTITIES.SUBJECT.eq(subject)))
                .fetchOptional(EXTERNAL_IDENTITIES.USER_ID).map(LearnerId::new);
    }

    @Override
    public void link(Link link) {
        try {
            dsl.insertInto(EXTERNAL_IDENTITIES)
                    .set(EXTERNAL_IDENTITIES.PROVIDER, link.provider())
                    .set(EXTERNAL_IDENTITIES.SUBJECT, link.subject())
                    .set(EXTERNAL_IDENTITIES.USER_ID, link.user().value())
                    .set(EXTERNAL_IDENTITIES.LINKED_AT, Times.utc(link.linkedAt()))
                    .execute();
        } catch (DataAccessException e) {
            if ("23505".equals(JooqTransactions.SqlStates.of(e))) {
                throw new Conflict("identity-taken", "This " + link.provider() + " identity is linked to an account already.");
            }
            throw e;
        }
    }

    @Override
    public List<Link> of(LearnerId user) {
        return dsl.selectFrom(EXTERNAL_IDENTITIES).where(EXTERNAL_IDENTITIES.USER_ID.eq(user.value()))
                .orderBy(EXTERNAL_IDENTITIES.LINKED_AT, EXTERNAL_IDENTITIES.PROVIDER)
                .fetch(r -> new Link(r.getProvider(), r.getSubject(), new LearnerId(r.getUserId()), Times.instant(r.getLinkedAt())));
    }
}
