package org.praxis.domain.curriculum;

import java.util.regex.Pattern;

/** The one rule every slug follows, so URLs and content files agree. */
final class Slug {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    static final int MAX_LENGTH = 100;

    private Slug() {
    }

    static String check(String kind, String value) {
        if (value == null) {
            throw new IllegalArgumentException(kind + " slug is required");
        }
        if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " slug must be lower-case letters, digits and single hyphens, at most "
                    + MAX_LENGTH + " characters: " + abbreviate(value));
        }
        return value;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
