package org.praxis.http;

/** Every route path the service serves, in one place so the OpenAPI document can be checked against it. */
public final class Paths {
    private Paths() {
    }

    public static final String HEALTH_LIVE = "/health/live";
    public static final String HEALTH_READY = "/health/ready";
    public static final String METRICS = "/metrics";
    public static final String OPENAPI = "/openapi.json";
}
