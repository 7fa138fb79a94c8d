package org.praxis.application.curriculum.testing;

import org.praxis.application.curriculum.port.out.Problems;
import org.praxis.application.curriculum.port.out.Topics;

class InMemoryProblemsTest extends ProblemsContract {
    private final InMemoryProblems problems = new InMemoryProblems();
    private final InMemoryTopics topics = new InMemoryTopics();

    @Override
    protected Problems problems() {
        return problems;
    }

    @Override
    protected Topics topics() {
        return topics;
    }
}
