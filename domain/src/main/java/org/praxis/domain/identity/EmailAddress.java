package org.praxis.domain.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-mail address as people use them: {@code local@domain.tld}, at most 254 characters, no spaces.
 * Deliverability is proved by the verification mail, not by a regular expression. Unique regardless of
 * case ({@link #canonical()}).
 */
public record EmailAddress(String value) {
    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public EmailAddress {
        problem(value).ifPresent(message -> {
            throw new IllegalArgumentException("e-mail " + message);
        });
    }

    public static Optional<String> problem(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of("is required");
        }
        if (text.length() > 254) {
            return Optional.of("must be at most 254 characters long");
        }
        if (!SHAPE.matcher(text).matches() || text.startsWith(".") || text.contains("..") || text.contains(".@")) {
            return Optional.of("is not an e-mail address");
        }
        return Optional.empty();
    }

    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
