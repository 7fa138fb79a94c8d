package org.praxis.http;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.praxis.http.json.Json;
import org.praxis.http.observability.RequestObservation;
import org.praxis.http.problem.ProblemResponses;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The Javalin application: every feature's routes, one problem+json mapper, request ids, access log
 * and metrics. {@link #routes()} lists what was registered, for the OpenAPI drift check.
 */
public final class HttpApi {
    /** Bodies above this are refused with 413 before they are read into memory. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    /** The chunk in which Javalin copies an answer into the response; see {@link #create}. */
    static final int RESPONSE_COPY_BYTES = 4096;
    /** An oversized body up to this size is read and discarded before the 413, so that the client receives it (larger ones: the connection is closed). */
    static final long DRAINED_BODY_BYTES = 16 * MAX_BODY_BYTES;

    /** How long a stop waits for requests in flight before it closes their connections anyway. */
    public static final java.time.Duration DRAIN_LIMIT = java.time.Duration.ofSeconds(10);

    /** A connection (or a request's body) that sends nothing for this long is closed. */
    public static final java.time.Duration IDLE_TIMEOUT = java.time.Duration.ofSeconds(30);

    private final Javalin app;
    private final Set<String> routes;
    private final RequestObservation observation;
    private final List<AutoCloseable> resources = new java.util.concurrent.CopyOnWriteArrayList<>();

    private HttpApi(Javalin app, Set<String> routes, RequestObservation observation) {
        this.app = app;
        this.routes = routes;
        this.observation = observation;
    }

    public static HttpApi create(List<FeatureRoutes> features, MeterRegistry registry, Json json) {
        var registered = Collections.synchronizedSet(new LinkedHashSet<String>());
        var observation = new RequestObservation(registry, json);
        var problems = new ProblemResponses(json);
        var app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.http.defaultContentType = "application/json";
            // Javalin copies each answer into the response through a buffer of this size, made anew per
            // response; left unset it is Jetty's 32 KiB output buffer, a quarter of the service's allocation
            // under the board's reads (docs/performance.md, "Allocation"). At least the compression threshold
            // (1,500 bytes) so the first write still decides compression by the whole answer's size.
            config.http.responseBufferSize = RESPONSE_COPY_BYTES;
            config.router.ignoreTrailingSlashes = true;
            config.jsonMapper(new JavalinJackson(json.mapper(), false));
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(10_000);
                // what Jetty refuses before routing (bad percent-encoding, oversized headers) is problem+json too
                server.setErrorHandler(new org.praxis.http.problem.JettyProblems(json));
            });
            config.events.handlerAdded(info -> {
                if (info.getHttpMethod() != HandlerType.BEFORE && info.getHttpMethod() != HandlerType.AFTER
                        && info.getHttpMethod() != HandlerType.BEFORE_MATCHED && info.getHttpMethod() != HandlerType.AFTER_MATCHED) {
                    registered.add(info.getHttpMethod().name() + " " + info.getPath());
                }
            });
            observation.install(config);
            problems.register(config.routes);
            // refuse an announced oversized body on every route, also on those that never read one. The
            // body is read and thrown away first (not kept: memory stays flat) up to DRAINED_BODY_BYTES:
            // answered while the client still sends, the connection is closed with unread bytes, the
            // client's socket is reset and the 413 it was sent is lost (about one request in twenty here)
            config.routes.before(ctx -> {
                long length = ctx.contentLength();
                if (length > MAX_BODY_BYTES) {
                    if (length <= DRAINED_BODY_BYTES) {
                        ctx.req().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                    }
                    throw new io.javalin.http.HttpResponseException(413, "body too large");
                }
            });
            for (var feature : features) {
                feature.register(config.routes);
            }
        });
        return new HttpApi(app, registered, observation);
    }

    /**
     * Starts serving on {@code port} (0: any free one). When it cannot (the port is taken, say), the
     * resources handed to {@link #closing} are closed before the failure is thrown: they were started with
     * the routes and would otherwise run on with no one to stop them.
     */
    public HttpApi start(int port) {
        try {
            app.start(port);
        } catch (RuntimeException e) {
            try {
                stop();
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        return idleTimeout(IDLE_TIMEOUT);
    }

    /** Closes connections idle for longer than {@code limit} (set on every connector; tests shorten it). */
    public HttpApi idleTimeout(java.time.Duration limit) {
        for (var connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof org.eclipse.jetty.server.AbstractConnector c) {
                c.setIdleTimeout(limit.toMillis());
            }
        }
        return this;
    }

    public int port() {
        return app.port();
    }

    /** Closes {@code resource} (a background listener, say) when the API stops, after the requests in flight. */
    public HttpApi closing(AutoCloseable resource) {
        resources.add(resource);
        return this;
    }

    /** Stops taking connections, lets requests in flight finish (up to the stop timeout), closes its resources, then returns. */
    public void stop() {
        try {
            drain();
            app.stop();
        } finally {
            closeResources();
        }
    }

    private void closeResources() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(HttpApi.class).warn("closing {} failed: {}", resource, e.getMessage());
            }
        }
    }

    // Jetty 12 does not wait for requests by itself: stop accepting first, then let those in flight end.
    private void drain() {
        if (!app.jettyServer().started()) {
            return;
        }
        for (var connector : app.jettyServer().server().getConnectors()) {
            connector.shutdown();
        }
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (observation.inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Requests being answered right now. */
    public int inFlight() {
        return observation.inFlight();
    }

    public Set<String> routes() {
        return Set.copyOf(routes);
    }
}
