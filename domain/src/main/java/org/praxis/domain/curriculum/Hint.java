package org.praxis.domain.curriculum;

import java.util.Objects;

/**
 * One hint of a problem (CU2, seed 002 "hints with penalty values"). A problem's hints are an ordered
 * list; hint number n (1-based) is the n-th. The penalty is subtracted from the points of a correct
 * answer once the hint has been revealed; zero means a free hint.
 */
public record Hint(String text, int penalty) {
    public Hint {
        Objects.requireNonNull(text, "hint text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a hint needs a text");
        }
        if (penalty < 0) {
            throw new IllegalArgumentException("a hint penalty cannot be negative, was " + penalty);
        }
    }
}
