package org.praxis.application.identity.port.out;

import java.time.Instant;
import java.util.Optional;

import org.praxis.domain.identity.LearnerId;

/** E-mail verification and password reset tokens: stored as hashes, expiring, usable once. */
public interface OneTimeTokens {
    enum Purpose {
        VERIFY_EMAIL, RESET_PASSWORD
    }

    void issue(byte[] tokenHash, LearnerId user, Purpose purpose, Instant createdAt, Instant expiresAt);

    /**
     * Uses the token: answers its user and marks it used, if it exists for this purpose, is unused and
     * has not expired at {@code now}; otherwise empty (and nothing changes).
     */
    Optional<LearnerId> consume(byte[] tokenHash, Purpose purpose, Instant now);

    /** Marks the user's unused tokens of this purpose used, so only the newest one works. */
    void discardUnused(LearnerId user, Purpose purpose, Instant at);
}
