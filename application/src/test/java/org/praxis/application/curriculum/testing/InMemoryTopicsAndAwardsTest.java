package org.praxis.application.curriculum.testing;

import org.praxis.application.curriculum.port.out.Awards;
import org.praxis.application.curriculum.port.out.Topics;

class InMemoryTopicsAndAwardsTest extends TopicsAndAwardsContract {
    private final InMemoryTopics topics = new InMemoryTopics();
    private final InMemoryAwards awards = new InMemoryAwards();

    @Override
    protected Topics topics() {
        return topics;
    }

    @Override
    protected Awards awards() {
        return awards;
    }
}
