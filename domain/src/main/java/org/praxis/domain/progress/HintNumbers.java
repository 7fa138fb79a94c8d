package org.praxis.domain.progress;

/** Hints are numbered from 1, in the order the problem lists them. */
final class HintNumbers {
    private HintNumbers() {
    }

    static int check(Integer number) {
        if (number == null || number < 1) {
            throw new IllegalArgumentException("hint numbers start at 1, was " + number);
        }
        return number;
    }
}
