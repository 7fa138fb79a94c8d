package org.praxis.persistence.operations;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;

import org.postgresql.copy.CopyIn;

/**
 * The bytes of a COPY, made in one growing buffer and sent to the server in chunks as rows end; the
 * encoders both formats share (UTF-8, {@link Instant#toString()}'s text, digits) write into it without
 * the JDK's formatters, as the sample loader writes millions of values. Without a {@link CopyIn} it only
 * collects bytes ({@link #bytes()}), for values encoded once and written many times.
 */
abstract class CopyBuffer {
    static final int CHUNK = 1 << 16;
    static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final byte[] HEX_UPPER = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private final CopyIn copy;
    byte[] buffer = new byte[CHUNK + 4096];
    int length;
    private long rows;

    CopyBuffer(CopyIn copy) {
        this.copy = copy;
    }

    /** Counts the row that just ended and sends a full chunk (only between rows: a row's bytes stay put while it is made). */
    final void rowEnded() {
        rows++;
        if (length >= CHUNK) {
            flush();
        }
    }

    /** What the format puts after the last row. */
    void trailer() {
    }

    /** Ends the COPY: the rows the server took. */
    final long end() throws SQLException {
        try {
            trailer();
            flush();
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    final long rows() {
        return rows;
    }

    /** What was collected, without a COPY to send it to. */
    final byte[] bytes() {
        return Arrays.copyOf(buffer, length);
    }

    /**
     * The character (or surrogate pair) at {@code i} in UTF-8, as String.getBytes writes it (a lone surrogate
     * as '?'); returns the index of the last character it took (i + 1 after a pair).
     */
    final int utf8(String s, int i) {
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
    final void iso(Instant instant) {
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

    final void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buffer[length++] = (byte) s.charAt(i);
        }
    }

    final void digits(long v) {
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

    final void fixed(int v, int width) {
        for (int i = length + width - 1; i >= length; i--) {
            buffer[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        length += width;
    }

    final void two(int v) {
        buffer[length++] = (byte) ('0' + v / 10);
        buffer[length++] = (byte) ('0' + v % 10);
    }

    final void four(int v) {
        fixed(v, 4);
    }

    final void hex(long v, int digits) {
        for (int i = length + digits - 1; i >= length; i--) {
            buffer[i] = HEX[(int) (v & 0xF)];
            v >>>= 4;
        }
        length += digits;
    }

    final void put2(char a, char b) {
        buffer[length++] = (byte) a;
        buffer[length++] = (byte) b;
    }

    final void put3(char a, char b, char c) {
        buffer[length++] = (byte) a;
        buffer[length++] = (byte) b;
        buffer[length++] = (byte) c;
    }

    final void put4(char a, char b, char c, char d) {
        buffer[length++] = (byte) a;
        buffer[length++] = (byte) b;
        buffer[length++] = (byte) c;
        buffer[length++] = (byte) d;
    }

    final void ensure(int more) {
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
