package org.praxis.domain.grading;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Refuses author patterns that are known to backtrack catastrophically, when the content is
 * loaded rather than when a learner's answer hangs a server thread. Two shapes are refused:
 * back-references (matching them is NP-hard) and a repeated group that itself contains an
 * unbounded quantifier, like {@code (a+)+} or {@code (\w+\s?)*} (star height above one).
 * Adjacent overlapping repetitions such as {@code a*a*a*a*a*b} (polynomial, but billions of steps
 * on a few hundred characters) slip through this check; the grader's step budget
 * ({@link RegexGrader}) stops those at match time. (JDK 9+ already memoises alternations inside
 * loops, so {@code (a|a)*b} is harmless there.)
 */
final class RegexSafety {
    static final int MAX_PATTERN_LENGTH = 500;

    private RegexSafety() {
    }

    /** Why the pattern is refused, or empty when it is acceptable. */
    static Optional<String> problemWith(String pattern, int flags) {
        if (pattern == null || pattern.isEmpty()) {
            return Optional.of("the pattern is empty");
        }
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            return Optional.of("the pattern is longer than " + MAX_PATTERN_LENGTH + " characters");
        }
        try {
            Pattern.compile(pattern, flags);
        } catch (PatternSyntaxException e) {
            return Optional.of("the pattern does not compile: " + e.getDescription() + " at index " + e.getIndex());
        }
        return new Scan(pattern).run();
    }

    private static final class Scan {
        private final String p;
        private int i;
        // One frame per open group: does anything inside repeat without bound?
        private final Deque<boolean[]> frames = new ArrayDeque<>();

        Scan(String pattern) {
            this.p = pattern;
        }

        Optional<String> run() {
            frames.push(new boolean[1]);
            while (i < p.length()) {
                char c = p.charAt(i);
                boolean groupAtom = false;
                boolean groupUnbounded = false;
                if (c == '\\') {
                    if (i + 1 < p.length()) {
                        char next = p.charAt(i + 1);
                        if ((next >= '1' && next <= '9') || next == 'k') {
                            return Optional.of("back-references are not allowed (they can take exponential time)");
                        }
                        if (next == 'Q') {
                            int end = p.indexOf("\\E", i + 2);
                            i = end < 0 ? p.length() : end + 2;
                            continue;
                        }
                    }
                    i += 2;
                } else if (c == '[') {
                    skipClass();
                } else if (c == '(') {
                    frames.push(new boolean[1]);
                    i++;
                    continue;
                } else if (c == ')') {
                    boolean[] closed = frames.size() > 1 ? frames.pop() : new boolean[1];
                    groupAtom = true;
                    groupUnbounded = closed[0];
                    frames.peek()[0] |= closed[0];
                    i++;
                } else {
                    i++;
                }
                Quantifier q = quantifier();
                if (q != Quantifier.NONE) {
                    if (groupAtom && groupUnbounded && q.repeats) {
                        return Optional.of("a repeated group contains an unbounded repetition (like (a+)+), which can take exponential time");
                    }
                    if (q.unbounded) {
                        frames.peek()[0] = true;
                    }
                }
            }
            return Optional.empty();
        }

        private void skipClass() {
            int depth = 0;
            while (i < p.length()) {
                char c = p.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '[') {
                    depth++;
                    i++;
                    // a ']' right after the opening bracket (or "[^") is a literal
                    if (i < p.length() && p.charAt(i) == '^') {
                        i++;
                    }
                    if (i < p.length() && p.charAt(i) == ']') {
                        i++;
                    }
                    continue;
                }
                i++;
                if (c == ']' && --depth == 0) {
                    return;
                }
            }
        }

        private Quantifier quantifier() {
            if (i >= p.length()) {
                return Quantifier.NONE;
            }
            char c = p.charAt(i);
            Quantifier q;
            if (c == '*' || c == '+') {
                i++;
                q = Quantifier.UNBOUNDED;
            } else if (c == '?') {
                i++;
                q = Quantifier.OPTIONAL;
            } else if (c == '{') {
                int close = p.indexOf('}', i);
                if (close < 0) {
                    return Quantifier.NONE;
                }
                String body = p.substring(i + 1, close);
                i = close + 1;
                int comma = body.indexOf(',');
                if (comma < 0) {
                    q = bound(body) > 1 ? Quantifier.BOUNDED_REPEAT : Quantifier.OPTIONAL;
                } else if (body.substring(comma + 1).isBlank()) {
                    q = Quantifier.UNBOUNDED;
                } else {
                    q = bound(body.substring(comma + 1)) > 1 ? Quantifier.BOUNDED_REPEAT : Quantifier.OPTIONAL;
                }
            } else {
                return Quantifier.NONE;
            }
            if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == '+')) {
                i++; // lazy or possessive modifier
            }
            return q;
        }
    }

    // A bound too large for an int counts as "many": the check must never fail on a compiled pattern.
    private static long bound(String digits) {
        try {
            return Long.parseLong(digits.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private enum Quantifier {
        NONE(false, false), OPTIONAL(false, false), BOUNDED_REPEAT(true, false), UNBOUNDED(true, true);

        final boolean repeats;
        final boolean unbounded;

        Quantifier(boolean repeats, boolean unbounded) {
            this.repeats = repeats;
            this.unbounded = unbounded;
        }
    }
}
