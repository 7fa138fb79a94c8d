package org.praxis.application.identity.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.praxis.application.identity.port.out.OneTimeTokens;
import org.praxis.domain.identity.LearnerId;

public final class InMemoryOneTimeTokens implements OneTimeTokens {
    private static final class Row {
        final byte[] hash;
        final LearnerId user;
        final Purpose purpose;
        final Instant expiresAt;
        Instant usedAt;

        Row(byte[] hash, LearnerId user, Purpose purpose, Instant expiresAt) {
            this.hash = hash;
            this.user = user;
            this.purpose = purpose;
            this.expiresAt = expiresAt;
        }
    }

    private final List<Row> rows = new ArrayList<>();

    public synchronized void forget(LearnerId user) {
        rows.removeIf(r -> r.user.equals(user));
    }

    @Override
    public synchronized void issue(byte[] tokenHash, LearnerId user, Purpose purpose, Instant createdAt, Instant expiresAt) {
        rows.add(new Row(tokenHash.clone(), user, purpose, expiresAt));
    }

    @Override
    public synchronized Optional<LearnerId> consume(byte[] tokenHash, Purpose purpose, Instant now) {
        for (var r : rows) {
            if (Arrays.equals(r.hash, tokenHash) && r.purpose == purpose && r.usedAt == null && r.expiresAt.isAfter(now)) {
                r.usedAt = now;
                return Optional.of(r.user);
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void discardUnused(LearnerId user, Purpose purpose, Instant at) {
        rows.stream().filter(r -> r.user.equals(user) && r.purpose == purpose && r.usedAt == null).forEach(r -> r.usedAt = at);
    }
}
