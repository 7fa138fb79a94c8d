package org.praxis.application.identity.port.out;

import java.time.Instant;
import java.util.Optional;

import org.praxis.domain.identity.LearnerId;

/** Stored password hashes (never passwords). A user signed up through an identity provider may have none. */
public interface Credentials {
    Optional<String> passwordHash(LearnerId user);

    void storePasswordHash(LearnerId user, String hash, Instant at);
}
