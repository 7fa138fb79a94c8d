package org.praxis.application.identity.testing;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.praxis.application.identity.port.out.FailedSignIns;
import org.praxis.domain.identity.ThrottlePolicy;

public final class InMemoryFailedSignIns implements FailedSignIns {
    private final Map<String, ThrottlePolicy.Failures> rows = new HashMap<>();

    @Override
    public synchronized Optional<Instant> lockedUntil(Collection<String> keys) {
        return keys.stream().map(rows::get).filter(Objects::nonNull).map(ThrottlePolicy.Failures::lockedUntil)
                .max(Instant::compareTo);
    }

    @Override
    public synchronized Optional<ThrottlePolicy.Failures> lockForUpdate(String key) {
        return Optional.ofNullable(rows.get(key));
    }

    @Override
    public synchronized void save(String key, ThrottlePolicy.Failures failures) {
        rows.put(key, failures);
    }

    @Override
    public synchronized void forget(String key) {
        rows.remove(key);
    }

    public synchronized int count(String keyPrefix) {
        return rows.entrySet().stream().filter(e -> e.getKey().startsWith(keyPrefix)).mapToInt(e -> e.getValue().count()).sum();
    }
}
