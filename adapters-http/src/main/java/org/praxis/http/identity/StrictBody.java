package org.praxis.http.identity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.praxis.http.json.Json;
import org.praxis.http.problem.ApiProblem;
import org.praxis.http.problem.Problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Context;

/**
 * A JSON object body read field by field, so that one answer lists every field that is unknown or of the
 * wrong type (Jackson alone stops at the first). Presence is kept apart from null, for PATCH.
 */
final class StrictBody {
    private final ObjectNode body;
    private final List<Problem.FieldProblem> errors = new ArrayList<>();

    private StrictBody(ObjectNode body) {
        this.body = body;
    }

    static StrictBody read(Context ctx, Json json, Set<String> allowed) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw ApiProblem.badRequest("/problems/malformed-json", "Malformed JSON", "The request needs a JSON body.");
        }
        JsonNode node;
        try {
            node = json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw ApiProblem.badRequest("/problems/malformed-json", "Malformed JSON", "The request body is not valid JSON.");
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiProblem.invalidField("(body)", "must be a JSON object");
        }
        var strict = new StrictBody(object);
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                strict.errors.add(new Problem.FieldProblem(name, "is not a field of this request"));
            }
        }
        return strict;
    }

    boolean has(String field) {
        return body.has(field);
    }

    /** The text of a field: null when absent or null; a wrong type is noted. */
    String text(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new Problem.FieldProblem(field, "must be a string"));
            return null;
        }
        return value.textValue();
    }

    Boolean bool(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            errors.add(new Problem.FieldProblem(field, "must be true or false"));
            return null;
        }
        return value.booleanValue();
    }

    void invalid(String field, String message) {
        errors.add(new Problem.FieldProblem(field, message));
    }

    /** Ends reading: any unknown or mistyped field is one 400 listing them all. */
    void done() {
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields are invalid";
            throw new ApiProblem(400, "/problems/validation", "The request is not valid", detail, errors, Map.of());
        }
    }
}
