package org.praxis.application.identity.port.in;

import java.time.Instant;
import java.util.List;

import org.praxis.domain.identity.Actor;

/** My linked identity-provider accounts (ID3). */
public interface ExternalIdentitiesUseCase {
    List<IdentityView> list(Actor actor);

    /**
     * Links the subject of a provider's token to me. Linked to me already: {@code created} is false. Linked
     * to someone else: {@link org.praxis.application.common.Conflict} ({@code identity-taken}).
     */
    Linked link(Actor actor, String providerToken);

    record IdentityView(String provider, String subject, Instant linkedAt) {
    }

    record Linked(IdentityView identity, boolean created) {
    }
}
