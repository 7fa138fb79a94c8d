package org.praxis.application.identity.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.praxis.domain.identity.LearnerId;

/** Bearer sessions, found by the SHA-256 hash of their token (the token itself is never stored). */
public interface Sessions {
    record Session(UUID id, LearnerId user, Instant createdAt, Instant expiresAt, Optional<Instant> lastUsedAt,
            Optional<String> userAgent) {
        public Session {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(lastUsedAt, "lastUsedAt");
            Objects.requireNonNull(userAgent, "userAgent");
        }
    }

    /** An active session and the account it signs in: what a bearer token stands for. */
    record Bearer(Session session, Accounts.Account account) {
        public Bearer {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(account, "account");
        }
    }

    void create(Session session, byte[] tokenHash);

    /** The session of this token hash if it is neither revoked nor expired at {@code now}. */
    Optional<Session> activeByTokenHash(byte[] tokenHash, Instant now);

    /**
     * A request made with the token of this hash: its session if neither revoked nor expired at {@code now},
     * with the account read at the same moment; and when the session was last used more than
     * {@code touchEvery} before {@code now} (or never), {@code now} is recorded as its last use. Atomic on
     * its own, and meant to be one statement, so it needs no transaction around it (the session returned
     * is as it was before this use). An implementation may answer from the checks it made less than
     * {@code touchEvery} ago, provided every revocation, expiry, role or premium change and deletion since
     * reaches it (the PostgreSQL adapter's bearer cache hears them announced): the account's profile fields
     * may then be that old, its role and premium flag not.
     */
    Optional<Bearer> useActive(byte[] tokenHash, Instant now, Duration touchEvery);

    /** The user's sessions that are neither revoked nor expired, newest first. */
    List<Session> activeOf(LearnerId user, Instant now);

    /** Revokes one of the user's active sessions; false when the user has no such active session. */
    boolean revoke(LearnerId user, UUID session, Instant at);

    /** Revokes all of the user's active sessions but {@code keep}; returns how many were revoked. */
    int revokeAll(LearnerId user, Optional<UUID> keep, Instant at);
}
