package org.praxis.domain.gamification;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A learner's daily streak in compact form (GA3; seed 000 {@code users.current_streak},
 * {@code longest_streak}, {@code last_activity_date}): one row, not the whole history.
 *
 * <p>An active day is a local date, in the learner's zone at the moment of the submission, with at
 * least one correct submission. {@code current} is the length of the run of consecutive active days
 * that ends on {@code lastActiveDay}; whether that run is still alive depends on today, see
 * {@link #currentOn(LocalDate)}.
 */
public record StreakState(Optional<LocalDate> lastActiveDay, int current, int longest) {

    public static final StreakState NONE = new StreakState(Optional.empty(), 0, 0);

    public StreakState {
        Objects.requireNonNull(lastActiveDay, "lastActiveDay");
        if (current < 0 || longest < current) {
            throw new IllegalArgumentException("need 0 <= current <= longest, was " + current + "/" + longest);
        }
        if (lastActiveDay.isPresent() != (current > 0)) {
            throw new IllegalArgumentException("a run has a last active day exactly when it is at least one day long");
        }
    }

    /**
     * The current streak as of local date {@code today}: the run ending on the last active day if that
     * day is today, or yesterday while today is still open; otherwise 0.
     */
    public int currentOn(LocalDate today) {
        Objects.requireNonNull(today, "today");
        return lastActiveDay.filter(last -> last.equals(today) || last.plusDays(1).equals(today)).isPresent() ? current : 0;
    }

    /**
     * Records activity on local date {@code day}.
     * <ul>
     *   <li>same day as the last active one: nothing changes (a day counts once);</li>
     *   <li>the day after: the run grows by one;</li>
     *   <li>later, or the first ever: a new run of 1 starts (the old one is broken);</li>
     *   <li>earlier than the last active day (the learner moved west across a date line or zone):
     *       nothing changes, since that date is either counted already or would not be consecutive.</li>
     * </ul>
     */
    public StreakUpdate record(LocalDate day) {
        Objects.requireNonNull(day, "day");
        if (lastActiveDay.isEmpty()) {
            return new StreakUpdate(this, new StreakState(Optional.of(day), 1, Math.max(1, longest)), StreakUpdate.Kind.STARTED);
        }
        LocalDate last = lastActiveDay.get();
        if (!day.isAfter(last)) {
            return new StreakUpdate(this, this, StreakUpdate.Kind.UNCHANGED);
        }
        if (last.plusDays(1).equals(day)) {
            int run = current + 1;
            return new StreakUpdate(this, new StreakState(Optional.of(day), run, Math.max(longest, run)), StreakUpdate.Kind.EXTENDED);
        }
        return new StreakUpdate(this, new StreakState(Optional.of(day), 1, longest), StreakUpdate.Kind.BROKEN_AND_RESTARTED);
    }

    /** What one active day did to a streak. */
    public record StreakUpdate(StreakState before, StreakState after, Kind kind) {
        public enum Kind { UNCHANGED, STARTED, EXTENDED, BROKEN_AND_RESTARTED }

        public StreakUpdate {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(kind, "kind");
        }
    }
}
