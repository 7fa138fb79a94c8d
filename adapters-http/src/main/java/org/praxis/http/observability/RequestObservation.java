package org.praxis.http.observability;

import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.praxis.http.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * A request id on every response and log line (the caller's {@code X-Request-Id} when it is sane),
 * one JSON access-log line per request, and a latency histogram by route template and status.
 */
public final class RequestObservation {
    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "praxis.requestId";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Logger ACCESS = LoggerFactory.getLogger("praxis.access");

    private final MeterRegistry registry;
    private final Json json;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    public RequestObservation(MeterRegistry registry, Json json) {
        this.registry = registry;
        this.json = json;
        registry.gauge("http.server.requests.active", inFlight);
    }

    /** Requests begun and not yet answered: graceful shutdown waits for this to reach zero. */
    public int inFlight() {
        return inFlight.get();
    }

    public static String requestId(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "" : id;
    }

    public void install(JavalinConfig config) {
        config.routes.before(ctx -> {
            inFlight.incrementAndGet();
            String offered = ctx.header(HEADER);
            String id = offered != null && SANE_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
            ctx.attribute(ATTRIBUTE, id);
            ctx.header(HEADER, id);
            MDC.put("requestId", id);
        });
        config.requestLogger.http((ctx, millis) -> {
            try {
                String route = route(ctx);
                Timer.builder("http.server.requests")
                        .description("HTTP requests by route template and status")
                        .tag("method", ctx.method().name())
                        .tag("route", route)
                        .tag("status", Integer.toString(ctx.statusCode()))
                        .publishPercentileHistogram()
                        .register(registry)
                        .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
                var line = new LinkedHashMap<String, Object>();
                line.put("requestId", requestId(ctx));
                line.put("method", ctx.method().name());
                line.put("path", ctx.path());
                line.put("route", route);
                line.put("status", ctx.statusCode());
                line.put("millis", Math.round(millis * 100) / 100.0);
                line.put("bytesIn", Math.max(0, ctx.req().getContentLengthLong()));
                ACCESS.info(json.write(line));
            } finally {
                if (ctx.attribute(ATTRIBUTE) != null) {
                    inFlight.decrementAndGet();
                }
                MDC.remove("requestId");
            }
        });
    }

    // The template, not the raw path: /v1/problems/{slug}, so metrics do not explode per slug.
    private static String route(Context ctx) {
        try {
            var endpoint = ctx.endpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
