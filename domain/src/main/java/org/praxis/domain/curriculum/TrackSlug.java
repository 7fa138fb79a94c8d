package org.praxis.domain.curriculum;

/** The stable, URL-safe name of a track. */
public record TrackSlug(String value) implements Comparable<TrackSlug> {
    public TrackSlug {
        Slug.check("track", value);
    }

    @Override
    public int compareTo(TrackSlug other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
