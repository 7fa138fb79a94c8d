package org.praxis.domain.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be (NIST SP 800-63B): long enough, not absurdly long (hashing cost), and not
 * the account's own name. No composition rules; length is what makes a password strong.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 256;

    private PasswordPolicy() {
    }

    public static Optional<String> problem(String password, String username, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters long");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))
                || email != null && lower.equals(email.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not be the user name or e-mail");
        }
        return Optional.empty();
    }
}
