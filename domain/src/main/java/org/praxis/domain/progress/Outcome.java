package org.praxis.domain.progress;

import java.util.List;
import java.util.Objects;

/** What one submission did: the learner's new state and the events, in the order they happened. */
public record Outcome(LearnerState newState, List<DomainEvent> events) {

    public Outcome {
        Objects.requireNonNull(newState, "newState");
        events = List.copyOf(events);
    }

    public LearnerTotals totals() {
        return newState.totals();
    }

    /** What the submission's solution added to the total (API {@code pointsAwarded}): 0 unless it beat the problem's best. */
    public int pointsAwarded() {
        return eventsOf(DomainEvent.PointsAwarded.class).stream()
                .filter(e -> e.source() == DomainEvent.PointsAwarded.Source.SOLUTION)
                .mapToInt(DomainEvent.PointsAwarded::points)
                .sum();
    }

    /** XP the submission added (API {@code xpAwarded}). */
    public int xpAwarded() {
        return eventsOf(DomainEvent.XpGained.class).stream().mapToInt(DomainEvent.XpGained::xp).sum();
    }

    public <E extends DomainEvent> List<E> eventsOf(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
