package org.praxis.domain.curriculum;

/** Difficulty levels, in increasing order (ordinal order is meaningful). */
public enum Difficulty {
    BEGINNER, INTERMEDIATE, ADVANCED, EXPERT;

    public boolean isHarderThan(Difficulty other) {
        return compareTo(other) > 0;
    }
}
