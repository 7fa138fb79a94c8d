package org.praxis.domain.gamification;

import java.util.Arrays;

/**
 * Entries (ints) in board order as sorted blocks of primitive ints (an unrolled sorted list): inserting
 * or removing finds its block by binary search and moves at most {@value #MAX_BLOCK} ints; a position is
 * the sizes of the blocks before one summed (about √n of them at a million entries, a few thousand ints),
 * and so is the length of a prefix ({@link #countWhile}). Four bytes an entry. The order is the owner's
 * ({@link Order}): it must be total, and an entry's place in it must not change while it is held, so
 * the owner removes an entry before changing what it is ordered by and inserts it again after.
 *
 * <p>Not thread-safe: its owner locks.
 */
final class BoardOrder {
    static final int MAX_BLOCK = 1024;

    /** A total order of entries: negative when {@code a} comes first. */
    interface Order {
        int compare(int a, int b);
    }

    /** Where an entry is: its block and its index in it. */
    record At(int block, int index) {
    }

    private final Order order;
    // Invariant: non-empty blocks (but the single block of an empty order), each sorted, each block's
    // last entry before the next block's first.
    private int[][] blocks = {new int[16]};
    private int[] sizes = new int[1];
    private int count = 1;
    private int size;

    BoardOrder(Order order) {
        this.order = order;
    }

    void insert(int entry) {
        int b = firstBlockEndingAtOrAfter(entry);
        if (b == count) {
            b = count - 1;
        }
        int[] block = blocks[b];
        int n = sizes[b];
        int at = lowerBound(block, n, entry);
        if (n == block.length) {
            block = Arrays.copyOf(block, Math.min(MAX_BLOCK, block.length * 2));
            blocks[b] = block;
        }
        System.arraycopy(block, at, block, at + 1, n - at);
        block[at] = entry;
        sizes[b] = n + 1;
        size++;
        if (sizes[b] == MAX_BLOCK) {
            split(b);
        }
    }

    /** Removes the entry, which must be held with what it is ordered by unchanged since it was inserted. */
    void remove(int entry) {
        var at = find(entry);
        int[] block = blocks[at.block()];
        int n = sizes[at.block()];
        System.arraycopy(block, at.index() + 1, block, at.index(), n - at.index() - 1);
        sizes[at.block()] = n - 1;
        size--;
        if (sizes[at.block()] == 0 && count > 1) {
            dropBlock(at.block());
        } else if (sizes[at.block()] < MAX_BLOCK / 4) {
            mergeWithANeighbour(at.block());
        }
    }

    /**
     * Blocks are made by splits and would otherwise go only when empty: under churn (learners leaving one
     * part of the board for another) they would thin out and grow in number without bound, and with them
     * memory and the cost of a position. A block that falls under a quarter full joins a neighbour when
     * both fit in three quarters of a block; one that cannot lies next to a block at least a quarter full,
     * so there are at most about eight blocks per {@value #MAX_BLOCK} entries, whatever the history.
     */
    private void mergeWithANeighbour(int b) {
        if (b + 1 < count && sizes[b] + sizes[b + 1] <= MAX_BLOCK * 3 / 4) {
            merge(b);
        } else if (b > 0 && sizes[b - 1] + sizes[b] <= MAX_BLOCK * 3 / 4) {
            merge(b - 1);
        }
    }

    /** Appends block {@code first + 1} to block {@code first}. */
    private void merge(int first) {
        int n = sizes[first];
        int m = sizes[first + 1];
        if (blocks[first].length < n + m) {
            blocks[first] = Arrays.copyOf(blocks[first], MAX_BLOCK);
        }
        System.arraycopy(blocks[first + 1], 0, blocks[first], n, m);
        sizes[first] = n + m;
        dropBlock(first + 1);
    }

    /** How many blocks hold the entries (tests: merging keeps it in proportion to the entries). */
    int blockCount() {
        return count;
    }

    /** Where the held entry is. */
    At find(int entry) {
        int b = firstBlockEndingAtOrAfter(entry);
        if (b < count) {
            int i = lowerBound(blocks[b], sizes[b], entry);
            if (i < sizes[b] && blocks[b][i] == entry) {
                return new At(b, i);
            }
        }
        throw new IllegalStateException("entry " + entry + " is not where its order puts it");
    }

    /**
     * How many entries come first in the order and pass {@code test}, which must hold for a prefix of the
     * order and fail after it (say "key above k", the order being by key descending): the length of
     * that prefix, by binary search over the blocks' last entries and inside one block.
     */
    long countWhile(java.util.function.IntPredicate test) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sizes[mid] > 0 && !test.test(blocks[mid][sizes[mid] - 1])) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if (lo == count) {
            return size;
        }
        int[] block = blocks[lo];
        int from = 0;
        int to = sizes[lo];
        while (from < to) {
            int mid = (from + to) >>> 1;
            if (test.test(block[mid])) {
                from = mid + 1;
            } else {
                to = mid;
            }
        }
        return position(new At(lo, from));
    }

    /** The entry's 0-based position in the order. */
    long position(At at) {
        long before = at.index();
        for (int i = 0; i < at.block(); i++) {
            before += sizes[i];
        }
        return before;
    }

    int entry(At at) {
        return blocks[at.block()][at.index()];
    }

    /** The place before {@code at}, or null at the start. */
    At previous(At at) {
        if (at.index() > 0) {
            return new At(at.block(), at.index() - 1);
        }
        int b = at.block() - 1;
        while (b >= 0 && sizes[b] == 0) {
            b--;
        }
        return b < 0 ? null : new At(b, sizes[b] - 1);
    }

    /** The place after {@code at}, or null at the end. */
    At next(At at) {
        if (at.index() + 1 < sizes[at.block()]) {
            return new At(at.block(), at.index() + 1);
        }
        int b = at.block() + 1;
        while (b < count && sizes[b] == 0) {
            b++;
        }
        return b >= count ? null : new At(b, 0);
    }

    /** The place of the entry at 0-based {@code position}, or null past the end. */
    At at(long position) {
        long left = position;
        for (int b = 0; b < count; b++) {
            if (left < sizes[b]) {
                return new At(b, (int) left);
            }
            left -= sizes[b];
        }
        return null;
    }

    /** The first block whose last entry is at or after {@code entry} in the order; {@code count} when none. */
    private int firstBlockEndingAtOrAfter(int entry) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sizes[mid] > 0 && order.compare(blocks[mid][sizes[mid] - 1], entry) >= 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private int lowerBound(int[] a, int n, int entry) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (order.compare(a[mid], entry) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void split(int b) {
        int half = sizes[b] / 2;
        int[] upper = new int[MAX_BLOCK];
        System.arraycopy(blocks[b], half, upper, 0, sizes[b] - half);
        if (count == blocks.length) {
            blocks = Arrays.copyOf(blocks, count * 2);
            sizes = Arrays.copyOf(sizes, count * 2);
        }
        System.arraycopy(blocks, b + 1, blocks, b + 2, count - b - 1);
        System.arraycopy(sizes, b + 1, sizes, b + 2, count - b - 1);
        blocks[b + 1] = upper;
        sizes[b + 1] = sizes[b] - half;
        sizes[b] = half;
        count++;
    }

    private void dropBlock(int b) {
        System.arraycopy(blocks, b + 1, blocks, b, count - b - 1);
        System.arraycopy(sizes, b + 1, sizes, b, count - b - 1);
        count--;
        blocks[count] = null;
        sizes[count] = 0;
    }
}
