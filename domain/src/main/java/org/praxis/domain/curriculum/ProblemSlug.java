package org.praxis.domain.curriculum;

/** The stable, URL-safe name of a problem. */
public record ProblemSlug(String value) implements Comparable<ProblemSlug> {
    public ProblemSlug {
        Slug.check("problem", value);
    }

    @Override
    public int compareTo(ProblemSlug other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
