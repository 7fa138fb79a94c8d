package org.praxis.domain.gamification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BoardPeriodTest {

    @Test
    void isoWeekKeyAndBoundsInTheBoardZone() {
        var week = BoardPeriod.containing(BoardPeriod.Kind.WEEK, Instant.parse("2026-11-21T10:15:30Z"), ZoneOffset.UTC);
        assertEquals("2026-W47", week.key());
        assertEquals(Instant.parse("2026-11-16T00:00:00Z"), week.start());
        assertEquals(Instant.parse("2026-11-23T00:00:00Z"), week.end());
    }

    @Test
    void theBoardZoneDecidesWhichPeriodAnInstantIsIn() {
        Instant sundayNightInNewYork = Instant.parse("2026-11-23T03:00:00Z"); // Sunday 22:00 EST, Monday in UTC
        assertEquals("2026-W47", BoardPeriod.containing(BoardPeriod.Kind.WEEK, sundayNightInNewYork, ZoneId.of("America/New_York")).key());
        assertEquals("2026-W48", BoardPeriod.containing(BoardPeriod.Kind.WEEK, sundayNightInNewYork, ZoneOffset.UTC).key());
    }

    @Test
    void weeksBelongToTheirWeekBasedYear() {
        assertEquals("2026-W53", BoardPeriod.containing(BoardPeriod.Kind.WEEK, Instant.parse("2027-01-01T12:00:00Z"), ZoneOffset.UTC).key());
        assertEquals("2025-W01", BoardPeriod.containing(BoardPeriod.Kind.WEEK, Instant.parse("2024-12-30T12:00:00Z"), ZoneOffset.UTC).key());
    }

    @Test
    void monthKeyAndBoundsAcrossADaylightSavingChange() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        var october = BoardPeriod.containing(BoardPeriod.Kind.MONTH, Instant.parse("2026-10-15T12:00:00Z"), berlin);
        assertEquals("2026-10", october.key());
        assertEquals(Instant.parse("2026-09-30T22:00:00Z"), october.start()); // CEST
        assertEquals(Instant.parse("2026-10-31T23:00:00Z"), october.end());   // CET
    }

    @Test
    void parsedKeysGiveTheSamePeriodAndBadKeysAreRefused() {
        ZoneId zone = ZoneId.of("Asia/Tokyo");
        var week = BoardPeriod.containing(BoardPeriod.Kind.WEEK, Instant.parse("2026-11-21T10:15:30Z"), zone);
        assertEquals(week, BoardPeriod.parse(BoardPeriod.Kind.WEEK, "2026-W47", zone));
        assertEquals("2026-11", BoardPeriod.parse(BoardPeriod.Kind.MONTH, "2026-11", zone).key());
        assertThrows(IllegalArgumentException.class, () -> BoardPeriod.parse(BoardPeriod.Kind.WEEK, "2025-W53", zone));
        assertThrows(IllegalArgumentException.class, () -> BoardPeriod.parse(BoardPeriod.Kind.WEEK, "2026-47", zone));
        assertThrows(IllegalArgumentException.class, () -> BoardPeriod.parse(BoardPeriod.Kind.MONTH, "2026-13", zone));
    }

    @Test
    void periodsTileTime() {
        var week = BoardPeriod.parse(BoardPeriod.Kind.WEEK, "2026-W53", ZoneOffset.UTC);
        assertEquals("2027-W01", week.next().key());
        assertEquals(week, week.next().previous());
        assertTrue(week.contains(week.start()));
        assertFalse(week.contains(week.end()));
    }
}
