package org.praxis.application.identity.port.in;

import java.time.Instant;
import java.util.List;

import org.praxis.domain.identity.Actor;

/** Take my data with me, or leave (GDPR articles 15, 17 and 20). */
public interface AccountLifecycleUseCase {
    AccountExport export(Actor actor);

    /** Deletes my account and my private data; public contributions are kept without my name. */
    void delete(Actor actor);

    record AccountExport(Instant exportedAt, ProfileUseCase.MyProfile account, List<SessionsUseCase.SessionView> sessions,
            List<ExternalIdentitiesUseCase.IdentityView> identities, java.util.Map<String, Object> learning) {
    }
}
