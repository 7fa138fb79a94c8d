package org.praxis.application.identity.port.out;

import java.util.Optional;

/**
 * A slow, salted password hash whose parameters are part of the stored string, so they can be raised
 * and old hashes upgraded on the next sign-in.
 */
public interface PasswordHasher {
    enum Verification {
        MISMATCH, MATCH, MATCH_BUT_OUTDATED;

        public boolean matches() {
            return this != MISMATCH;
        }
    }

    String hash(String password);

    /**
     * Checks {@code password} against {@code stored} in constant time. With no stored hash (an unknown
     * user) it spends the same time on a decoy hash and answers {@link Verification#MISMATCH}, so a
     * caller cannot tell the two apart by timing.
     */
    Verification verify(String password, Optional<String> stored);
}
