package org.praxis.domain.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class XpSettingsTest {

    @Test
    void levelIsTheNumberOfThresholdsReached() {
        XpSettings s = XpSettings.DEFAULT; // thresholds 0, 50, 150, 300, 500, 750, 1000
        assertEquals(1, s.levelFor(0));
        assertEquals(1, s.levelFor(49));
        assertEquals(2, s.levelFor(50));
        assertEquals(2, s.levelFor(149));
        assertEquals(3, s.levelFor(150));
        assertEquals(6, s.levelFor(999));
        assertEquals(7, s.levelFor(1000));
    }

    @Test
    void aFirstThresholdAboveZeroMeansLevelZeroUntilReached() {
        var s = settings(List.of(100, 200), List.of(1));
        assertEquals(0, s.levelFor(99));
        assertEquals(1, s.levelFor(100));
    }

    @Test
    void thresholdsMustStrictlyIncrease() {
        assertThrows(IllegalArgumentException.class, () -> settings(List.of(0, 50, 50), List.of(1)));
        assertThrows(IllegalArgumentException.class, () -> settings(List.of(), List.of(1)));
    }

    @Test
    void reviewIntervalsMustBePositiveAndNeverShrink() {
        assertThrows(IllegalArgumentException.class, () -> settings(List.of(0), List.of(0)));
        assertThrows(IllegalArgumentException.class, () -> settings(List.of(0), List.of(3, 1)));
    }

    @Test
    void bandsThatRiseAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new XpSettings(1000, 10, 5, 5, new BigDecimal("0.5"), new BigDecimal("1.0"),
                new BigDecimal("0.25"), new BigDecimal("0.5"), new BigDecimal("0.9"), new BigDecimal("10"), List.of(0), List.of(1)));
    }

    @Test
    void decayAboveOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new XpSettings(1000, 10, 5, 5, BigDecimal.ONE, new BigDecimal("0.5"),
                new BigDecimal("0.25"), new BigDecimal("0.5"), new BigDecimal("1.1"), new BigDecimal("10"), List.of(0), List.of(1)));
    }

    private static XpSettings settings(List<Integer> thresholds, List<Integer> intervals) {
        return new XpSettings(1000, 10, 5, 5, BigDecimal.ONE, new BigDecimal("0.5"), new BigDecimal("0.25"), new BigDecimal("0.5"),
                new BigDecimal("0.9"), new BigDecimal("10"), thresholds, intervals);
    }
}
