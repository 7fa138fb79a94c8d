package org.praxis.domain.scoring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.praxis.domain.curriculum.TopicSlug;

class XpProperties {

    @Property
    void theKthTaskOfADayNeverEarnsMoreThanTheOneBefore(@ForAll("settings") XpSettings settings, @ForAll @IntRange(min = 2, max = 500) int k,
                                                       @ForAll boolean early) {
        var bands = new DailyXpBands(settings);
        int kth = bands.xpForTask(k, early);
        int previous = bands.xpForTask(k - 1, early);
        assertTrue(kth <= previous, () -> "task " + k + " earned " + kth + " after " + previous);
    }

    @Property
    void topicXpNeverExceedsMaxXpAndLevelsNeverDrop(@ForAll("settings") XpSettings settings,
                                                    @ForAll @IntRange(min = 1, max = 200) int tasks,
                                                    @ForAll @IntRange(max = 3) int daysBetweenBursts) {
        TopicXp xp = TopicXp.fresh(new TopicSlug("t"), settings);
        LocalDate day = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < tasks; i++) {
            if (i % 7 == 6) {
                day = day.plusDays(daysBetweenBursts);
            }
            TopicXp.XpGain gain = xp.gain(settings, day, i % 3 == 0);
            assertTrue(gain.after().xp() <= settings.maxXp(), "over maxXp");
            assertTrue(gain.after().xp() >= gain.before().xp(), "XP went down");
            assertTrue(gain.after().level() >= gain.before().level(), "level went down");
            xp = gain.after();
        }
    }

    @Property
    void levelNeverDropsAsXpGrows(@ForAll("settings") XpSettings settings, @ForAll @IntRange(max = 5_000) int xp,
                                  @ForAll @IntRange(max = 5_000) int more) {
        assertTrue(settings.levelFor(xp + more) >= settings.levelFor(xp));
    }

    @Provide
    Arbitrary<XpSettings> settings() {
        Arbitrary<BigDecimal> unit = Arbitraries.integers().between(0, 200).map(n -> BigDecimal.valueOf(n, 2));
        Arbitrary<List<BigDecimal>> multipliers = unit.list().ofSize(3)
                .map(ms -> ms.stream().sorted((a, b) -> b.compareTo(a)).toList());
        Arbitrary<BigDecimal> decay = Arbitraries.integers().between(0, 100).map(n -> BigDecimal.valueOf(n, 2));
        Arbitrary<BigDecimal> minPercent = Arbitraries.integers().between(0, 1000).map(n -> BigDecimal.valueOf(n, 1));
        Arbitrary<List<Integer>> thresholds = Arbitraries.integers().between(0, 2000).set().ofMinSize(1).ofMaxSize(8)
                .map(set -> set.stream().sorted().toList());
        return Combinators.combine(
                        Arbitraries.integers().between(0, 3000),
                        Arbitraries.integers().between(0, 100),
                        Arbitraries.integers().between(0, 10),
                        Arbitraries.integers().between(0, 10),
                        multipliers,
                        unit,
                        decay,
                        minPercent)
                .as((max, base, full, half, ms, early, d, min) -> new Object[] {max, base, full, half, ms, early, d, min})
                .flatMap(parts -> thresholds.map(t -> {
                    @SuppressWarnings("unchecked")
                    List<BigDecimal> ms = (List<BigDecimal>) parts[4];
                    return new XpSettings((int) parts[0], (int) parts[1], (int) parts[2], (int) parts[3], ms.get(0), ms.get(1), ms.get(2),
                            (BigDecimal) parts[5], (BigDecimal) parts[6], (BigDecimal) parts[7], t, List.of(1, 3, 7));
                }));
    }
}
