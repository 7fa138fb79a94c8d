package org.praxis.domain.gamification;

import java.util.Arrays;
import java.util.Optional;

/**
 * The board's names in one growing byte array: per learner a user name and an optional display name,
 * UTF-8, each after a two-byte length (0xFFFF: no display name). A million learners' names take tens of
 * megabytes here against about a hundred as two {@code String}s each. Names replaced or removed stay
 * until the owner compacts ({@link #worthCompacting}).
 *
 * <p>User names compare as their UTF-8 bytes, unsigned: code point order, which is PostgreSQL's
 * {@code COLLATE "C"} on a UTF-8 database (the board's tie order, V12).
 */
final class NameArena {
    private static final int NONE = 0xFFFF;
    private static final int MAX_LENGTH = 0xFFFE;

    private byte[] bytes;
    private int end;
    private int garbage;

    NameArena(int capacity) {
        bytes = new byte[Math.max(64, capacity)];
    }

    /** Appends the names; returns where they are. */
    int add(String username, Optional<String> displayName) {
        byte[] user = encode(username);
        byte[] display = displayName.map(NameArena::encode).orElse(null);
        int length = 4 + user.length + (display == null ? 0 : display.length);
        if (end + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, end + length));
        }
        int at = end;
        putLength(at, user.length);
        System.arraycopy(user, 0, bytes, at + 2, user.length);
        int d = at + 2 + user.length;
        putLength(d, display == null ? NONE : display.length);
        if (display != null) {
            System.arraycopy(display, 0, bytes, d + 2, display.length);
        }
        end += length;
        return at;
    }

    /** The names at {@code at} are no longer used. */
    void release(int at) {
        garbage += size(at);
    }

    /** Whether more than half of the array is released names (and enough to be worth copying the rest). */
    boolean worthCompacting() {
        return garbage > (1 << 16) && garbage * 2L > end;
    }

    /** A copy of the names at {@code at} appended here, from {@code other}; returns where they are now. */
    int copy(NameArena other, int at) {
        int length = other.size(at);
        if (end + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, end + length));
        }
        System.arraycopy(other.bytes, at, bytes, end, length);
        int copied = end;
        end += length;
        return copied;
    }

    int live() {
        return end - garbage;
    }

    int compareUsernames(int a, int b) {
        return Arrays.compareUnsigned(bytes, a + 2, a + 2 + length(a), bytes, b + 2, b + 2 + length(b));
    }

    String username(int at) {
        return decode(at + 2, length(at));
    }

    Optional<String> displayName(int at) {
        int d = at + 2 + length(at);
        int n = length(d);
        return n == NONE ? Optional.empty() : Optional.of(decode(d + 2, n));
    }

    boolean holds(int at, String username, Optional<String> displayName) {
        return username(at).equals(username) && displayName(at).equals(displayName);
    }

    private int size(int at) {
        int d = at + 2 + length(at);
        int n = length(d);
        return 4 + length(at) + (n == NONE ? 0 : n);
    }

    private int length(int at) {
        return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
    }

    private void putLength(int at, int length) {
        bytes[at] = (byte) (length >>> 8);
        bytes[at + 1] = (byte) length;
    }

    // UTF-8 by hand: the domain depends on no I/O package, java.nio's charsets included (ArchitectureTest).
    // Names come from the store as valid strings; an unpaired surrogate is written as '?', as String.getBytes does.

    static byte[] encode(String name) {
        int length = 0;
        for (int i = 0; i < name.length(); ) {
            int c = codePoint(name, i);
            length += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            i += Character.charCount(c);
        }
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("a name of more than " + MAX_LENGTH + " bytes");
        }
        byte[] out = new byte[length];
        int o = 0;
        for (int i = 0; i < name.length(); ) {
            int c = codePoint(name, i);
            i += Character.charCount(c);
            if (c < 0x80) {
                out[o++] = (byte) c;
            } else if (c < 0x800) {
                out[o++] = (byte) (0xC0 | c >>> 6);
                out[o++] = (byte) (0x80 | c & 0x3F);
            } else if (c < 0x10000) {
                out[o++] = (byte) (0xE0 | c >>> 12);
                out[o++] = (byte) (0x80 | c >>> 6 & 0x3F);
                out[o++] = (byte) (0x80 | c & 0x3F);
            } else {
                out[o++] = (byte) (0xF0 | c >>> 18);
                out[o++] = (byte) (0x80 | c >>> 12 & 0x3F);
                out[o++] = (byte) (0x80 | c >>> 6 & 0x3F);
                out[o++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return out;
    }

    private static int codePoint(String s, int i) {
        int c = s.codePointAt(i);
        return c < 0x10000 && Character.isSurrogate((char) c) ? '?' : c;
    }

    /** Decodes what {@link #encode} wrote (so no invalid sequences), ASCII without a builder. */
    private String decode(int from, int length) {
        int end = from + length;
        boolean ascii = true;
        for (int i = from; i < end && ascii; i++) {
            ascii = bytes[i] >= 0;
        }
        if (ascii) {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) {
                chars[i] = (char) bytes[from + i];
            }
            return new String(chars);
        }
        var out = new StringBuilder(length);
        for (int i = from; i < end; ) {
            int b = bytes[i] & 0xFF;
            int c;
            if (b < 0x80) {
                c = b;
                i += 1;
            } else if (b < 0xE0) {
                c = (b & 0x1F) << 6 | bytes[i + 1] & 0x3F;
                i += 2;
            } else if (b < 0xF0) {
                c = (b & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 | bytes[i + 2] & 0x3F;
                i += 3;
            } else {
                c = (b & 0x07) << 18 | (bytes[i + 1] & 0x3F) << 12 | (bytes[i + 2] & 0x3F) << 6 | bytes[i + 3] & 0x3F;
                i += 4;
            }
            out.appendCodePoint(c);
        }
        return out.toString();
    }
}
