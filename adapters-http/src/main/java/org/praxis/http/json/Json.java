package org.praxis.http.json;

import java.util.ArrayList;
import java.util.List;

import org.praxis.http.problem.ApiProblem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.javalin.http.Context;

/**
 * The service's JSON: strict on the way in (unknown fields, wrong types and "5" for a number are
 * rejected with the field named, never guessed), ISO-8601 instants on the way out.
 */
public final class Json {
    private final ObjectMapper mapper;

    public Json() {
        var strict = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        strict.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxNumberLength(100).maxStringLength(1_000_000).build());
        for (var type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean, LogicalType.Textual)) {
            strict.coercionConfigFor(type).setCoercion(CoercionInputShape.String, type == LogicalType.Textual
                    ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        this.mapper = strict;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads the body as {@code type}; a body that is not that JSON is a 400 naming the problem. */
    public <T> T read(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiProblem.badRequest("/problems/malformed-json", "Malformed JSON", "The request needs a JSON body.");
        }
        T value;
        try {
            var tree = mapper.readTree(body);
            if (tree == null || tree.isNull() || tree.isMissingNode()) {
                throw ApiProblem.invalidField("(body)", "must be a JSON object");
            }
            if (containsNul(tree)) {
                // PostgreSQL cannot store U+0000 in text: refuse it here rather than fail at the database
                throw ApiProblem.invalidField("(body)", "text may not contain the NUL character (U+0000)");
            }
            value = mapper.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiProblem.invalidField(path(e), "is not a field of this request");
        } catch (InvalidFormatException e) {
            throw ApiProblem.invalidField(path(e), "has the wrong type or format");
        } catch (MismatchedInputException e) {
            throw ApiProblem.invalidField(path(e).isEmpty() ? "(body)" : path(e), "has the wrong type");
        } catch (JsonMappingException e) {
            // a record constructor refused the value: its message names the rule
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw ApiProblem.invalidField(path(e).isEmpty() ? "(body)" : path(e), cause.getMessage());
        } catch (java.io.IOException e) {
            throw ApiProblem.badRequest("/problems/malformed-json", "Malformed JSON",
                    "The request body is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (value == null) {
            throw ApiProblem.invalidField("(body)", "must be a JSON object");
        }
        return value;
    }

    /** Whether any field name or text value holds U+0000. */
    public static boolean containsNul(com.fasterxml.jackson.databind.JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\u0000') >= 0;
        }
        var names = node.fieldNames();
        while (names.hasNext()) {
            if (names.next().indexOf('\u0000') >= 0) {
                return true;
            }
        }
        for (var child : node) {
            if (containsNul(child)) {
                return true;
            }
        }
        return false;
    }

    private static String path(JsonMappingException e) {
        var parts = new ArrayList<String>();
        for (var reference : e.getPath()) {
            parts.add(reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]");
        }
        return String.join(".", parts).replace(".[", "[");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
