package org.praxis.domain.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DailyXpBandsTest {

    private final DailyXpBands defaults = new DailyXpBands(XpSettings.DEFAULT);

    @Test
    void defaultBandsPayTenThenFiveThenDecayToTheFloor() {
        // base 10; full x1.00 for tasks 1-5; half x0.50 for 6-10; low x0.25 decaying by 0.90 from 11; floor 10 % = 1
        // 11: 2.5 -> 3 (half up); 12: 2.25 -> 2; 13: 2.025 -> 2; 14: 1.8225 -> 2; 15: 1.640 -> 2; 16: 1.476 -> 1
        List<Integer> xp = IntStream.rangeClosed(1, 20).mapToObj(k -> defaults.xpForTask(k, false)).toList();
        assertEquals(List.of(10, 10, 10, 10, 10, 5, 5, 5, 5, 5, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1), xp);
    }

    @Test
    void grindingNeverFallsBelowMinXpPercentOfBase() {
        assertEquals(1, defaults.xpForTask(1_000, false));
        assertEquals(1, defaults.xpForTask(Integer.MAX_VALUE, false));
    }

    @Test
    void earlyReviewsUseMultiplierEarlyOnTopOfTheBand() {
        assertEquals(5, defaults.xpForTask(1, true));     // 10 * 1.00 * 0.50
        assertEquals(3, defaults.xpForTask(6, true));     // 10 * 0.50 * 0.50 = 2.5 -> 3
        assertEquals(1, defaults.xpForTask(11, true));    // 10 * 0.25 * 0.50 = 1.25 -> 1 (the floor is also 1)
    }

    @Test
    void theFloorIsExactDecimalArithmetic() {
        var settings = new XpSettings(10_000, 100, 1, 1, new BigDecimal("1"), new BigDecimal("0.5"), new BigDecimal("0.25"),
                new BigDecimal("0.5"), new BigDecimal("0.9"), new BigDecimal("20"), List.of(0), List.of(1));
        var bands = new DailyXpBands(settings);
        assertEquals(100, bands.xpForTask(1, false));
        assertEquals(50, bands.xpForTask(2, false));
        assertEquals(25, bands.xpForTask(3, false));
        assertEquals(23, bands.xpForTask(4, false));   // 22.5 rounds half up
        assertEquals(20, bands.xpForTask(5, false));   // 20.25 -> 20
        assertEquals(20, bands.xpForTask(6, false));   // 18.225 is under the 20 floor
    }

    @Test
    void noFullBandMeansTheHalfBandStartsAtTheFirstTask() {
        var settings = new XpSettings(1000, 10, 0, 2, new BigDecimal("1"), new BigDecimal("0.5"), new BigDecimal("0.2"),
                new BigDecimal("1"), new BigDecimal("1"), BigDecimal.ZERO, List.of(0), List.of(1));
        var bands = new DailyXpBands(settings);
        assertEquals(List.of(5, 5, 2, 2), IntStream.rangeClosed(1, 4).mapToObj(k -> bands.xpForTask(k, false)).toList());
    }
}
