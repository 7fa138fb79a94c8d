package org.praxis.application.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Opaque secrets handed to users (session tokens, mailed tokens): 256 random bits from {@link SecureRandom},
 * base64url without padding (43 characters). Only their SHA-256 is stored: a stolen table holds no usable token,
 * and a 256-bit random value needs no salt or slow hash.
 */
public final class BearerTokens {
    private static final int BYTES = 32;

    private final SecureRandom random;

    public BearerTokens(SecureRandom random) {
        this.random = Objects.requireNonNull(random);
    }

    public String newToken() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A random password for generated accounts (the demo admin): 24 characters of base64url. */
    public String newPassword() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String token) {
        return sha256(token.getBytes(StandardCharsets.UTF_8));
    }

    /** A stable, non-reversible key for counting failures against a login without storing what was typed. */
    public static String hashHex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether a string has the shape of the tokens made here (cheap check before any lookup). */
    public static boolean looksLikeToken(String text) {
        return text != null && text.length() == 43 && text.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128
                || c == '-' || c == '_');
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
