package org.praxis.persistence.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.praxis.application.identity.port.out.Sessions;
import org.praxis.domain.identity.LearnerId;

/**
 * {@link Sessions} whose request checks ({@link #useActive}) are answered from a {@link BearerCache} when it
 * holds the token, and kept there when the database answered; revocations through here drop the user's
 * entries at once and after their commit. Everything else goes to the database.
 */
public final class CachingSessions implements Sessions {
    private final Sessions delegate;
    private final BearerCache cache;

    public CachingSessions(Sessions delegate, BearerCache cache) {
        this.delegate = Objects.requireNonNull(delegate);
        this.cache = Objects.requireNonNull(cache);
    }

    @Override
    public void create(Session session, byte[] tokenHash) {
        delegate.create(session, tokenHash);
    }

    @Override
    public Optional<Session> activeByTokenHash(byte[] tokenHash, Instant now) {
        return delegate.activeByTokenHash(tokenHash, now);
    }

    /**
     * From the cache when it holds the token and the database checked it less than {@code touchEvery} ago:
     * the last use is then recorded on the next check after that, as it would have been.
     */
    @Override
    public Optional<Bearer> useActive(byte[] tokenHash, Instant now, Duration touchEvery) {
        var cached = cache.find(tokenHash, now);
        if (cached.isPresent()) {
            return cached;
        }
        long began = cache.generation();
        var found = delegate.useActive(tokenHash, now, touchEvery);
        found.ifPresent(bearer -> cache.remember(tokenHash, bearer, now, touchEvery, began));
        return found;
    }

    @Override
    public List<Session> activeOf(LearnerId user, Instant now) {
        return delegate.activeOf(user, now);
    }

    @Override
    public boolean revoke(LearnerId user, UUID session, Instant at) {
        boolean revoked = delegate.revoke(user, session, at);
        cache.forgetAfterCommit(user);
        return revoked;
    }

    @Override
    public int revokeAll(LearnerId user, Optional<UUID> keep, Instant at) {
        int revoked = delegate.revokeAll(user, keep, at);
        cache.forgetAfterCommit(user);
        return revoked;
    }
}
