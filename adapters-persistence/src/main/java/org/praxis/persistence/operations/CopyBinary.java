package org.praxis.persistence.operations;

import java.time.Instant;
import java.util.UUID;

import org.postgresql.copy.CopyIn;

/**
 * Rows in COPY's binary format ({@code with (format binary)}): a header, then per row the number of
 * fields and each field as its length and the type's binary form (big-endian integers, a UUID's 16
 * bytes, a timestamptz as microseconds since 2000-01-01 UTC, text and json as their UTF-8 bytes), and a
 * trailer. The server stores these without parsing text: for the tables with rows per submission
 * ({@code submissions}, and {@code learner_events} before V13) that was a fifth of its work in a load
 * (a COPY of the same 2 million events took 11.1 s binary against 13.9 s as text). The caller writes, for each row,
 * {@link #row} with the number of fields, then exactly that many fields, each of the column's type.
 * Values without a {@link CopyIn} are collected for {@link #raw} (whole fields, no header).
 */
final class CopyBinary extends CopyBuffer {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;

    /** Where the length of the JSON field being written goes. */
    private int jsonAt = -1;

    CopyBinary(CopyIn copy) {
        super(copy);
        if (copy != null) {
            ensure(SIGNATURE.length + 8);
            System.arraycopy(SIGNATURE, 0, buffer, length, SIGNATURE.length);
            length += SIGNATURE.length;
            int32(0); // flags: no OIDs
            int32(0); // no header extension
        }
    }

    /** Begins a row of {@code fields} fields. */
    CopyBinary row(int fields) {
        ensure(2);
        int16(fields);
        return this;
    }

    void endRow() {
        if (jsonAt >= 0) {
            throw new IllegalStateException("a JSON field was begun and not ended");
        }
        rowEnded();
    }

    CopyBinary nul() {
        ensure(4);
        int32(-1);
        return this;
    }

    CopyBinary int4(int v) {
        ensure(8);
        int32(4);
        int32(v);
        return this;
    }

    /** An int column's value, checked to fit. */
    CopyBinary int4(long v) {
        return int4(Math.toIntExact(v));
    }

    CopyBinary int8(long v) {
        ensure(12);
        int32(8);
        int64(v);
        return this;
    }

    CopyBinary bool(boolean b) {
        ensure(5);
        int32(1);
        buffer[length++] = (byte) (b ? 1 : 0);
        return this;
    }

    CopyBinary uuid(UUID uuid) {
        ensure(20);
        int32(16);
        int64(uuid.getMostSignificantBits());
        int64(uuid.getLeastSignificantBits());
        return this;
    }

    /**
     * A timestamptz: microseconds since 2000-01-01 UTC, the fraction of the second rounded to microseconds
     * exactly as the server rounds the text {@link CopyText} writes: it reads the fraction as a double
     * ({@code strtod}, which is what {@code nano / 1e9} is) and takes {@code rint(fraction * 1000000)}.
     */
    CopyBinary timestamptz(Instant instant) {
        long micros = Math.multiplyExact(instant.getEpochSecond() - POSTGRES_EPOCH_SECOND, 1_000_000L)
                + (long) Math.rint(instant.getNano() / 1e9 * 1_000_000);
        ensure(12);
        int32(8);
        int64(micros);
        return this;
    }

    /** A text or json value: its UTF-8 bytes, as String.getBytes writes them. */
    CopyBinary text(String s) {
        ensure(4);
        int at = length;
        length += 4;
        jsonRaw(s);
        lengthAt(at);
        return this;
    }

    /** Fields encoded before (as {@link #bytes()} returns them). */
    CopyBinary raw(byte[] encoded) {
        ensure(encoded.length);
        System.arraycopy(encoded, 0, buffer, length, encoded.length);
        length += encoded.length;
        return this;
    }

    // A json field written piece by piece: beginJson(), then the JSON, then endJson() puts its length in front.

    void beginJson() {
        if (jsonAt >= 0) {
            throw new IllegalStateException("a JSON field is already begun");
        }
        ensure(4);
        jsonAt = length;
        length += 4;
    }

    void json(char c) {
        ensure(1);
        buffer[length++] = (byte) c;
    }

    /** A JSON string as Jackson's default writer escapes it (quote, backslash, control characters; nothing else). */
    void jsonString(String s) {
        ensure(s.length() * 6 + 2);
        buffer[length++] = '"';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                i = utf8(s, i);
            } else if (c == '"' || c == '\\') {
                put2('\\', c);
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
                    put2('\\', shortEscape);
                } else {
                    put4('\\', 'u', '0', '0');
                    buffer[length++] = HEX_UPPER[c >> 4];
                    buffer[length++] = HEX_UPPER[c & 0xF];
                }
            } else {
                buffer[length++] = (byte) c;
            }
        }
        buffer[length++] = '"';
    }

    /** JSON written elsewhere (or any text) as its UTF-8 bytes, inside the field being written. */
    void jsonRaw(String s) {
        ensure(s.length() * 3);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                i = utf8(s, i);
            } else {
                buffer[length++] = (byte) c;
            }
        }
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
        if (jsonAt < 0) {
            throw new IllegalStateException("no JSON field was begun");
        }
        lengthAt(jsonAt);
        jsonAt = -1;
    }

    @Override
    void trailer() {
        ensure(2);
        int16(-1);
    }

    private void lengthAt(int at) {
        int bytes = length - at - 4;
        buffer[at] = (byte) (bytes >>> 24);
        buffer[at + 1] = (byte) (bytes >>> 16);
        buffer[at + 2] = (byte) (bytes >>> 8);
        buffer[at + 3] = (byte) bytes;
    }

    private void int16(int v) {
        buffer[length++] = (byte) (v >>> 8);
        buffer[length++] = (byte) v;
    }

    private void int32(int v) {
        buffer[length++] = (byte) (v >>> 24);
        buffer[length++] = (byte) (v >>> 16);
        buffer[length++] = (byte) (v >>> 8);
        buffer[length++] = (byte) v;
    }

    private void int64(long v) {
        int32((int) (v >>> 32));
        int32((int) v);
    }
}
