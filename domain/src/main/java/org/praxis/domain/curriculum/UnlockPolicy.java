package org.praxis.domain.curriculum;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The lock rule (CU1, seed 000 {@code modules.prerequisite_module_id}): a module is unlocked for a
 * learner exactly when every one of its direct prerequisite modules is among the modules the
 * learner has completed; a module without prerequisites is always unlocked. Only direct
 * prerequisites are checked: their own prerequisites were required to complete them. A problem is
 * locked or unlocked with its module. Completing a module is permanent, so unlocking is too.
 */
public final class UnlockPolicy {
    private static final ModuleAccess UNLOCKED = new ModuleAccess.Unlocked();

    private UnlockPolicy() {
    }

    public static ModuleAccess decide(Set<ModuleSlug> prerequisites, Set<ModuleSlug> completedModules) {
        Objects.requireNonNull(prerequisites, "prerequisites");
        Objects.requireNonNull(completedModules, "completedModules");
        var missing = new TreeSet<ModuleSlug>();
        for (ModuleSlug prerequisite : prerequisites) {
            if (!completedModules.contains(prerequisite)) {
                missing.add(prerequisite);
            }
        }
        return missing.isEmpty() ? UNLOCKED : new ModuleAccess.Locked(missing);
    }

    public static ModuleAccess decide(TrackModule module, Set<ModuleSlug> completedModules) {
        return decide(module.prerequisites(), completedModules);
    }

    public static ModuleAccess decide(PrerequisiteGraph graph, ModuleSlug module, Set<ModuleSlug> completedModules) {
        return decide(graph.prerequisitesOf(module), completedModules);
    }
}
