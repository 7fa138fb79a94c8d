package org.praxis.persistence.operations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.postgresql.copy.CopyIn;

/**
 * Rows in COPY's text format: tab between values, newline after each row, {@code \N} for null, backslash
 * escapes for the characters that would break the format. Timestamps and dates are written as
 * {@link Instant#toString()} and {@link LocalDate#toString()} write them. The tables of few rows per
 * learner take it; the two of many rows per submission take {@link CopyBinary}, which the server reads
 * with less work.
 */
final class CopyText extends CopyBuffer {

    CopyText(CopyIn copy) {
        super(copy);
    }

    /** A value of any type the loader writes: null, Optional, String, Instant, LocalDate, Number, Boolean, UUID. */
    CopyText value(Object value) {
        if (value == null) {
            return nul();
        } else if (value instanceof Optional<?> optional) {
            return value(optional.orElse(null));
        } else if (value instanceof String s) {
            return text(s);
        } else if (value instanceof Instant instant) {
            return instant(instant);
        } else if (value instanceof LocalDate date) {
            return date(date);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return number(((Number) value).longValue());
        } else if (value instanceof Number n) {
            ascii(n.toString());
            return tab();
        } else if (value instanceof Boolean b) {
            return bool(b);
        } else if (value instanceof UUID uuid) {
            return uuid(uuid);
        }
        throw new IllegalArgumentException("no COPY text for " + value.getClass());
    }

    CopyText nul() {
        ensure(3);
        buffer[length++] = '\\';
        buffer[length++] = 'N';
        return tab();
    }

    CopyText text(String s) {
        escaped(s);
        return tab();
    }

    CopyText number(long v) {
        digits(v);
        return tab();
    }

    CopyText bool(boolean b) {
        ensure(2);
        buffer[length++] = (byte) (b ? 't' : 'f');
        return tab();
    }

    CopyText uuid(UUID uuid) {
        ensure(37);
        hex(uuid.getMostSignificantBits() >>> 32, 8);
        buffer[length++] = '-';
        hex(uuid.getMostSignificantBits() >>> 16, 4);
        buffer[length++] = '-';
        hex(uuid.getMostSignificantBits(), 4);
        buffer[length++] = '-';
        hex(uuid.getLeastSignificantBits() >>> 48, 4);
        buffer[length++] = '-';
        hex(uuid.getLeastSignificantBits(), 12);
        return tab();
    }

    CopyText instant(Instant instant) {
        iso(instant);
        return tab();
    }

    CopyText date(LocalDate date) {
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            ascii(date.toString());
        } else {
            ensure(10);
            four(year);
            buffer[length++] = '-';
            two(date.getMonthValue());
            buffer[length++] = '-';
            two(date.getDayOfMonth());
        }
        return tab();
    }

    /** Ends the row (the last value's tab becomes the newline) and sends a full chunk. */
    void endRow() {
        buffer[length - 1] = '\n';
        rowEnded();
    }

    private CopyText tab() {
        ensure(1);
        buffer[length++] = '\t';
        return this;
    }

    private void escaped(String s) {
        ensure(s.length() * 6);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                i = utf8(s, i);
                continue;
            }
            switch (c) {
                case '\\' -> put2('\\', '\\');
                case '\t' -> put2('\\', 't');
                case '\n' -> put2('\\', 'n');
                case '\r' -> put2('\\', 'r');
                default -> buffer[length++] = (byte) c;
            }
        }
    }

}
