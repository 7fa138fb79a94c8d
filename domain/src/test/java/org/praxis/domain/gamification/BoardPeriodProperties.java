package org.praxis.domain.gamification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class BoardPeriodProperties {

    private static final ZoneId[] ZONES = {ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"), ZoneId.of("America/Sao_Paulo"),
            ZoneId.of("Pacific/Chatham"), ZoneId.of("Asia/Kathmandu")};

    @Property
    void everyInstantIsInExactlyOnePeriodWhoseKeyNamesIt(@ForAll @LongRange(min = 1_577_836_800L, max = 2_524_608_000L) long seconds,
                                                         @ForAll @IntRange(max = 4) int zone, @ForAll BoardPeriod.Kind kind) {
        Instant at = Instant.ofEpochSecond(seconds);
        BoardPeriod period = BoardPeriod.containing(kind, at, ZONES[zone]);
        assertTrue(period.contains(at));
        assertFalse(period.next().contains(at));
        assertFalse(period.previous().contains(at));
        assertEquals(period.end(), period.next().start(), "periods leave no gap");
        assertEquals(period, BoardPeriod.parse(kind, period.key(), ZONES[zone]));
    }
}
