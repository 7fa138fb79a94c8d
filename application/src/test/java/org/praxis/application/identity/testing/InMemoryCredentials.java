package org.praxis.application.identity.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.praxis.application.identity.port.out.Credentials;
import org.praxis.domain.identity.LearnerId;

public final class InMemoryCredentials implements Credentials {
    private final Map<LearnerId, String> hashes = new HashMap<>();

    public synchronized void forget(LearnerId user) {
        hashes.remove(user);
    }

    @Override
    public synchronized Optional<String> passwordHash(LearnerId user) {
        return Optional.ofNullable(hashes.get(user));
    }

    @Override
    public synchronized void storePasswordHash(LearnerId user, String hash, Instant at) {
        hashes.put(user, hash);
    }
}
