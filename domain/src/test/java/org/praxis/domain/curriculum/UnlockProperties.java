package org.praxis.domain.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class UnlockProperties {

    @Provide
    Arbitrary<Set<ModuleSlug>> modules() {
        return Arbitraries.of("a", "b", "c", "d", "e", "f", "g").map(ModuleSlug::new).set().ofMaxSize(7);
    }

    @Property
    void aModuleIsUnlockedIffAllPrerequisitesAreCompleted(@ForAll("modules") Set<ModuleSlug> prerequisites,
                                                         @ForAll("modules") Set<ModuleSlug> completed) {
        ModuleAccess access = UnlockPolicy.decide(prerequisites, completed);
        assertEquals(completed.containsAll(prerequisites), access.isUnlocked());
        if (access instanceof ModuleAccess.Locked locked) {
            var missing = new TreeSet<>(prerequisites);
            missing.removeAll(completed);
            assertEquals(missing, locked.missing());
        }
    }

    @Property
    void completingMoreModulesNeverLocksAModule(@ForAll("modules") Set<ModuleSlug> prerequisites,
                                                @ForAll("modules") Set<ModuleSlug> completed,
                                                @ForAll("modules") Set<ModuleSlug> more) {
        var larger = new TreeSet<>(completed);
        larger.addAll(more);
        if (UnlockPolicy.decide(prerequisites, completed).isUnlocked()) {
            assertEquals(true, UnlockPolicy.decide(prerequisites, larger).isUnlocked());
        }
    }
}
