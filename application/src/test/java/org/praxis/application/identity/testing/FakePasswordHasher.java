package org.praxis.application.identity.testing;

import java.util.Optional;

import org.praxis.application.identity.port.out.PasswordHasher;

/**
 * Instant "hashing" for unit tests: {@code fake$v<version>$<password reversed>}. Raising {@link #version}
 * makes older hashes outdated, like raising the real hasher's parameters. Counts verifications so tests
 * can check that an unknown user still costs one.
 */
public final class FakePasswordHasher implements PasswordHasher {
    private volatile int version = 1;
    private volatile int verifications;

    public void raiseParameters() {
        version++;
    }

    public int verifications() {
        return verifications;
    }

    @Override
    public String hash(String password) {
        return "fake$v" + version + "$" + new StringBuilder(password).reverse();
    }

    @Override
    public Verification verify(String password, Optional<String> stored) {
        verifications++;
        if (stored.isEmpty()) {
            return Verification.MISMATCH;
        }
        String hash = stored.get();
        String body = hash.substring(hash.indexOf('$', 5) + 1);
        if (!body.equals(new StringBuilder(password).reverse().toString())) {
            return Verification.MISMATCH;
        }
        return hash.startsWith("fake$v" + version + "$") ? Verification.MATCH : Verification.MATCH_BUT_OUTDATED;
    }
}
