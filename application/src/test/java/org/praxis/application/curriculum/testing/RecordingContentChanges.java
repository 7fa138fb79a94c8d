package org.praxis.application.curriculum.testing;

import java.util.ArrayList;
import java.util.List;

import org.praxis.application.curriculum.port.out.ContentChanges;

/** {@link ContentChanges} that remembers what was announced and how often a turn was taken. */
public final class RecordingContentChanges implements ContentChanges {
    private final List<String> announced = new ArrayList<>();
    private int turns;

    @Override
    public synchronized void serialise() {
        turns++;
    }

    /** How many write transactions took their turn. */
    public synchronized int turns() {
        return turns;
    }

    @Override
    public synchronized void announce(String what) {
        announced.add(what);
    }

    public synchronized List<String> announced() {
        return List.copyOf(announced);
    }

    public synchronized void clear() {
        announced.clear();
    }
}
