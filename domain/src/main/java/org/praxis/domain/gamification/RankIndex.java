package org.praxis.domain.gamification;

import java.util.OptionalLong;
import java.util.UUID;

/**
 * The global board (GA4: points, then the longer longest streak) as an order-statistics index: each
 * learner's current board key, and how many learners are strictly better than a given key, so a standard
 * competition rank is {@code 1 + countBetter(key)} in O(√n) without reading the other learners.
 *
 * <p>Every change carries a stamp (when it was made, as the store clocks it); a change older than the one
 * already held for that learner is ignored, so changes may arrive twice and out of order: applying is
 * setting, never adding. Learners are kept in open-addressing arrays of primitives (two longs of the id,
 * the key, the stamp): about 50 bytes a learner, no boxing.
 *
 * <p>Not thread-safe: its owner locks.
 */
public final class RankIndex {
    /** Longest streaks (days) are clamped to this when packed; 22 bits is eleven thousand years. */
    static final int MAX_STREAK = (1 << 22) - 1;
    static final long MAX_POINTS = (1L << 41) - 1;

    private final SortedKeys keys = new SortedKeys();
    private long[] high = new long[16];
    private long[] low = new long[16];
    private long[] boardKeys = new long[16];
    private long[] stamps = new long[16];
    private boolean[] used = new boolean[16];
    private int learners;

    /** The board key: better is greater. Points and streaks beyond what a key holds are clamped. */
    public static long key(long points, int longestStreak) {
        long p = Math.max(0, Math.min(points, MAX_POINTS));
        long s = Math.max(0, Math.min(longestStreak, MAX_STREAK));
        return p << 22 | s;
    }

    public static long points(long key) {
        return key >>> 22;
    }

    public static int longestStreak(long key) {
        return (int) (key & MAX_STREAK);
    }

    /** Learners on the board. */
    public long size() {
        return keys.size();
    }

    /** The learner is on the board with this key, as of {@code stamp}; false when an equal or newer change was already held. */
    public boolean put(UUID learner, long key, long stamp) {
        if (key < 0) {
            throw new IllegalArgumentException("keys are non-negative: " + key);
        }
        int slot = slotOf(learner);
        if (used[slot]) {
            if (stamp < stamps[slot]) {
                return false;
            }
            stamps[slot] = stamp;
            if (boardKeys[slot] != key) {
                keys.remove(boardKeys[slot]);
                keys.add(key);
                boardKeys[slot] = key;
            }
            return true;
        }
        used[slot] = true;
        high[slot] = learner.getMostSignificantBits();
        low[slot] = learner.getLeastSignificantBits();
        boardKeys[slot] = key;
        stamps[slot] = stamp;
        keys.add(key);
        if (++learners * 4L > used.length * 3L) {
            grow();
        }
        return true;
    }

    /** The learner left the board (deleted, or no submission any more) as of {@code stamp}. */
    public boolean remove(UUID learner, long stamp) {
        int slot = slotOf(learner);
        if (!used[slot] || stamp < stamps[slot]) {
            return false;
        }
        keys.remove(boardKeys[slot]);
        learners--;
        deleteSlot(slot);
        return true;
    }

    public OptionalLong keyOf(UUID learner) {
        int slot = slotOf(learner);
        return used[slot] ? OptionalLong.of(boardKeys[slot]) : OptionalLong.empty();
    }

    /** The stamp of the change the learner's key is held as of, or {@link Long#MIN_VALUE} when not on the board. */
    public long stampOf(UUID learner) {
        int slot = slotOf(learner);
        return used[slot] ? stamps[slot] : Long.MIN_VALUE;
    }

    /** How many learners on the board are strictly better than {@code key}. */
    public long countBetter(long key) {
        return keys.countAbove(key);
    }

    /**
     * How many learners other than {@code learner} are strictly better than {@code freshKey}, the
     * learner's key read from the store just now. The index may still hold an older key of this
     * learner; it is never counted, so the answer does not depend on how fresh the index is for them.
     */
    public long countBetterThan(UUID learner, long freshKey) {
        long better = keys.countAbove(freshKey);
        var held = keyOf(learner);
        return held.isPresent() && held.getAsLong() > freshKey ? better - 1 : better;
    }

    public long countEqual(long key) {
        return keys.countEqual(key);
    }

    /** The next better key than {@code key} held by anyone, or -1. */
    public long nextBetter(long key) {
        return keys.nextAbove(key);
    }

    /** The next worse key than {@code key} held by anyone, or -1. */
    public long nextWorse(long key) {
        return keys.nextBelow(key);
    }

    // --- open addressing with linear probing; deletion shifts back, so there are no tombstones

    private static int hash(long hi, long lo) {
        long h = hi * 0x9E3779B97F4A7C15L ^ lo;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h;
    }

    /** The slot holding the learner, or the free slot where it would go. */
    private int slotOf(UUID learner) {
        long hi = learner.getMostSignificantBits();
        long lo = learner.getLeastSignificantBits();
        int mask = used.length - 1;
        int i = hash(hi, lo) & mask;
        while (used[i] && (high[i] != hi || low[i] != lo)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void deleteSlot(int slot) {
        int mask = used.length - 1;
        int gap = slot;
        int i = (slot + 1) & mask;
        while (used[i]) {
            int home = hash(high[i], low[i]) & mask;
            // move i into the gap unless its home lies cyclically in (gap, i]
            boolean stays = gap <= i ? gap < home && home <= i : gap < home || home <= i;
            if (!stays) {
                high[gap] = high[i];
                low[gap] = low[i];
                boardKeys[gap] = boardKeys[i];
                stamps[gap] = stamps[i];
                used[gap] = true;
                gap = i;
            }
            i = (i + 1) & mask;
        }
        used[gap] = false;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        long[] oldKeys = boardKeys;
        long[] oldStamps = stamps;
        boolean[] oldUsed = used;
        int capacity = used.length * 2;
        high = new long[capacity];
        low = new long[capacity];
        boardKeys = new long[capacity];
        stamps = new long[capacity];
        used = new boolean[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldUsed.length; j++) {
            if (oldUsed[j]) {
                int i = hash(oldHigh[j], oldLow[j]) & mask;
                while (used[i]) {
                    i = (i + 1) & mask;
                }
                used[i] = true;
                high[i] = oldHigh[j];
                low[i] = oldLow[j];
                boardKeys[i] = oldKeys[j];
                stamps[i] = oldStamps[j];
            }
        }
    }
}
