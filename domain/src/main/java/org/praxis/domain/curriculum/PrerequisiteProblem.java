package org.praxis.domain.curriculum;

import java.util.List;
import java.util.Objects;

/** One thing wrong with module prerequisites, as found by {@link PrerequisiteGraph#problems()}. */
public sealed interface PrerequisiteProblem {

    String describe();

    /** {@code module} requires a module that does not exist. */
    record UnknownModule(ModuleSlug module, ModuleSlug prerequisite) implements PrerequisiteProblem {
        public UnknownModule {
            Objects.requireNonNull(module, "module");
            Objects.requireNonNull(prerequisite, "prerequisite");
        }

        @Override
        public String describe() {
            return "module " + module + " requires unknown module " + prerequisite;
        }
    }

    /** {@code module} requires itself, so it could never be unlocked. */
    record SelfReference(ModuleSlug module) implements PrerequisiteProblem {
        public SelfReference {
            Objects.requireNonNull(module, "module");
        }

        @Override
        public String describe() {
            return "module " + module + " requires itself";
        }
    }

    /**
     * Modules that require each other in a circle, so none of them could ever be unlocked.
     * {@code modules} lists the circle from its alphabetically first module: each requires the next,
     * and the last requires the first.
     */
    record Cycle(List<ModuleSlug> modules) implements PrerequisiteProblem {
        public Cycle {
            modules = List.copyOf(modules);
            if (modules.size() < 2) {
                throw new IllegalArgumentException("a cycle has at least two modules; one module requiring itself is a SelfReference");
            }
        }

        @Override
        public String describe() {
            var names = new StringBuilder();
            modules.forEach(module -> names.append(module).append(" -> "));
            return "modules require each other in a cycle: " + names + modules.get(0);
        }
    }
}
