package org.praxis.domain.curriculum;

/** The stable, URL-safe name of a lesson. */
public record LessonSlug(String value) implements Comparable<LessonSlug> {
    public LessonSlug {
        Slug.check("lesson", value);
    }

    @Override
    public int compareTo(LessonSlug other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
