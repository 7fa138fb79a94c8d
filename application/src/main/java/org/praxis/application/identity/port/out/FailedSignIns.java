package org.praxis.application.identity.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import org.praxis.domain.identity.ThrottlePolicy;

/**
 * Counters of failed sign-ins by key (an account's login, a client address), shared by every instance
 * of the service because they live in the database.
 */
public interface FailedSignIns {

    /** The latest lock among these keys, if any. */
    Optional<Instant> lockedUntil(Collection<String> keys);

    /** The key's counter, locked against concurrent updates until the transaction ends. */
    Optional<ThrottlePolicy.Failures> lockForUpdate(String key);

    void save(String key, ThrottlePolicy.Failures failures);

    void forget(String key);
}
