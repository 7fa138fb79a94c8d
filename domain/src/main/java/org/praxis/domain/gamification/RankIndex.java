package org.praxis.domain.gamification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The global board (GA4: points, then the longer longest streak; equals by user name) held in memory:
 * each learner's board key and names, and the board order itself, so a learner's position and neighbours
 * are read without reading the other learners, and how many learners are strictly better than a given
 * key (the length of the order's prefix above it), so a standard competition rank is
 * {@code 1 + countBetter(key)} in O(√n).
 *
 * <p>Every change carries a stamp (when it was made, as the store clocks it); a change older than the one
 * already held for that learner is ignored, so changes may arrive twice and out of order: applying is
 * setting, never adding. Learners are entries in arrays of primitives (two longs of the id, the key, the
 * stamp, where the names are), found by an open-addressing table of entry numbers; the names are in a
 * {@link NameArena}, the order is a {@link BoardOrder} of entry numbers. About 65 bytes a learner with
 * short names, no object per learner.
 *
 * <p>Equal keys are ordered by user name, compared as UTF-8 bytes (PostgreSQL's {@code COLLATE "C"}),
 * then by id, so the order is total even while two learners' renames are applied one after the other.
 *
 * <p>Not thread-safe: its owner locks.
 */
public final class RankIndex {
    /** Longest streaks (days) are clamped to this when packed; 22 bits is eleven thousand years. */
    static final int MAX_STREAK = (1 << 22) - 1;
    static final long MAX_POINTS = (1L << 41) - 1;

    /** A learner on the board as the index holds them: {@code rank} is the standard competition rank. */
    public record Placed(UUID learner, long key, long rank, String username, Optional<String> displayName) {
        public long points() {
            return RankIndex.points(key);
        }

        public int longestStreak() {
            return RankIndex.longestStreak(key);
        }
    }

    /**
     * A learner's place: their own entry, their 0-based position in board order, and up to k learners
     * either side, nearest first ({@code above}: before them in board order; {@code below}: after them).
     */
    public record Standing(Placed me, long position, List<Placed> above, List<Placed> below) {
        public Standing {
            above = List.copyOf(above);
            below = List.copyOf(below);
        }
    }

    private final BoardOrder order = new BoardOrder(this::compare);
    private NameArena names = new NameArena(1 << 10);
    // entries, by entry number
    private long[] high = new long[16];
    private long[] low = new long[16];
    private long[] boardKeys = new long[16];
    private long[] stamps = new long[16];
    private int[] nameAt = new int[16];
    private int entries;
    private int[] free = new int[16];
    private int freeCount;
    // entry number + 1 by the id's hash; 0 is a free cell
    private int[] table = new int[32];
    private int learners;
    private long changes;

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
        return learners;
    }

    /**
     * How many times the board as readers see it (who is on it, their keys, names and order) has changed:
     * an answer computed from the index stays right while this is unchanged. Applying a change that only
     * renews a stamp does not count.
     */
    public long changes() {
        return changes;
    }

    /**
     * The learner is on the board with this key and these names, as of {@code stamp}; false when a newer
     * change was already held (a change with the stamp held applies again: the same row read twice).
     */
    public boolean put(UUID learner, long key, long stamp, String username, Optional<String> displayName) {
        if (key < 0) {
            throw new IllegalArgumentException("keys are non-negative: " + key);
        }
        Objects.requireNonNull(username);
        Objects.requireNonNull(displayName);
        int cell = cellOf(learner);
        int e = table[cell] - 1;
        if (e >= 0) {
            if (stamp < stamps[e]) {
                return false;
            }
            // the new names are stored before anything changes: a name the arena refuses leaves the entry as it was
            int renamed = names.holds(nameAt[e], username, displayName) ? -1 : names.add(username, displayName);
            stamps[e] = stamp;
            if (boardKeys[e] != key || renamed >= 0) {
                order.remove(e);
                boardKeys[e] = key;
                if (renamed >= 0) {
                    names.release(nameAt[e]);
                    nameAt[e] = renamed;
                }
                order.insert(e);
                changes++;
                compactNamesIfWorthIt();
            }
            return true;
        }
        int named = names.add(username, displayName);
        e = newEntry();
        high[e] = learner.getMostSignificantBits();
        low[e] = learner.getLeastSignificantBits();
        boardKeys[e] = key;
        stamps[e] = stamp;
        nameAt[e] = named;
        table[cell] = e + 1;
        changes++;
        order.insert(e);
        if (++learners * 5L > table.length * 3L) {
            growTable();
        }
        return true;
    }

    /** The learner left the board (deleted, or no submission any more) as of {@code stamp}. */
    public boolean remove(UUID learner, long stamp) {
        int cell = cellOf(learner);
        int e = table[cell] - 1;
        if (e < 0 || stamp < stamps[e]) {
            return false;
        }
        order.remove(e);
        changes++;
        names.release(nameAt[e]);
        deleteCell(cell);
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = e;
        learners--;
        compactNamesIfWorthIt();
        return true;
    }

    public OptionalLong keyOf(UUID learner) {
        int e = table[cellOf(learner)] - 1;
        return e >= 0 ? OptionalLong.of(boardKeys[e]) : OptionalLong.empty();
    }

    /** The stamp of the change the learner's key is held as of, or {@link Long#MIN_VALUE} when not on the board. */
    public long stampOf(UUID learner) {
        int e = table[cellOf(learner)] - 1;
        return e >= 0 ? stamps[e] : Long.MIN_VALUE;
    }

    /** How many learners on the board are strictly better than {@code key}. */
    public long countBetter(long key) {
        return order.countWhile(e -> boardKeys[e] > key);
    }

    /** The learner's place with up to {@code neighbours} learners either side; empty when not on the board. */
    public Optional<Standing> standing(UUID learner, int neighbours) {
        int e = table[cellOf(learner)] - 1;
        if (e < 0) {
            return Optional.empty();
        }
        var at = order.find(e);
        var me = placed(e, 1 + countBetter(boardKeys[e]));
        var above = new ArrayList<Placed>(neighbours);
        var before = at;
        while (above.size() < neighbours && (before = order.previous(before)) != null) {
            int n = order.entry(before);
            above.add(placed(n, boardKeys[n] == boardKeys[e] ? me.rank() : 1 + countBetter(boardKeys[n])));
        }
        var below = new ArrayList<Placed>(neighbours);
        var after = at;
        while (below.size() < neighbours && (after = order.next(after)) != null) {
            int n = order.entry(after);
            below.add(placed(n, boardKeys[n] == boardKeys[e] ? me.rank() : 1 + countBetter(boardKeys[n])));
        }
        return Optional.of(new Standing(me, order.position(at), above, below));
    }

    /** Up to {@code limit} learners in board order from 0-based {@code offset}. */
    public List<Placed> page(long offset, int limit) {
        var page = new ArrayList<Placed>(Math.max(0, Math.min(limit, learners)));
        var at = offset < 0 ? null : order.at(offset);
        long rank = 0;
        long previousKey = -1;
        while (at != null && page.size() < limit) {
            int e = order.entry(at);
            // ranks follow the order: a new key's rank is its position + 1, an equal key shares the rank before
            rank = boardKeys[e] == previousKey ? rank : page.isEmpty() ? 1 + countBetter(boardKeys[e]) : offset + page.size() + 1;
            previousKey = boardKeys[e];
            page.add(placed(e, rank));
            at = order.next(at);
        }
        return page;
    }

    private Placed placed(int e, long rank) {
        return new Placed(new UUID(high[e], low[e]), boardKeys[e], rank, names.username(nameAt[e]), names.displayName(nameAt[e]));
    }

    /** Board order: better key first, then user name, then id. */
    private int compare(int a, int b) {
        if (boardKeys[a] != boardKeys[b]) {
            return boardKeys[a] > boardKeys[b] ? -1 : 1;
        }
        int byName = names.compareUsernames(nameAt[a], nameAt[b]);
        if (byName != 0) {
            return byName;
        }
        int byHigh = Long.compare(high[a], high[b]);
        return byHigh != 0 ? byHigh : Long.compare(low[a], low[b]);
    }

    private int newEntry() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (entries == high.length) {
            int capacity = high.length * 2;
            high = Arrays.copyOf(high, capacity);
            low = Arrays.copyOf(low, capacity);
            boardKeys = Arrays.copyOf(boardKeys, capacity);
            stamps = Arrays.copyOf(stamps, capacity);
            nameAt = Arrays.copyOf(nameAt, capacity);
        }
        return entries++;
    }

    /** Copies the names in use into a new arena: the order does not change, only where the bytes are. */
    private void compactNamesIfWorthIt() {
        if (!names.worthCompacting()) {
            return;
        }
        var compacted = new NameArena(names.live() + names.live() / 4);
        for (int cell : table) {
            if (cell != 0) {
                nameAt[cell - 1] = compacted.copy(names, nameAt[cell - 1]);
            }
        }
        names = compacted;
    }

    // --- open addressing with linear probing; deletion shifts back, so there are no tombstones

    private static int hash(long hi, long lo) {
        long h = hi * 0x9E3779B97F4A7C15L ^ lo;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h;
    }

    /** The cell holding the learner's entry, or the free cell where it would go. */
    private int cellOf(UUID learner) {
        long hi = learner.getMostSignificantBits();
        long lo = learner.getLeastSignificantBits();
        int mask = table.length - 1;
        int i = hash(hi, lo) & mask;
        while (table[i] != 0 && (high[table[i] - 1] != hi || low[table[i] - 1] != lo)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void deleteCell(int cell) {
        int mask = table.length - 1;
        int gap = cell;
        int i = (cell + 1) & mask;
        while (table[i] != 0) {
            int e = table[i] - 1;
            int home = hash(high[e], low[e]) & mask;
            // move i into the gap unless its home lies cyclically in (gap, i]
            boolean stays = gap <= i ? gap < home && home <= i : gap < home || home <= i;
            if (!stays) {
                table[gap] = table[i];
                gap = i;
            }
            i = (i + 1) & mask;
        }
        table[gap] = 0;
    }

    private void growTable() {
        int[] old = table;
        table = new int[old.length * 2];
        int mask = table.length - 1;
        for (int cell : old) {
            if (cell != 0) {
                int i = hash(high[cell - 1], low[cell - 1]) & mask;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = cell;
            }
        }
    }
}
