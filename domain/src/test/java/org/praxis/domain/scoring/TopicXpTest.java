package org.praxis.domain.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.praxis.domain.curriculum.TopicSlug;

class TopicXpTest {

    private static final TopicSlug JOINS = new TopicSlug("joins");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

    @Test
    void theDailyCounterRestartsOnANewLocalDay() {
        TopicXp xp = TopicXp.fresh(JOINS, XpSettings.DEFAULT);
        for (int i = 0; i < 6; i++) {
            xp = xp.gain(XpSettings.DEFAULT, MONDAY, false).after();
        }
        assertEquals(55, xp.xp()); // five at 10, one at 5
        TopicXp.XpGain tuesday = xp.gain(XpSettings.DEFAULT, MONDAY.plusDays(1), false);
        assertEquals(1, tuesday.taskOfDay());
        assertEquals(10, tuesday.gained());
    }

    @Test
    void topicXpIsCappedAtMaxXp() {
        var near = new TopicXp(JOINS, 995, 6, Optional.empty(), 0);
        TopicXp.XpGain gain = near.gain(XpSettings.DEFAULT, MONDAY, false);
        assertEquals(1000, gain.after().xp());
        assertEquals(5, gain.gained());
        assertEquals(10, gain.bandXp());
        assertEquals(0, gain.after().gain(XpSettings.DEFAULT, MONDAY, false).gained());
    }

    @Test
    void crossingAThresholdRaisesTheLevel() {
        var xp = new TopicXp(JOINS, 45, 1, Optional.empty(), 0);
        TopicXp.XpGain gain = xp.gain(XpSettings.DEFAULT, MONDAY, false);
        assertEquals(55, gain.after().xp());
        assertEquals(2, gain.after().level());
        assertTrue(gain.levelledUp());
    }

    @Test
    void aLevelIsNeverTakenAwayWhenThresholdsChange() {
        var xp = new TopicXp(JOINS, 60, 4, Optional.empty(), 0); // level 4 under some older, lower thresholds
        TopicXp.XpGain gain = xp.gain(XpSettings.DEFAULT, MONDAY, false);
        assertEquals(4, gain.after().level());
        assertFalse(gain.levelledUp());
    }
}
