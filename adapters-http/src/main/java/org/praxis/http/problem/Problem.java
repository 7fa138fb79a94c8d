package org.praxis.http.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code type} is a relative URI naming the kind of problem (documented in
 * docs/api.md); {@code errors} lists offending fields for validation problems.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
        List<FieldProblem> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public record FieldProblem(String field, String message) {
    }

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }
}
