package org.praxis.persistence.operations;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.postgresql.copy.CopyIn;

/**
 * Rows in COPY's text format, encoded straight into bytes and sent to the server in chunks as they are
 * made: tab between values, newline after each row, {@code \N} for null, backslash escapes for the
 * characters that would break the format. Timestamps and dates are written as {@link Instant#toString()}
 * and {@link LocalDate#toString()} write them, and JSON strings as Jackson writes them, without the
 * formatters' or Jackson's cost: the sample loader writes millions of them. Without a {@link CopyIn}
 * it only collects bytes ({@link #bytes()}), for values encoded once and written many times.
 */
final class CopyText {
    private static final int CHUNK = 1 << 16;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX_UPPER = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private final CopyIn copy;
    private byte[] buffer = new byte[CHUNK + 4096];
    private int length;
    private long rows;

    CopyText(CopyIn copy) {
        this.copy = copy;
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

    /** Values encoded before (tabs included, as {@link #bytes()} returns them). */
    CopyText raw(byte[] encoded) {
        ensure(encoded.length);
        System.arraycopy(encoded, 0, buffer, length, encoded.length);
        length += encoded.length;
        return this;
    }

    /** Ends the row (the last value's tab becomes the newline) and sends a full chunk. */
    void endRow() {
        buffer[length - 1] = '\n';
        rows++;
        if (length >= CHUNK) {
            flush();
        }
    }

    /** Ends the COPY: the rows the server took. */
    long end() throws SQLException {
        try {
            flush();
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    long rows() {
        return rows;
    }

    /** What was collected, without a COPY to send it to. */
    byte[] bytes() {
        return Arrays.copyOf(buffer, length);
    }

    // JSON, inside a text value: each backslash JSON writes is doubled for COPY, and the value's own tab follows with endJson()

    void json(char c) {
        ensure(1);
        buffer[length++] = (byte) c;
    }

    /** A JSON string as Jackson's default writer escapes it (quote, backslash, control characters; nothing else). */
    void jsonString(String s) {
        ensure(s.length() * 14 + 2);
        buffer[length++] = '"';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                i = utf8(s, i);
            } else if (c == '"') {
                put3('\\', '\\', '"');
            } else if (c == '\\') {
                put4('\\', '\\', '\\', '\\');
            } else if (c < 0x20) {
                char shortEscape = switch (c) {
                    case '\b' -> 'b';
                    case '\t' -> 't';
                    case '\n' -> 'n';
                    case '\f' -> 'f';
                    case '\r' -> 'r';
                    default -> 0;
                };
                if (shortEscape != 0) {
                    put3('\\', '\\', shortEscape);
                } else {
                    put4('\\', '\\', 'u', '0');
                    buffer[length++] = '0';
                    buffer[length++] = HEX_UPPER[c >> 4];
                    buffer[length++] = HEX_UPPER[c & 0xF];
                }
            } else {
                buffer[length++] = (byte) c;
            }
        }
        buffer[length++] = '"';
    }

    void jsonNumber(long v) {
        digits(v);
    }

    void jsonBoolean(boolean b) {
        ascii(b ? "true" : "false");
    }

    /** An instant as a JSON string, as {@link Instant#toString()} writes it. */
    void jsonInstant(Instant instant) {
        ensure(1);
        buffer[length++] = '"';
        iso(instant);
        ensure(1);
        buffer[length++] = '"';
    }

    void endJson() {
        tab();
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

    /**
     * The character (or surrogate pair) at {@code i} in UTF-8, as String.getBytes writes it (a lone surrogate
     * as '?'); returns the index of the last character it took (i + 1 after a pair).
     */
    private int utf8(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x800) {
            buffer[length++] = (byte) (0xC0 | (c >> 6));
            buffer[length++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                buffer[length++] = (byte) (0xF0 | (cp >> 18));
                buffer[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buffer[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buffer[length++] = (byte) (0x80 | (cp & 0x3F));
                return i + 1;
            }
            buffer[length++] = '?';
        } else {
            buffer[length++] = (byte) (0xE0 | (c >> 12));
            buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buffer[length++] = (byte) (0x80 | (c & 0x3F));
        }
        return i;
    }

    /** As {@link Instant#toString()}: seconds always, the fraction in groups of three digits as needed. */
    private void iso(Instant instant) {
        long seconds = instant.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400L);
        int second = (int) Math.floorMod(seconds, 86_400L);
        // days to civil date (H. Hinnant's algorithm)
        long z = day + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int dayOfMonth = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 1000 || year > 9999) {
            ascii(instant.toString());
            return;
        }
        ensure(30);
        four((int) year);
        buffer[length++] = '-';
        two(month);
        buffer[length++] = '-';
        two(dayOfMonth);
        buffer[length++] = 'T';
        two(second / 3600);
        buffer[length++] = ':';
        two(second / 60 % 60);
        buffer[length++] = ':';
        two(second % 60);
        int nano = instant.getNano();
        if (nano > 0) {
            buffer[length++] = '.';
            if (nano % 1_000_000 == 0) {
                fixed(nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                fixed(nano / 1000, 6);
            } else {
                fixed(nano, 9);
            }
        }
        buffer[length++] = 'Z';
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buffer[length++] = (byte) s.charAt(i);
        }
    }

    private void digits(long v) {
        if (v == Long.MIN_VALUE) {
            ascii(Long.toString(v));
            return;
        }
        ensure(20);
        if (v < 0) {
            buffer[length++] = '-';
            v = -v;
        }
        int start = length;
        do {
            buffer[length++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte t = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = t;
        }
    }

    private void fixed(int v, int width) {
        for (int i = length + width - 1; i >= length; i--) {
            buffer[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        length += width;
    }

    private void two(int v) {
        buffer[length++] = (byte) ('0' + v / 10);
        buffer[length++] = (byte) ('0' + v % 10);
    }

    private void four(int v) {
        fixed(v, 4);
    }

    private void hex(long v, int digits) {
        for (int i = length + digits - 1; i >= length; i--) {
            buffer[i] = HEX[(int) (v & 0xF)];
            v >>>= 4;
        }
        length += digits;
    }

    private void put2(char a, char b) {
        buffer[length++] = (byte) a;
        buffer[length++] = (byte) b;
    }

    private void put3(char a, char b, char c) {
        buffer[length++] = (byte) a;
        buffer[length++] = (byte) b;
        buffer[length++] = (byte) c;
    }

    private void put4(char a, char b, char c, char d) {
        buffer[length++] = (byte) a;
        buffer[length++] = (byte) b;
        buffer[length++] = (byte) c;
        buffer[length++] = (byte) d;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    private void flush() {
        if (copy == null || length == 0) {
            return;
        }
        try {
            copy.writeToCopy(buffer, 0, length);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
        }
        length = 0;
    }
}
