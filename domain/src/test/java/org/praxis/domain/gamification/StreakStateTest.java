package org.praxis.domain.gamification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreakStateTest {

    private static final LocalDate MON = LocalDate.of(2026, 11, 16);

    @Test
    void consecutiveDaysGrowTheStreakAndTheSameDayCountsOnce() {
        StreakState s = StreakState.NONE.record(MON).after();
        s = s.record(MON).after();
        s = s.record(MON.plusDays(1)).after();
        s = s.record(MON.plusDays(2)).after();
        assertEquals(new StreakState(Optional.of(MON.plusDays(2)), 3, 3), s);
    }

    @Test
    void currentStreakCountsWhileTodayIsStillOpen() {
        var s = new StreakState(Optional.of(MON), 4, 4);
        assertEquals(4, s.currentOn(MON));
        assertEquals(4, s.currentOn(MON.plusDays(1)));
        assertEquals(0, s.currentOn(MON.plusDays(2)));
    }

    @Test
    void aMissedDayBreaksTheStreakButKeepsTheLongest() {
        var s = new StreakState(Optional.of(MON), 4, 6);
        StreakState.StreakUpdate u = s.record(MON.plusDays(2));
        assertEquals(StreakState.StreakUpdate.Kind.BROKEN_AND_RESTARTED, u.kind());
        assertEquals(new StreakState(Optional.of(MON.plusDays(2)), 1, 6), u.after());
    }

    @Test
    void movingWestToAnEarlierDateChangesNothing() {
        var s = new StreakState(Optional.of(MON), 2, 2);
        StreakState.StreakUpdate u = s.record(MON.minusDays(1));
        assertEquals(StreakState.StreakUpdate.Kind.UNCHANGED, u.kind());
        assertEquals(s, u.after());
    }

    @Test
    void localDaysComeFromTheZoneAtTheTimeOfTheSubmission() {
        // 23:30 in New York on Monday is already Tuesday in UTC and in Tokyo
        Instant late = Instant.parse("2026-11-17T04:30:00Z");
        assertEquals(MON, Streaks.localDay(late, ZoneId.of("America/New_York")));
        assertEquals(MON.plusDays(1), Streaks.localDay(late, ZoneId.of("Asia/Tokyo")));
    }

    @Test
    void daylightSavingDaysAreOrdinaryDays() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 29 March 2026 has 23 hours in Berlin, 25 October 2026 has 25
        StreakState s = StreakState.NONE;
        for (String at : List.of("2026-03-28T22:59:00Z", "2026-03-29T21:59:00Z", "2026-03-30T05:00:00Z")) {
            s = s.record(Streaks.localDay(Instant.parse(at), berlin)).after();
        }
        assertEquals(3, s.current());
        StreakState autumn = StreakState.NONE;
        for (String at : List.of("2026-10-24T21:59:00Z", "2026-10-25T22:59:00Z", "2026-10-25T23:00:00Z")) {
            autumn = autumn.record(Streaks.localDay(Instant.parse(at), berlin)).after();
        }
        // 24th 23:59 CEST, 25th 23:59 CET, 26th 00:00 CET
        assertEquals(3, autumn.current());
    }

    @Test
    void aZoneChangeEastwardThatSkipsADateBreaksTheStreak() {
        // Monday 22:00 in Honolulu, then 26 hours later it is Wednesday in Auckland: Tuesday was never active.
        StreakState s = StreakState.NONE.record(Streaks.localDay(Instant.parse("2026-11-17T08:00:00Z"), ZoneId.of("Pacific/Honolulu"))).after();
        StreakState.StreakUpdate u = s.record(Streaks.localDay(Instant.parse("2026-11-18T10:00:00Z"), ZoneId.of("Pacific/Auckland")));
        assertEquals(MON, s.lastActiveDay().orElseThrow());
        assertEquals(StreakState.StreakUpdate.Kind.BROKEN_AND_RESTARTED, u.kind());
    }

    @Test
    void historyAndCompactStateAgree() {
        var days = List.of(MON, MON.plusDays(1), MON.plusDays(3), MON.plusDays(4), MON.plusDays(5), MON.plusDays(5));
        assertEquals(new StreakState(Optional.of(MON.plusDays(5)), 3, 3), Streaks.fromActiveDays(days));
        assertEquals(StreakState.NONE, Streaks.fromActiveDays(List.of()));
    }
}
