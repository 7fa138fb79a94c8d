package org.praxis.application.operations;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import org.praxis.application.operations.port.in.CheckReadinessUseCase;
import org.praxis.application.operations.port.out.DatabaseProbe;

public final class ReadinessService implements CheckReadinessUseCase {
    // A load balancer probes often; a slow answer is as bad as none.
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(2);

    private final DatabaseProbe database;
    private final Map<String, BooleanSupplier> warmups;

    public ReadinessService(DatabaseProbe database) {
        this(database, Map.of());
    }

    /** {@code warmups}: what must be built before serving (e.g. "boards", the global board's rank index), by name. */
    public ReadinessService(DatabaseProbe database, Map<String, BooleanSupplier> warmups) {
        this.database = Objects.requireNonNull(database);
        this.warmups = new TreeMap<>(warmups);
    }

    @Override
    public Readiness check() {
        boolean up = database.answers(PROBE_LIMIT);
        var checks = new TreeMap<String, String>();
        checks.put("database", up ? "up" : "down");
        boolean ready = up;
        for (var warmup : warmups.entrySet()) {
            boolean warm = warmup.getValue().getAsBoolean();
            checks.put(warmup.getKey(), warm ? "ready" : "loading");
            ready &= warm;
        }
        return new Readiness(ready, checks);
    }
}
