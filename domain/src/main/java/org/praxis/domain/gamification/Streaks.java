package org.praxis.domain.gamification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Streaks from a full history of active days (GA3). The reducer keeps {@link StreakState} compactly;
 * this rebuilds the same state from stored activity days (a bulk load, a repair, a test oracle).
 */
public final class Streaks {

    private Streaks() {
    }

    /** The local date of an instant in the learner's zone at that instant: DST days are just shorter or longer dates. */
    public static LocalDate localDay(Instant at, ZoneId zone) {
        return LocalDate.ofInstant(at, zone);
    }

    /** The streak state implied by a set of active days; duplicates count once. */
    public static StreakState fromActiveDays(Collection<LocalDate> activeDays) {
        var days = new TreeSet<>(activeDays);
        if (days.isEmpty()) {
            return StreakState.NONE;
        }
        int run = 0;
        int longest = 0;
        LocalDate previous = null;
        for (LocalDate day : days) {
            run = previous != null && previous.plusDays(1).equals(day) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = day;
        }
        return new StreakState(Optional.of(days.last()), run, longest);
    }
}
