package org.praxis.domain.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.domain.curriculum.CurriculumFixtures.m;
import static org.praxis.domain.curriculum.CurriculumFixtures.p;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CurriculumTest {
    static final TopicTree TOPICS = new TopicTree(List.of(Topic.root(new TopicSlug("sql"), "SQL")));

    @Test
    void prerequisitesMayCrossTracks() {
        Track python = new Track(new TrackSlug("python"), "Python", List.of(
                new TrackModule(m("pandas"), "Pandas", Set.of(m("joins")), List.of(TrackTest.lesson("frames", "merge")))));
        Curriculum curriculum = new Curriculum(List.of(TrackTest.SQL, python), TOPICS);
        assertEquals(new ModuleAccess.Locked(new java.util.TreeSet<>(Set.of(m("joins")))), curriculum.accessTo(p("merge"), Set.of(m("basics"))));
        assertTrue(curriculum.accessTo(p("merge"), Set.of(m("joins"))).isUnlocked());
        assertTrue(curriculum.accessTo(p("select-all"), Set.of()).isUnlocked());
        assertTrue(curriculum.accessTo(p("not-in-any-module"), Set.of()).isUnlocked());
    }

    @Test
    void allCrossTrackProblemsAreReportedTogether() {
        Track broken = new Track(new TrackSlug("broken"), "Broken", List.of(
                new TrackModule(m("basics"), "Dup", Set.of(), List.of()),
                new TrackModule(m("loop-a"), "A", Set.of(m("loop-b")), List.of(TrackTest.lesson("la", "where"))),
                new TrackModule(m("loop-b"), "B", Set.of(m("loop-a"), m("nowhere")), List.of())));
        var e = assertThrows(CurriculumViolation.class, () -> new Curriculum(List.of(TrackTest.SQL, broken), TOPICS));
        assertEquals(List.of(
                "module basics is in tracks sql and broken",
                "problem where is in modules basics and loop-a",
                "module loop-b requires unknown module nowhere",
                "modules require each other in a cycle: loop-a -> loop-b -> loop-a"), e.problems());
    }
}
