package org.praxis.application.curriculum.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.praxis.application.curriculum.port.out.Topics;
import org.praxis.domain.curriculum.Topic;
import org.praxis.domain.curriculum.TopicSlug;

/** {@link Topics} in a list; like the real store, {@code general} is always there (last among the roots unless defined). */
public final class InMemoryTopics implements Topics {
    public static final TopicDefinition GENERAL = new TopicDefinition(Topic.root(new TopicSlug("general"), "General"),
            "Problems that belong to no particular topic.", java.util.Optional.empty());

    private List<TopicDefinition> topics = List.of(GENERAL);
    private int replacements;

    @Override
    public synchronized List<TopicDefinition> all() {
        return topics;
    }

    @Override
    public synchronized void replaceAll(List<TopicDefinition> replacement, Instant at) {
        var next = new ArrayList<>(replacement);
        boolean hasGeneral = next.stream().anyMatch(topic -> topic.slug().equals(GENERAL.slug()));
        if (!hasGeneral) {
            TopicDefinition general = topics.stream().filter(topic -> topic.slug().equals(GENERAL.slug())).findFirst().orElse(GENERAL);
            int afterRoots = next.size();
            next.add(afterRoots, general);
        }
        topics = List.copyOf(next);
        replacements++;
    }

    public synchronized int replacements() {
        return replacements;
    }
}
