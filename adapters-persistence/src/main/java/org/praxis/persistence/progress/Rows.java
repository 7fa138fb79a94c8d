package org.praxis.persistence.progress;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.praxis.domain.curriculum.Difficulty;

/** Conversions between column values and domain values, shared by this package's adapters. */
public final class Rows {
    private Rows() {
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    static OffsetDateTime utc(Optional<Instant> at) {
        return at.map(Rows::utc).orElse(null);
    }

    static Optional<Instant> instant(OffsetDateTime at) {
        return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
    }

    public static String difficulty(Difficulty d) {
        return d.name().toLowerCase(Locale.ROOT);
    }

    static Difficulty difficulty(String text) {
        return Difficulty.valueOf(text.toUpperCase(Locale.ROOT));
    }
}
