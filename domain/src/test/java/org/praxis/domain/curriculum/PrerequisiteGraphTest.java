package org.praxis.domain.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.domain.curriculum.CurriculumFixtures.m;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PrerequisiteGraphTest {

    @Test
    void aChainIsValid() {
        var graph = PrerequisiteGraph.of(Map.of(m("a"), Set.of(), m("b"), Set.of(m("a")), m("c"), Set.of(m("a"), m("b"))));
        assertTrue(graph.isValid());
        assertEquals(Set.of(m("a"), m("b")), graph.prerequisitesOf(m("c")));
        assertEquals(Set.of(), graph.prerequisitesOf(m("unknown")));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var graph = PrerequisiteGraph.of(Map.of(
                m("a"), Set.of(m("b")),
                m("b"), Set.of(m("c")),
                m("c"), Set.of(m("a")),
                m("d"), Set.of(m("d"), m("ghost")),
                m("e"), Set.of(m("f")),
                m("f"), Set.of(m("e"), m("phantom"))));
        assertEquals(List.of(
                new PrerequisiteProblem.UnknownModule(m("d"), m("ghost")),
                new PrerequisiteProblem.UnknownModule(m("f"), m("phantom")),
                new PrerequisiteProblem.SelfReference(m("d")),
                new PrerequisiteProblem.Cycle(List.of(m("a"), m("b"), m("c"))),
                new PrerequisiteProblem.Cycle(List.of(m("e"), m("f")))), graph.problems());
    }

    @Test
    void problemsDescribeThemselvesForAuthors() {
        assertEquals("module d requires unknown module ghost", new PrerequisiteProblem.UnknownModule(m("d"), m("ghost")).describe());
        assertEquals("module d requires itself", new PrerequisiteProblem.SelfReference(m("d")).describe());
        assertEquals("modules require each other in a cycle: a -> b -> c -> a",
                new PrerequisiteProblem.Cycle(List.of(m("a"), m("b"), m("c"))).describe());
    }

    @Test
    void aCycleIsReportedOnceWithItsShortestLoopThroughTheFirstModule() {
        // a -> b -> c -> a and a -> c -> a share one component; the shortest loop through a is a, c.
        var graph = PrerequisiteGraph.of(Map.of(m("a"), Set.of(m("b"), m("c")), m("b"), Set.of(m("c")), m("c"), Set.of(m("a"))));
        assertEquals(List.of(new PrerequisiteProblem.Cycle(List.of(m("a"), m("c")))), graph.problems());
    }

    @Test
    void aLongChainDoesNotOverflowTheStack() {
        var map = new java.util.HashMap<ModuleSlug, Set<ModuleSlug>>();
        IntStream.range(0, 20_000).forEach(i -> map.put(m("m" + i), i == 0 ? Set.of(m("m19999")) : Set.of(m("m" + (i - 1)))));
        var problems = PrerequisiteGraph.of(map).problems();
        assertEquals(1, problems.size());
        assertEquals(20_000, ((PrerequisiteProblem.Cycle) problems.get(0)).modules().size());
    }
}
