package org.praxis.domain.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.domain.curriculum.CurriculumFixtures.m;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class UnlockPolicyTest {

    @Test
    void aModuleWithoutPrerequisitesIsUnlocked() {
        assertTrue(UnlockPolicy.decide(Set.of(), Set.of()).isUnlocked());
    }

    @Test
    void aModuleIsUnlockedWhenAllPrerequisitesAreCompleted() {
        assertEquals(new ModuleAccess.Unlocked(), UnlockPolicy.decide(Set.of(m("a"), m("b")), Set.of(m("a"), m("b"), m("z"))));
    }

    @Test
    void aModuleIsLockedUntilEveryPrerequisiteIsCompletedAndNamesTheMissingOnes() {
        ModuleAccess access = UnlockPolicy.decide(Set.of(m("c"), m("a"), m("b")), Set.of(m("b")));
        assertFalse(access.isUnlocked());
        assertEquals(new ModuleAccess.Locked(new TreeSet<>(Set.of(m("a"), m("c")))), access);
        assertEquals(List.of(m("a"), m("c")), List.copyOf(((ModuleAccess.Locked) access).missing()));
    }

    @Test
    void onlyDirectPrerequisitesAreChecked() {
        var graph = PrerequisiteGraph.of(java.util.Map.of(m("a"), Set.of(), m("b"), Set.of(m("a")), m("c"), Set.of(m("b"))));
        assertTrue(UnlockPolicy.decide(graph, m("c"), Set.of(m("b"))).isUnlocked());
        assertFalse(UnlockPolicy.decide(graph, m("b"), Set.of()).isUnlocked());
    }
}
