package org.praxis.http.operations;

import java.util.LinkedHashMap;

import org.praxis.application.operations.port.in.CheckReadinessUseCase;
import org.praxis.http.FeatureRoutes;
import org.praxis.http.Paths;
import org.praxis.http.json.Json;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Health, metrics and the OpenAPI document: what operators and client generators need. */
public final class OperationsRoutes implements FeatureRoutes {
    private final CheckReadinessUseCase readiness;
    private final PrometheusMeterRegistry registry;
    private final OpenApiDocument openApi;
    private final Json json;

    public OperationsRoutes(CheckReadinessUseCase readiness, PrometheusMeterRegistry registry,
            OpenApiDocument openApi, Json json) {
        this.readiness = readiness;
        this.registry = registry;
        this.openApi = openApi;
        this.json = json;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(Paths.HEALTH_LIVE, ctx -> ctx.contentType("application/json").result("{\"status\":\"up\"}"));
        routes.get(Paths.HEALTH_READY, ctx -> {
            var result = readiness.check();
            var body = new LinkedHashMap<String, Object>();
            body.put("status", result.ready() ? "up" : "down");
            body.put("checks", result.checks());
            if (!result.ready()) {
                ctx.header("Retry-After", "5");
            }
            ctx.status(result.ready() ? 200 : 503).contentType("application/json").result(json.write(body));
        });
        routes.get(Paths.METRICS, ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape()));
        routes.get(Paths.OPENAPI, ctx -> ctx.contentType("application/json").result(openApi.json()));
    }
}
