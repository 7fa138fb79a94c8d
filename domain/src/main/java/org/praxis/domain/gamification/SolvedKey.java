package org.praxis.domain.gamification;

import java.util.Objects;
import java.util.Optional;
import org.praxis.domain.curriculum.Difficulty;
import org.praxis.domain.curriculum.TopicSlug;

/** The bucket a solved problem is counted in, so "solved n advanced problems in joins" needs no history. */
public record SolvedKey(Optional<TopicSlug> topic, Difficulty difficulty) {
    public SolvedKey {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(difficulty, "difficulty");
    }
}
