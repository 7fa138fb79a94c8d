package org.praxis.security.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.praxis.application.identity.port.out.PasswordHasher.Verification;

class Argon2idPasswordHasherTest {
    private static final Argon2Parameters CHEAP = new Argon2Parameters(1024, 1, 1);
    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(CHEAP, new SecureRandom(), 2);

    @Test
    void hashesAreArgon2idPhcStringsWithTheirParameters() {
        String hash = hasher.hash("correct horse battery");
        assertTrue(hash.matches("\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), hash);
        assertNotEquals(hash, hasher.hash("correct horse battery"), "a fresh salt each time");
    }

    @Test
    void theRightPasswordMatchesAndAnyOtherDoesNot() {
        String hash = hasher.hash("correct horse battery");
        assertEquals(Verification.MATCH, hasher.verify("correct horse battery", Optional.of(hash)));
        assertEquals(Verification.MISMATCH, hasher.verify("correct horse batterY", Optional.of(hash)));
        assertEquals(Verification.MISMATCH, hasher.verify("", Optional.of(hash)));
    }

    @Test
    void noStoredHashOrAnUnreadableOneNeverMatches() {
        assertEquals(Verification.MISMATCH, hasher.verify("anything at all", Optional.empty()));
        assertEquals(Verification.MISMATCH, hasher.verify("anything at all", Optional.of("$2a$10$bcrypt-not-ours")));
        assertEquals(Verification.MISMATCH, hasher.verify("x", Optional.of("$argon2id$v=19$m=9999999,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")));
    }

    @Test
    void hashesMadeWithWeakerParametersAreOutdated() {
        String old = hasher.hash("correct horse battery");
        var stronger = new Argon2idPasswordHasher(new Argon2Parameters(2048, 1, 1), new SecureRandom(), 1);
        assertEquals(Verification.MATCH_BUT_OUTDATED, stronger.verify("correct horse battery", Optional.of(old)));
        assertFalse(stronger.verify("wrong password", Optional.of(old)).matches());
        assertEquals(Verification.MATCH, hasher.verify("correct horse battery", Optional.of(stronger.hash("correct horse battery"))),
                "a hash stronger than ours is not downgraded");
    }

    @Test
    void theDefaultFollowsOwaspAdvice() {
        assertEquals(new Argon2Parameters(19_456, 2, 1), Argon2Parameters.DEFAULT);
    }
}
