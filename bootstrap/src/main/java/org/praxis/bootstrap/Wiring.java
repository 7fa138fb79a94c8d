package org.praxis.bootstrap;

import java.util.List;

import javax.sql.DataSource;

import org.praxis.application.operations.ReadinessService;
import org.praxis.http.HttpApi;
import org.praxis.http.json.Json;
import org.praxis.http.operations.OpenApiDocument;
import org.praxis.http.operations.OperationsRoutes;
import org.praxis.persistence.operations.JdbcDatabaseProbe;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Plain {@code new}: adapters into ports into services into routes. The only class that sees everything. */
public final class Wiring {
    private Wiring() {
    }

    public static HttpApi httpApi(DataSource dataSource, PrometheusMeterRegistry registry) {
        var json = new Json();
        var readiness = new ReadinessService(new JdbcDatabaseProbe(dataSource));
        return HttpApi.create(List.of(
                new OperationsRoutes(readiness, registry, OpenApiDocument.load(), json)),
                registry, json);
    }
}
