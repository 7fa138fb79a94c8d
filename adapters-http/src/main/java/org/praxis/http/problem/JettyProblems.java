package org.praxis.http.problem;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.praxis.http.json.Json;

/**
 * Errors Jetty answers itself, before a request reaches Javalin (a path with bad percent-encoding or
 * UTF-8, an illegal header, a request line or headers too long): problem+json like every other error,
 * instead of Jetty's HTML page.
 */
public final class JettyProblems extends ErrorHandler {
    private final Json json;

    public JettyProblems(Json json) {
        this.json = json;
    }

    // Jetty writes error bodies only for GET, POST and HEAD by default; every method gets one here.
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String requestId = UUID.randomUUID().toString();
        var problem = new Problem(ProblemResponses.typeOf(code), ProblemResponses.titleOf(code), code,
                "The request could not be read: " + (message == null ? "it is not valid HTTP" : message) + ".",
                request.getHttpURI().getPath() == null ? "" : request.getHttpURI().getPath(), requestId, List.of());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put("X-Request-Id", requestId);
        response.write(true, ByteBuffer.wrap(json.write(problem).getBytes(java.nio.charset.StandardCharsets.UTF_8)), callback);
    }
}
