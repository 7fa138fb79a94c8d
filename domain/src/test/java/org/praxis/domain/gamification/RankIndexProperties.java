package org.praxis.domain.gamification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.From;

/** The index against a naive model: a map of learners to (points, streak), ranked by sorting. */
class RankIndexProperties {

    record Change(int learner, int points, int streak, int stamp, boolean removal) {
    }

    record Held(long key, long stamp) {
    }

    @Provide
    Arbitrary<Change> changes() {
        // few learners and few distinct scores: many ties, many updates of the same learner, stale stamps
        return Combinators.combine(Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 9).map(n -> n == 0)).as(Change::new);
    }

    private static UUID learner(int n) {
        return new UUID(n * 0x5DEECE66DL, n);
    }

    @Property
    void ranksEqualANaiveSortTiesIncluded(@ForAll @Size(max = 80) List<@From("changes") Change> changes) {
        var index = new RankIndex();
        var model = new HashMap<Integer, Held>();
        for (var c : changes) {
            var held = model.get(c.learner());
            boolean applies = held == null ? !c.removal() : c.stamp() >= held.stamp();
            boolean answered = c.removal() ? index.remove(learner(c.learner()), c.stamp())
                    : index.put(learner(c.learner()), RankIndex.key(c.points(), c.streak()), c.stamp());
            assertEquals(applies, answered, c.toString());
            if (applies) {
                if (c.removal()) {
                    model.remove(c.learner());
                } else {
                    model.put(c.learner(), new Held(RankIndex.key(c.points(), c.streak()), c.stamp()));
                }
            }
            check(index, model);
        }
    }

    private static void check(RankIndex index, Map<Integer, Held> model) {
        assertEquals(model.size(), index.size());
        for (int p = 0; p <= 5; p++) {
            for (int s = 0; s <= 3; s++) {
                int points = p;
                int streak = s;
                long key = RankIndex.key(points, streak);
                long better = model.values().stream().filter(h -> beats(h.key(), points, streak)).count();
                assertEquals(better, index.countBetter(key));
                assertEquals(model.values().stream().filter(h -> h.key() == key).count(), index.countEqual(key));
                assertEquals(model.values().stream().mapToLong(Held::key).filter(k -> k > key).min().orElse(-1), index.nextBetter(key));
                assertEquals(model.values().stream().mapToLong(Held::key).filter(k -> k < key).max().orElse(-1), index.nextWorse(key));
                for (int n = 0; n <= 12; n++) {
                    int me = n;
                    // my fresh key is (points, streak), whatever the index still holds for me
                    long others = model.entrySet().stream().filter(e -> e.getKey() != me)
                            .filter(e -> beats(e.getValue().key(), points, streak)).count();
                    assertEquals(others, index.countBetterThan(learner(n), key));
                }
            }
        }
        for (var e : model.entrySet()) {
            assertEquals(OptionalLong.of(e.getValue().key()), index.keyOf(learner(e.getKey())));
            assertEquals(e.getValue().stamp(), index.stampOf(learner(e.getKey())));
        }
    }

    /** Standings.Global.BETTER, on unpacked values: more points, or as many and a longer longest streak. */
    private static boolean beats(long key, int points, int streak) {
        long p = RankIndex.points(key);
        int s = RankIndex.longestStreak(key);
        return p > points || p == points && s > streak;
    }

    @Property
    void keysOrderAsTheBoardDoes(@ForAll("points") long p1, @ForAll("streaks") int s1, @ForAll("points") long p2,
            @ForAll("streaks") int s2) {
        var a = new Standings.Global(new org.praxis.domain.identity.LearnerId(learner(1)), p1, s1);
        var b = new Standings.Global(new org.praxis.domain.identity.LearnerId(learner(2)), p2, s2);
        assertEquals(Integer.signum(Standings.Global.BETTER.compare(b, a)),
                Long.signum(Long.compare(RankIndex.key(p1, s1), RankIndex.key(p2, s2))));
        assertEquals(p1, RankIndex.points(RankIndex.key(p1, s1)));
        assertEquals(s1, RankIndex.longestStreak(RankIndex.key(p1, s1)));
    }

    @Provide
    Arbitrary<Long> points() {
        return Arbitraries.longs().between(0, RankIndex.MAX_POINTS);
    }

    @Provide
    Arbitrary<Integer> streaks() {
        return Arbitraries.integers().between(0, RankIndex.MAX_STREAK);
    }

    @Example
    void tenThousandsOfLearnersSplitAndDropBlocksAndStillCountExactly() {
        var random = new Random(8);
        var index = new RankIndex();
        var model = new HashMap<Integer, Long>();
        var counts = new TreeMap<Long, Integer>();
        for (int step = 0; step < 60_000; step++) {
            int n = random.nextInt(20_000);
            // skewed scores: most learners share a few low keys, as on a real board
            long key = RankIndex.key(random.nextInt(4) == 0 ? random.nextInt(5000) : random.nextInt(3), random.nextInt(3));
            var old = model.get(n);
            if (old != null) {
                counts.merge(old, -1, (a, b) -> a + b == 0 ? null : a + b);
            }
            if (step > 40_000 && random.nextInt(3) == 0) {
                index.remove(learner(n), step);
                model.remove(n);
            } else {
                index.put(learner(n), key, step);
                model.put(n, key);
                counts.merge(key, 1, Integer::sum);
            }
            if (step % 997 == 0) {
                for (long probe : new long[] {0, 1, 2, RankIndex.key(1, 1), RankIndex.key(2500, 0), RankIndex.key(4999, 2),
                        RankIndex.key(5000, 0)}) {
                    long above = counts.tailMap(probe, false).values().stream().mapToLong(Integer::longValue).sum();
                    assertEquals(above, index.countBetter(probe));
                    assertEquals(counts.getOrDefault(probe, 0).longValue(), index.countEqual(probe));
                    assertEquals(counts.higherKey(probe) == null ? -1 : counts.higherKey(probe), index.nextBetter(probe));
                    assertEquals(counts.lowerKey(probe) == null ? -1 : counts.lowerKey(probe), index.nextWorse(probe));
                }
            }
        }
        assertEquals(model.size(), index.size());
        var all = new ArrayList<>(model.entrySet());
        for (int i = 0; i < all.size(); i += 37) {
            assertEquals(OptionalLong.of(all.get(i).getValue()), index.keyOf(learner(all.get(i).getKey())));
        }
        // drain everything: blocks empty out and are dropped
        for (var n : new ArrayList<>(model.keySet())) {
            assertTrue(index.remove(learner(n), 100_000));
        }
        assertEquals(0, index.size());
        assertEquals(0, index.countBetter(0));
        assertEquals(-1, index.nextBetter(0));
        assertEquals(-1, index.nextWorse(RankIndex.key(10, 0)));
        assertFalse(index.keyOf(learner(1)).isPresent());
        assertEquals(Long.MIN_VALUE, index.stampOf(learner(1)));
    }

    @Example
    void anOlderChangeNeverOverwritesANewerOne() {
        var index = new RankIndex();
        var ada = learner(1);
        assertTrue(index.put(ada, RankIndex.key(160, 2), 20));
        assertFalse(index.put(ada, RankIndex.key(100, 1), 10), "a stale row read before the newer one");
        assertFalse(index.remove(ada, 19));
        assertEquals(OptionalLong.of(RankIndex.key(160, 2)), index.keyOf(ada));
        assertTrue(index.put(ada, RankIndex.key(160, 2), 20), "the same change twice is harmless");
        assertEquals(1, index.size());
        assertThrows(IllegalArgumentException.class, () -> index.put(ada, -1, 30));
    }
}
