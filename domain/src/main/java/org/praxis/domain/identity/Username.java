package org.praxis.domain.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A public handle: 3 to 32 letters, digits, '_', '.' or '-'. Unique regardless of case, so
 * {@link #canonical()} is what two names are compared by; the spelling the learner chose is kept.
 */
public record Username(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_.-]{3,32}");

    public Username {
        problem(value).ifPresent(message -> {
            throw new IllegalArgumentException("username " + message);
        });
    }

    /** Why {@code text} is not a user name, or empty when it is one. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of("is required");
        }
        if (text.length() < 3 || text.length() > 32) {
            return Optional.of("must be 3 to 32 characters long");
        }
        if (!SHAPE.matcher(text).matches()) {
            return Optional.of("may contain only letters, digits, '_', '.' and '-'");
        }
        return Optional.empty();
    }

    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }

    /**
     * A user name made from free text (an identity provider's preferred name, an e-mail's local part):
     * characters outside the allowed set are dropped, short results padded, long ones cut.
     */
    public static Username suggestedFrom(String text, String fallback) {
        String cleaned = text == null ? "" : text.replaceAll("[^A-Za-z0-9_.-]", "");
        if (cleaned.length() > 24) {
            cleaned = cleaned.substring(0, 24);
        }
        if (cleaned.length() < 3) {
            cleaned = fallback;
        }
        return new Username(cleaned);
    }

    /** The same name with a numeric suffix, kept within the length limit: for resolving a clash. */
    public Username withSuffix(int n) {
        String suffix = Integer.toString(n);
        String base = value.length() + suffix.length() > 32 ? value.substring(0, 32 - suffix.length()) : value;
        return new Username(base + suffix);
    }

    @Override
    public String toString() {
        return value;
    }
}
