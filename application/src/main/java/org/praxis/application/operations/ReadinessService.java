package org.praxis.application.operations;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.praxis.application.operations.port.in.CheckReadinessUseCase;
import org.praxis.application.operations.port.out.DatabaseProbe;

public final class ReadinessService implements CheckReadinessUseCase {
    // A load balancer probes often; a slow answer is as bad as none.
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(2);

    private final DatabaseProbe database;

    public ReadinessService(DatabaseProbe database) {
        this.database = Objects.requireNonNull(database);
    }

    @Override
    public Readiness check() {
        boolean up = database.answers(PROBE_LIMIT);
        return new Readiness(up, Map.of("database", up ? "up" : "down"));
    }
}
