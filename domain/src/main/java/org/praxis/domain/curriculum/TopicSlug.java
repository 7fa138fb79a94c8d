package org.praxis.domain.curriculum;

/** The stable, URL-safe name of a topic. */
public record TopicSlug(String value) implements Comparable<TopicSlug> {
    public TopicSlug {
        Slug.check("topic", value);
    }

    @Override
    public int compareTo(TopicSlug other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
