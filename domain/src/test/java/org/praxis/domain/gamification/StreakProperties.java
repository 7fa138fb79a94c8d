package org.praxis.domain.gamification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class StreakProperties {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    @Property
    void aStreakNeverCountsADayTwiceNorSpansAMissingDay(@ForAll @Size(max = 60) List<@IntRange(max = 40) Integer> offsets) {
        // days arrive in time order, possibly repeated (several submissions a day)
        List<LocalDate> days = offsets.stream().sorted().map(START::plusDays).toList();
        StreakState state = StreakState.NONE;
        for (LocalDate day : days) {
            state = state.record(day).after();
            int current = state.current();
            LocalDate last = state.lastActiveDay().orElseThrow();
            var active = new TreeSet<>(days.subList(0, days.indexOf(day) + 1));
            // every day of the current run is an active day, and the run is no longer than the distinct days it covers
            for (int back = 0; back < current; back++) {
                assertTrue(active.contains(last.minusDays(back)), "the run spans a missing day " + last.minusDays(back));
            }
            assertTrue(current <= active.size(), "a day was counted twice");
            assertTrue(state.longest() >= current);
        }
        assertEquals(Streaks.fromActiveDays(days), state);
    }

    @Property
    void theRunIsMaximal(@ForAll @Size(max = 60) List<@IntRange(max = 40) Integer> offsets) {
        var days = new TreeSet<LocalDate>();
        offsets.forEach(o -> days.add(START.plusDays(o)));
        StreakState state = Streaks.fromActiveDays(days);
        state.lastActiveDay().ifPresent(last -> assertTrue(!days.contains(last.minusDays(state.current())),
                "the day before the run was active, so the run is too short"));
    }
}
