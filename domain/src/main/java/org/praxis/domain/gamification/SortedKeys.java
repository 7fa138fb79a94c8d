package org.praxis.domain.gamification;

import java.util.Arrays;

/**
 * A multiset of non-negative {@code long} keys that counts the keys above a given one: sorted blocks of
 * primitive longs (an unrolled sorted list). Adding or removing finds its block by binary search and moves
 * at most {@value #MAX_BLOCK} longs; counting sums the sizes of the blocks after one (about √n of them at a
 * million keys, a few hundred ints) and binary-searches inside it. Eight bytes a key, no boxing.
 *
 * <p>Not thread-safe: its owner locks.
 */
public final class SortedKeys {
    static final int MAX_BLOCK = 2048;

    // Invariant: every block is non-empty (except the single block of an empty set), sorted ascending,
    // and each block's last key is <= the next block's first key.
    private long[][] blocks = {new long[16]};
    private int[] sizes = new int[1];
    private int count = 1;
    private long size;

    public long size() {
        return size;
    }

    public void add(long key) {
        requireKey(key);
        int b = firstBlockEndingAtLeast(key);
        if (b == count) {
            b = count - 1;
        }
        long[] block = blocks[b];
        int n = sizes[b];
        int at = upperBound(block, n, key);
        if (n == block.length) {
            block = Arrays.copyOf(block, Math.min(MAX_BLOCK, block.length * 2));
            blocks[b] = block;
        }
        System.arraycopy(block, at, block, at + 1, n - at);
        block[at] = key;
        sizes[b] = n + 1;
        size++;
        if (sizes[b] == MAX_BLOCK) {
            split(b);
        }
    }

    /** Removes one occurrence of {@code key}; false when there is none. */
    public boolean remove(long key) {
        int b = firstBlockEndingAtLeast(key);
        if (b == count) {
            return false;
        }
        // the previous block ends below key, so an occurrence, if any, is in this block
        long[] block = blocks[b];
        int n = sizes[b];
        int at = lowerBound(block, n, key);
        if (at == n || block[at] != key) {
            return false;
        }
        System.arraycopy(block, at + 1, block, at, n - at - 1);
        sizes[b] = n - 1;
        size--;
        if (sizes[b] == 0 && count > 1) {
            dropBlock(b);
        }
        return true;
    }

    /** How many keys are strictly greater than {@code key}. */
    public long countAbove(long key) {
        int b = firstBlockEndingAbove(key);
        if (b == count) {
            return 0;
        }
        long above = sizes[b] - upperBound(blocks[b], sizes[b], key);
        for (int i = b + 1; i < count; i++) {
            above += sizes[i];
        }
        return above;
    }

    public long countEqual(long key) {
        return key == 0 ? size - countAbove(0) : countAbove(key - 1) - countAbove(key);
    }

    /** The smallest key strictly greater than {@code key}, or -1 when there is none. */
    public long nextAbove(long key) {
        int b = firstBlockEndingAbove(key);
        if (b == count) {
            return -1;
        }
        return blocks[b][upperBound(blocks[b], sizes[b], key)];
    }

    /** The greatest key strictly less than {@code key}, or -1 when there is none. */
    public long nextBelow(long key) {
        int b = firstBlockEndingAtLeast(key);
        if (b < count) {
            int at = lowerBound(blocks[b], sizes[b], key);
            if (at > 0) {
                return blocks[b][at - 1];
            }
        }
        // every key of block b (if any) is >= key: the answer is the last key of the block before it
        int before = Math.min(b, count) - 1;
        return before < 0 || sizes[before] == 0 ? -1 : blocks[before][sizes[before] - 1];
    }

    private static void requireKey(long key) {
        if (key < 0) {
            throw new IllegalArgumentException("keys are non-negative: " + key);
        }
    }

    /** The first block whose last key is >= key; {@code count} when none. */
    private int firstBlockEndingAtLeast(long key) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sizes[mid] > 0 && blocks[mid][sizes[mid] - 1] >= key) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The first block whose last key is > key; {@code count} when none. */
    private int firstBlockEndingAbove(long key) {
        return key == Long.MAX_VALUE ? count : firstBlockEndingAtLeast(key + 1);
    }

    private static int lowerBound(long[] a, int n, long key) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(long[] a, int n, long key) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void split(int b) {
        int half = sizes[b] / 2;
        long[] upper = new long[MAX_BLOCK];
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
