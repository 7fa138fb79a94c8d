package org.praxis.domain.grading;

/** A grade on the 0-100 scale every grader reports. */
public record Score(int value) implements Comparable<Score> {
    public static final Score ZERO = new Score(0);
    public static final Score FULL = new Score(100);

    public Score {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException("score must be within 0..100, was " + value);
        }
    }

    public boolean isBetterThan(Score other) {
        return value > other.value;
    }

    @Override
    public int compareTo(Score other) {
        return Integer.compare(value, other.value);
    }
}
