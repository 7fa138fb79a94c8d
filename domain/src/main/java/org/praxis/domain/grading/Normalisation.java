package org.praxis.domain.grading;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How answers and accepted answers are made comparable. Applied to both sides, so an author's
 * accepted answer and a learner's answer meet in the same form:
 * <ol>
 *   <li>if {@code normaliseWhitespace}: surrounding white space removed and every inner run of white
 *       space (spaces, tabs, line breaks, non-breaking spaces) replaced by one space;</li>
 *   <li>Unicode NFC, so a composed and a decomposed "é" are equal;</li>
 *   <li>unless {@code caseSensitive}: case folded (upper then lower case, in the root locale, so
 *       "STRASSE" equals "straße" and the result does not depend on the server's locale).</li>
 * </ol>
 * The steps are repeated until nothing changes (at most a few rounds), which makes the
 * normalisation idempotent for every input: normalising twice equals normalising once.
 */
public record Normalisation(boolean caseSensitive, boolean normaliseWhitespace) {

    /** The default for typed answers: case-insensitive, white space normalised. */
    public static final Normalisation LENIENT = new Normalisation(false, true);

    private static final int MAX_ROUNDS = 4;

    public String apply(String text) {
        String current = text == null ? "" : text;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String next = once(current);
            if (next.equals(current)) {
                return next;
            }
            current = next;
        }
        return current;
    }

    private String once(String text) {
        String result = normaliseWhitespace ? collapseWhitespace(text) : text;
        result = Normalizer.normalize(result, Normalizer.Form.NFC);
        if (!caseSensitive) {
            result = Normalizer.normalize(result.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        }
        return result;
    }

    static boolean isWhitespace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static String collapseWhitespace(String text) {
        var out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isWhitespace(cp)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }
}
