package org.praxis.http;

import io.javalin.router.JavalinDefaultRoutingApi;

/** One implementation per feature: registers that feature's handlers, holding only its in-ports. */
public interface FeatureRoutes {
    void register(JavalinDefaultRoutingApi routes);
}
