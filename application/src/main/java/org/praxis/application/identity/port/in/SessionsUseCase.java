package org.praxis.application.identity.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.praxis.domain.identity.Actor;

/** The caller's own sessions: sign out, list, revoke. */
public interface SessionsUseCase {
    /** Revokes the session of {@code bearerToken} (nothing to do for an identity provider's token). */
    void signOut(Actor actor, Optional<String> bearerToken);

    List<SessionView> list(Actor actor, Optional<String> bearerToken);

    /** Another user's session, or one already ended, is {@link org.praxis.application.common.NotFound}. */
    void revoke(Actor actor, UUID session);

    record SessionView(UUID id, Instant createdAt, Instant expiresAt, Instant lastUsedAt, String userAgent, boolean current) {
    }
}
