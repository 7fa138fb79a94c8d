package org.praxis.domain.gamification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    record Change(int learner, int points, int streak, int stamp, boolean removal, int name) {
    }

    record Held(UUID learner, long key, long stamp, String username, Optional<String> displayName) {
    }

    /** Few names, so that learners share one while renames are applied one after the other; non-ASCII and case included. */
    private static final List<String> NAMES = List.of("ada", "Ada_", "bob", "b.ob", "zoe", "\u00c9mile", "emile");

    private static String username(int name) {
        return NAMES.get(name);
    }

    private static Optional<String> displayName(int name) {
        return name % 2 == 0 ? Optional.of("Display " + name) : Optional.empty();
    }

    @Provide
    Arbitrary<Change> changes() {
        // few learners and few distinct scores: many ties, many updates of the same learner, stale stamps
        return Combinators.combine(Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 9).map(n -> n == 0), Arbitraries.integers().between(0, NAMES.size() - 1))
                .as(Change::new);
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
                    : index.put(learner(c.learner()), RankIndex.key(c.points(), c.streak()), c.stamp(), username(c.name()),
                            displayName(c.name()));
            assertEquals(applies, answered, c.toString());
            if (applies) {
                if (c.removal()) {
                    model.remove(c.learner());
                } else {
                    model.put(c.learner(), new Held(learner(c.learner()), RankIndex.key(c.points(), c.streak()), c.stamp(),
                            username(c.name()), displayName(c.name())));
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
            }
        }
        for (var e : model.entrySet()) {
            assertEquals(OptionalLong.of(e.getValue().key()), index.keyOf(learner(e.getKey())));
            assertEquals(e.getValue().stamp(), index.stampOf(learner(e.getKey())));
        }
        checkOrder(index, model.values());
    }

    /**
     * The board order as PostgreSQL sorts it (points, streak descending; user name in code point order, as
     * COLLATE "C"; then id), ranked with RANK(): every page, and every learner's standing with 0 to 3
     * neighbours either side.
     */
    private static void checkOrder(RankIndex index, java.util.Collection<Held> held) {
        var sorted = new ArrayList<>(held);
        sorted.sort(java.util.Comparator.comparingLong(Held::key).reversed()
                .thenComparing(h -> h.username().codePoints().toArray(), java.util.Arrays::compare)
                .thenComparing(Held::learner));
        var expected = new ArrayList<RankIndex.Placed>();
        for (int i = 0; i < sorted.size(); i++) {
            var h = sorted.get(i);
            long rank = i > 0 && sorted.get(i - 1).key() == h.key() ? expected.get(i - 1).rank() : i + 1;
            expected.add(new RankIndex.Placed(h.learner(), h.key(), rank, h.username(), h.displayName()));
        }
        assertEquals(expected, index.page(0, Integer.MAX_VALUE));
        for (int offset = 0; offset <= sorted.size() + 1; offset++) {
            for (int limit = 0; limit <= 3; limit++) {
                assertEquals(expected.subList(Math.min(offset, expected.size()), Math.min(offset + limit, expected.size())),
                        index.page(offset, limit), "page " + offset + "+" + limit);
            }
        }
        for (int i = 0; i < expected.size(); i++) {
            for (int k = 0; k <= 3; k++) {
                var standing = index.standing(expected.get(i).learner(), k).orElseThrow();
                assertEquals(expected.get(i), standing.me());
                assertEquals(i, standing.position());
                var above = new ArrayList<>(expected.subList(Math.max(0, i - k), i));
                java.util.Collections.reverse(above);
                assertEquals(above, standing.above(), "above " + i + " k=" + k);
                assertEquals(expected.subList(i + 1, Math.min(expected.size(), i + 1 + k)), standing.below(), "below " + i + " k=" + k);
            }
        }
        assertTrue(index.standing(learner(99), 2).isEmpty());
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
        var named = new HashMap<Integer, String>();
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
                // shared names (ties broken by id) and renames: released names are compacted away
                String name = "learner" + (n % 7_000) + "_" + random.nextInt(3);
                index.put(learner(n), key, step, name, Optional.of(name.toUpperCase(java.util.Locale.ROOT)));
                model.put(n, key);
                named.put(n, name);
                counts.merge(key, 1, Integer::sum);
            }
            if (step % 997 == 0) {
                for (long probe : new long[] {0, 1, 2, RankIndex.key(1, 1), RankIndex.key(2500, 0), RankIndex.key(4999, 2),
                        RankIndex.key(5000, 0)}) {
                    long above = counts.tailMap(probe, false).values().stream().mapToLong(Integer::longValue).sum();
                    assertEquals(above, index.countBetter(probe));
                }
            }
        }
        assertEquals(model.size(), index.size());
        var all = new ArrayList<>(model.entrySet());
        for (int i = 0; i < all.size(); i += 37) {
            assertEquals(OptionalLong.of(all.get(i).getValue()), index.keyOf(learner(all.get(i).getKey())));
        }
        var held = new ArrayList<Held>();
        model.forEach((n, key) -> held.add(new Held(learner(n), key, 0, named.get(n), Optional.of(named.get(n).toUpperCase(java.util.Locale.ROOT)))));
        held.sort(java.util.Comparator.comparingLong(Held::key).reversed().thenComparing(Held::username).thenComparing(Held::learner));
        var board = index.page(0, Integer.MAX_VALUE);
        assertEquals(held.stream().map(Held::learner).toList(), board.stream().map(RankIndex.Placed::learner).toList());
        assertEquals(held.stream().map(h -> Optional.of(h.username().toUpperCase(java.util.Locale.ROOT))).toList(),
                board.stream().map(RankIndex.Placed::displayName).toList());
        for (int i = 0; i < board.size(); i += 101) {
            var standing = index.standing(board.get(i).learner(), 5).orElseThrow();
            assertEquals(i, standing.position());
            assertEquals(board.get(i).rank(), 1 + index.countBetter(board.get(i).key()));
            assertEquals(board.subList(i + 1, Math.min(board.size(), i + 6)), standing.below());
            var above = new ArrayList<>(board.subList(Math.max(0, i - 5), i));
            java.util.Collections.reverse(above);
            assertEquals(above, standing.above());
        }
        // drain everything: blocks empty out and are dropped
        for (var n : new ArrayList<>(model.keySet())) {
            assertTrue(index.remove(learner(n), 100_000));
        }
        assertEquals(0, index.size());
        assertEquals(0, index.countBetter(0));
        assertFalse(index.keyOf(learner(1)).isPresent());
        assertEquals(Long.MIN_VALUE, index.stampOf(learner(1)));
    }

    @Example
    void anOlderChangeNeverOverwritesANewerOne() {
        var index = new RankIndex();
        var ada = learner(1);
        assertTrue(index.put(ada, RankIndex.key(160, 2), 20, "ada", Optional.of("Ada")));
        assertFalse(index.put(ada, RankIndex.key(100, 1), 10, "ada_old", Optional.empty()), "a stale row read before the newer one");
        assertFalse(index.remove(ada, 19));
        assertEquals(OptionalLong.of(RankIndex.key(160, 2)), index.keyOf(ada));
        long changes = index.changes();
        assertTrue(index.put(ada, RankIndex.key(160, 2), 20, "ada", Optional.of("Ada")), "the same change twice is harmless");
        assertTrue(index.put(ada, RankIndex.key(160, 2), 25, "ada", Optional.of("Ada")), "a newer stamp of the same row");
        assertEquals(changes, index.changes(), "nothing a reader sees changed");
        assertTrue(index.put(ada, RankIndex.key(160, 2), 26, "ada", Optional.empty()));
        assertEquals(changes + 1, index.changes(), "a display name dropped is a change");
        assertTrue(index.put(ada, RankIndex.key(160, 2), 27, "ada", Optional.of("Ada")));
        assertEquals(1, index.size());
        assertEquals(List.of(new RankIndex.Placed(ada, RankIndex.key(160, 2), 1, "ada", Optional.of("Ada"))), index.page(0, 10));
        assertThrows(IllegalArgumentException.class, () -> index.put(ada, -1, 30, "ada", Optional.empty()));
    }
}
