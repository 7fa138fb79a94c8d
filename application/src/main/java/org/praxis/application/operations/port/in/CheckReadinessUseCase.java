package org.praxis.application.operations.port.in;

import java.util.Map;

/** Whether this instance can serve traffic now. Liveness needs no use case: a running process is live. */
public interface CheckReadinessUseCase {
    Readiness check();

    record Readiness(boolean ready, Map<String, String> checks) {
        public Readiness {
            // sorted by name: the body lists the checks in a stable order
            checks = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(checks));
        }
    }
}
