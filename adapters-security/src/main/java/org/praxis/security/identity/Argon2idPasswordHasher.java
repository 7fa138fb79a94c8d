package org.praxis.security.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters.Builder;
import org.praxis.application.identity.port.out.PasswordHasher;

/**
 * argon2id (RFC 9106) through Bouncy Castle, stored in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (unpadded base64): the parameters travel with
 * each hash, so raising them later upgrades every account at its next sign-in
 * ({@link Verification#MATCH_BUT_OUTDATED}). 16-byte random salt, 32-byte output, constant-time comparison.
 *
 * <p>Hashing is memory-hard on purpose; a burst of sign-ins must not exhaust the heap, so at most
 * {@code concurrency} hashes run at once and the others wait their turn.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{16,128})");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Parameters parameters;
    private final SecureRandom random;
    private final Semaphore permits;
    private final String decoy;

    public Argon2idPasswordHasher(Argon2Parameters parameters, SecureRandom random, int concurrency) {
        this.parameters = Objects.requireNonNull(parameters);
        this.random = Objects.requireNonNull(random);
        this.permits = new Semaphore(Math.max(1, concurrency), true);
        // an unknown user is checked against this, so that it costs what a known one costs
        this.decoy = hash("decoy password that nobody has " + random.nextLong());
    }

    public Argon2Parameters parameters() {
        return parameters;
    }

    @Override
    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, parameters, HASH_BYTES);
        var b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + parameters.memoryKib() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    @Override
    public Verification verify(String password, Optional<String> stored) {
        Objects.requireNonNull(password, "password");
        var matcher = PHC.matcher(stored.orElse(decoy));
        if (!matcher.matches()) {
            // not a hash this adapter can read: still spend the time, and never match
            derive(password, new byte[SALT_BYTES], parameters, HASH_BYTES);
            return Verification.MISMATCH;
        }
        Argon2Parameters used;
        try {
            used = new Argon2Parameters(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)));
        } catch (IllegalArgumentException e) {
            derive(password, new byte[SALT_BYTES], parameters, HASH_BYTES);
            return Verification.MISMATCH;
        }
        var b64 = Base64.getDecoder();
        byte[] salt = b64.decode(matcher.group(4));
        byte[] expected = b64.decode(matcher.group(5));
        byte[] actual = derive(password, salt, used, expected.length);
        boolean equal = MessageDigest.isEqual(expected, actual); // constant time for equal lengths
        if (!equal || stored.isEmpty()) {
            return Verification.MISMATCH;
        }
        return parameters.isStrongerThan(used) ? Verification.MATCH_BUT_OUTDATED : Verification.MATCH;
    }

    private byte[] derive(String password, byte[] salt, Argon2Parameters p, int length) {
        var generator = new Argon2BytesGenerator();
        generator.init(new Builder(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKib())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        permits.acquireUninterruptibly();
        try {
            generator.generateBytes(secret, out);
        } finally {
            permits.release();
            java.util.Arrays.fill(secret, (byte) 0);
        }
        return out;
    }
}
