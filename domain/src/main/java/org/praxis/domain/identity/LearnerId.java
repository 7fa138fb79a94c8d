package org.praxis.domain.identity;

import java.util.Objects;
import java.util.UUID;

/** Who a learner is. Ids are made outside the domain and passed in. */
public record LearnerId(UUID value) {
    public LearnerId {
        Objects.requireNonNull(value, "learner id");
    }

    public static LearnerId of(String text) {
        return new LearnerId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
