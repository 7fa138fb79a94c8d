package org.praxis.domain.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.praxis.domain.curriculum.CurriculumFixtures.m;
import static org.praxis.domain.curriculum.CurriculumFixtures.p;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackTest {
    static Lesson lesson(String slug, String... problems) {
        return new Lesson(new LessonSlug(slug), slug, List.of(problems).stream().map(CurriculumFixtures::p).toList());
    }

    static final TrackModule BASICS = new TrackModule(m("basics"), "Basics", Set.of(),
            List.of(lesson("select", "select-all", "select-columns"), lesson("filter", "where")));
    static final TrackModule JOINS = new TrackModule(m("joins"), "Joins", Set.of(m("basics")),
            List.of(lesson("inner", "inner-join"), lesson("outer", "left-join", "full-join")));
    static final Track SQL = new Track(new TrackSlug("sql"), "SQL", List.of(BASICS, JOINS));

    @Test
    void problemsFollowModuleThenLessonThenListOrder() {
        assertEquals(List.of(p("select-all"), p("select-columns"), p("where"), p("inner-join"), p("left-join"), p("full-join")),
                SQL.problems());
        assertEquals(List.of(p("inner-join"), p("left-join"), p("full-join")), JOINS.problems());
    }

    @Test
    void nextCrossesLessonAndModuleBoundaries() {
        assertEquals(Optional.of(p("where")), SQL.next(p("select-columns")));
        assertEquals(Optional.of(p("inner-join")), SQL.next(p("where")));
        assertEquals(Optional.empty(), SQL.next(p("full-join")));
        assertEquals(Optional.empty(), SQL.next(p("unknown")));
    }

    @Test
    void aProblemIsFoundInItsModule() {
        assertEquals(Optional.of(JOINS), SQL.moduleOf(p("left-join")));
        assertEquals(Optional.of(BASICS), SQL.module(m("basics")));
    }

    @Test
    void aProblemAppearsOnceInATrack() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Track(new TrackSlug("sql"), "SQL", List.of(BASICS,
                new TrackModule(m("more"), "More", Set.of(), List.of(lesson("again", "where"))))));
        assertEquals("track sql has problem where in modules basics and more", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> lesson("twice", "a", "a"));
        assertThrows(IllegalArgumentException.class, () -> new TrackModule(m("x"), "X", Set.of(),
                List.of(lesson("l1", "a"), lesson("l2", "a"))));
    }

    @Test
    void modulesAndLessonsAreUniqueInATrack() {
        assertThrows(IllegalArgumentException.class, () -> new Track(new TrackSlug("sql"), "SQL", List.of(BASICS, BASICS)));
        assertThrows(IllegalArgumentException.class, () -> new Track(new TrackSlug("sql"), "SQL", List.of(BASICS,
                new TrackModule(m("other"), "Other", Set.of(), List.of(lesson("select", "x"))))));
    }
}
