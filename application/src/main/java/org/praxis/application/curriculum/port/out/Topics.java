package org.praxis.application.curriculum.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.praxis.domain.curriculum.Topic;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.scoring.XpSettings;

/**
 * The topic tree (CU1) with each topic's own XP settings (SC3). The topic {@code general} always
 * exists: problems that name no topic belong to it.
 */
public interface Topics {

    /** The active topics, parents before children, siblings in their order. */
    List<TopicDefinition> all();

    /**
     * Makes {@code topics} the tree: new ones are added, existing ones updated (title, description,
     * parent, order, XP settings), and active ones not in the list archived (never {@code general}).
     */
    void replaceAll(List<TopicDefinition> topics, Instant at);

    /**
     * A topic as a content file writes it.
     *
     * @param xp the topic's own XP settings; empty to inherit its parent's (or the defaults at a root)
     */
    record TopicDefinition(Topic topic, String description, Optional<XpSettings> xp) {
        public TopicDefinition {
            Objects.requireNonNull(topic, "topic");
            description = description == null ? "" : description;
            Objects.requireNonNull(xp, "xp");
        }

        public TopicSlug slug() {
            return topic.slug();
        }
    }
}
