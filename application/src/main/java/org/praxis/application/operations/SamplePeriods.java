package org.praxis.application.operations;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;

import org.praxis.domain.gamification.BoardPeriod;

/**
 * The board periods of one kind (weeks or months in the board zone) that a load's window spans, made
 * once and looked up by time: the key of each submission's period is then a binary search rather than a
 * calendar computation per submission. A time outside the window is computed as the service does.
 */
final class SamplePeriods {
    private final BoardPeriod.Kind kind;
    private final ZoneId zone;
    private final Instant[] starts;
    private final Instant[] ends;
    private final String[] keys;

    SamplePeriods(BoardPeriod.Kind kind, Instant from, Instant until, ZoneId zone) {
        this.kind = kind;
        this.zone = zone;
        var periods = new ArrayList<BoardPeriod>();
        for (var p = BoardPeriod.containing(kind, from, zone); p.start().isBefore(until); p = p.next()) {
            periods.add(p);
        }
        this.starts = periods.stream().map(BoardPeriod::start).toArray(Instant[]::new);
        this.ends = periods.stream().map(BoardPeriod::end).toArray(Instant[]::new);
        this.keys = periods.stream().map(BoardPeriod::key).toArray(String[]::new);
    }

    /** The key of the period containing {@code at}. */
    String key(Instant at) {
        int i = Arrays.binarySearch(starts, at);
        if (i < 0) {
            i = -i - 2;
        }
        if (i >= 0 && at.isBefore(ends[i])) {
            return keys[i];
        }
        return BoardPeriod.containing(kind, at, zone).key();
    }
}
