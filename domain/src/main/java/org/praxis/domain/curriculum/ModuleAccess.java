package org.praxis.domain.curriculum;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/** Whether a learner may work on a module's problems, as decided by {@link UnlockPolicy}. */
public sealed interface ModuleAccess {

    boolean isUnlocked();

    record Unlocked() implements ModuleAccess {
        @Override
        public boolean isUnlocked() {
            return true;
        }
    }

    /** Locked until every module in {@code missing} (never empty, sorted) is completed. */
    record Locked(SortedSet<ModuleSlug> missing) implements ModuleAccess {
        public Locked {
            missing = Collections.unmodifiableSortedSet(new TreeSet<>(missing));
            if (missing.isEmpty()) {
                throw new IllegalArgumentException("a locked module misses at least one prerequisite");
            }
        }

        @Override
        public boolean isUnlocked() {
            return false;
        }
    }
}
