package org.praxis.application.curriculum.testing;

import org.praxis.application.curriculum.port.out.Problems;
import org.praxis.application.curriculum.port.out.Topics;
import org.praxis.application.curriculum.port.out.Tracks;

class InMemoryTracksTest extends TracksContract {
    private final InMemoryProblems problems = new InMemoryProblems();
    private final InMemoryTopics topics = new InMemoryTopics();
    private final InMemoryTracks tracks = new InMemoryTracks();

    @Override
    protected Problems problems() {
        return problems;
    }

    @Override
    protected Topics topics() {
        return topics;
    }

    @Override
    protected Tracks tracks() {
        return tracks;
    }
}
