package org.praxis.domain.identity;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules for the free-form profile fields (ID1). Each check says why a value breaks its rule, or nothing. */
public final class ProfileRules {
    public static final int DISPLAY_NAME_MAX = 100;
    public static final int BIO_MAX = 2000;
    public static final int AVATAR_URL_MAX = 2048;
    public static final String DEFAULT_TIME_ZONE = "UTC";

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final Pattern WEB_URL = Pattern.compile("https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:[/?#][^\\s]*)?");

    private ProfileRules() {
    }

    public static Optional<String> displayNameProblem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (text.length() > DISPLAY_NAME_MAX) {
            return Optional.of("must be at most " + DISPLAY_NAME_MAX + " characters long");
        }
        if (text.contains("\n") || CONTROL.matcher(text).find()) {
            return Optional.of("must be one line without control characters");
        }
        return Optional.empty();
    }

    public static Optional<String> bioProblem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() > BIO_MAX) {
            return Optional.of("must be at most " + BIO_MAX + " characters long");
        }
        if (CONTROL.matcher(text).find()) {
            return Optional.of("must not contain control characters");
        }
        return Optional.empty();
    }

    /** Only http(s) addresses: a {@code javascript:} or {@code data:} avatar is a script waiting to run. */
    public static Optional<String> avatarUrlProblem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() > AVATAR_URL_MAX) {
            return Optional.of("must be at most " + AVATAR_URL_MAX + " characters long");
        }
        if (!WEB_URL.matcher(text).matches()) {
            return Optional.of("must be an http or https URL");
        }
        return Optional.empty();
    }

    /** An IANA time zone name such as {@code Europe/Paris} or {@code UTC}; offsets like {@code +02:00} are not zones. */
    public static Optional<String> timeZoneProblem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (!ZONES.contains(text)) {
            return Optional.of("is not an IANA time zone (e.g. Europe/Paris)");
        }
        return Optional.empty();
    }
}
