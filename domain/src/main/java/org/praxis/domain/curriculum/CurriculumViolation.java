package org.praxis.domain.curriculum;

import java.util.List;

/**
 * Content that breaks a curriculum rule (a cycle in the topic tree, an illegal publication move...).
 * Carries every problem found, not just the first, so an author can fix a content file in one pass.
 */
public final class CurriculumViolation extends RuntimeException {
    private final List<String> problems;

    public CurriculumViolation(List<String> problems) {
        super(String.join("; ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a violation needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public CurriculumViolation(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
