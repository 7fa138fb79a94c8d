package org.praxis.domain.gamification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The order's blocks under churn, against a TreeSet of the same entries. */
class BoardOrderTest {

    @Test
    void entriesMovingFromOnePartOfTheBoardToAnotherLeaveNoTrailOfThinBlocks() {
        // each entry's key; the order is by key, then entry number (total)
        long[] keys = new long[30_000];
        var order = new BoardOrder((a, b) -> keys[a] != keys[b] ? Long.compare(keys[a], keys[b]) : Integer.compare(a, b));
        var model = new TreeSet<Long>();
        var random = new Random(11);
        for (int e = 0; e < keys.length; e++) {
            keys[e] = random.nextInt(1_000_000);
            order.insert(e);
            model.add(keys[e] << 20 | e);
        }
        // entries move to the top, many times each (the worst case: every insert lands in the last block, every
        // removal thins an older one), so new blocks keep splitting off at the top while the older ones empty slowly
        for (int step = 0; step < 300_000; step++) {
            int e = random.nextInt(keys.length);
            order.remove(e);
            model.remove(keys[e] << 20 | e);
            keys[e] = 1_000_000 + step;
            order.insert(e);
            model.add(keys[e] << 20 | e);
            if (step % 10_000 == 0) {
                assertTrue(order.blockCount() <= 4 * keys.length / BoardOrder.MAX_BLOCK + 2,
                        "blocks in proportion to the entries: " + order.blockCount() + " at step " + step);
            }
        }
        var expected = new ArrayList<Integer>();
        model.forEach(packed -> expected.add((int) (packed & ((1 << 20) - 1))));
        var actual = new ArrayList<Integer>();
        for (var at = order.at(0); at != null; at = order.next(at)) {
            actual.add(order.entry(at));
        }
        assertEquals(expected, actual);
        for (int i = 0; i < expected.size(); i += 997) {
            assertEquals(i, order.position(order.find(expected.get(i))));
            long key = keys[expected.get(i)];
            assertEquals(model.headSet(key << 20).size(), order.countWhile(e -> keys[e] < key));
        }
        // and drained, the blocks go with the entries
        for (int e = 0; e < keys.length; e++) {
            order.remove(e);
        }
        assertEquals(1, order.blockCount());
        assertEquals(null, order.at(0));
    }
}
