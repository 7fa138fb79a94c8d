package org.praxis.domain.curriculum;

import java.util.Objects;
import java.util.Optional;

/** A node of the topic tree (CU1, seed 003 {@code topics.parent_topic_id}); a root has no parent. */
public record Topic(TopicSlug slug, String name, Optional<TopicSlug> parent) {
    public Topic {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(parent, "parent");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("topic " + slug + " needs a name");
        }
    }

    public static Topic root(TopicSlug slug, String name) {
        return new Topic(slug, name, Optional.empty());
    }

    public static Topic child(TopicSlug slug, String name, TopicSlug parent) {
        return new Topic(slug, name, Optional.of(parent));
    }
}
