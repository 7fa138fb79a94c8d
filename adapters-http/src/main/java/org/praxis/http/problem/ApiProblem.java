package org.praxis.http.problem;

import java.util.List;
import java.util.Map;

/**
 * An HTTP-level failure raised inside the adapter (unparseable body, bad header, unknown query value),
 * carried to the one exception mapper. Business failures use the application's exceptions instead.
 */
public final class ApiProblem extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldProblem> errors;
    private final Map<String, String> headers;

    public ApiProblem(int status, String type, String title, String detail, List<Problem.FieldProblem> errors,
            Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ApiProblem badRequest(String type, String title, String detail) {
        return new ApiProblem(400, type, title, detail, List.of(), Map.of());
    }

    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(400, "/problems/validation", "The request is not valid", field + ": " + message,
                List.of(new Problem.FieldProblem(field, message)), Map.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldProblem> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
