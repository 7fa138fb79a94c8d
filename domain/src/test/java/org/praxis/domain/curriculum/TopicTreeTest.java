package org.praxis.domain.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicTreeTest {
    static final TopicSlug SQL = new TopicSlug("sql");
    static final TopicSlug JOINS = new TopicSlug("joins");
    static final TopicSlug OUTER = new TopicSlug("outer-joins");
    static final TopicSlug WINDOWS = new TopicSlug("window-functions");
    static final TopicSlug ML = new TopicSlug("ml");

    static final TopicTree TREE = new TopicTree(List.of(
            Topic.root(SQL, "SQL"),
            Topic.child(WINDOWS, "Window functions", SQL),
            Topic.child(JOINS, "Joins", SQL),
            Topic.child(OUTER, "Outer joins", JOINS),
            Topic.root(ML, "Machine learning")));

    @Test
    void childrenKeepTheirListedOrder() {
        assertEquals(List.of(WINDOWS, JOINS), TREE.children(SQL).stream().map(Topic::slug).toList());
        assertEquals(List.of(SQL, ML), TREE.roots().stream().map(Topic::slug).toList());
    }

    @Test
    void ancestorsAreNearestFirst() {
        assertEquals(List.of(JOINS, SQL), TREE.ancestors(OUTER));
        assertEquals(List.of(), TREE.ancestors(SQL));
    }

    @Test
    void aSubtreeHoldsTheTopicAndAllDescendants() {
        assertEquals(List.of(SQL, WINDOWS, JOINS, OUTER), List.copyOf(TREE.subtree(SQL)));
        assertTrue(TREE.isWithin(OUTER, SQL));
        assertTrue(TREE.isWithin(SQL, SQL));
        assertFalse(TREE.isWithin(SQL, OUTER));
        assertFalse(TREE.isWithin(OUTER, ML));
    }

    @Test
    void topicsMayNotFormACycleAndEveryProblemIsReported() {
        TopicSlug a = new TopicSlug("a");
        TopicSlug b = new TopicSlug("b");
        TopicSlug c = new TopicSlug("c");
        var e = assertThrows(CurriculumViolation.class, () -> new TopicTree(List.of(
                Topic.child(a, "A", b), Topic.child(b, "B", c), Topic.child(c, "C", a),
                Topic.child(SQL, "SQL", SQL), Topic.child(JOINS, "Joins", ML), Topic.root(JOINS, "Again"))));
        assertEquals(List.of(
                "topic joins is defined twice",
                "topic sql is its own parent",
                "topic joins has an unknown parent ml",
                "topics form a cycle: a -> b -> c -> a"), e.problems());
    }

    @Test
    void unknownTopicsAreRefusedByQueries() {
        assertThrows(IllegalArgumentException.class, () -> TREE.children(new TopicSlug("nope")));
    }
}
