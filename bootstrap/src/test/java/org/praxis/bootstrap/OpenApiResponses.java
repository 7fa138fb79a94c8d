package org.praxis.bootstrap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi31;

/**
 * Checks a response against the served OpenAPI 3.1 document: the status must be documented for the
 * operation, the content type must be one it documents for that status, and the body must match that
 * schema (JSON Schema 2020-12, the dialect of OpenAPI 3.1, with {@code $ref}s to the components and
 * {@code format} asserted). Uses networknt's json-schema-validator.
 */
final class OpenApiResponses {
    private static final String BASE = "https://praxis.invalid/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, String> schemaIndex = new HashMap<>();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    OpenApiResponses(JsonNode served) throws Exception {
        document = served;
        // every response schema under a plain key of one extra member, so a location is a simple pointer and
        // each $ref inside still resolves against the document's components
        ObjectNode copy = served.deepCopy();
        ObjectNode index = copy.putObject("x-response-schemas");
        for (Iterator<Map.Entry<String, JsonNode>> paths = served.get("paths").fields(); paths.hasNext();) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                var method = methods.next();
                for (Iterator<Map.Entry<String, JsonNode>> responses = method.getValue().path("responses").fields(); responses.hasNext();) {
                    var response = responses.next();
                    var content = resolve(response.getValue()).path("content");
                    for (Iterator<Map.Entry<String, JsonNode>> media = content.fields(); media.hasNext();) {
                        var type = media.next();
                        if (type.getValue().has("schema")) {
                            String key = "r" + schemaIndex.size();
                            schemaIndex.put(key(method.getKey(), path.getKey(), response.getKey(), type.getKey()), key);
                            index.set(key, type.getValue().get("schema"));
                        }
                    }
                }
            }
        }
        String text = JSON.writeValueAsString(copy);
        factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(OpenApi31.getInstance()).defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(BASE, text))));
    }

    /** Over the document in the jar (the one {@code /openapi.json} serves). */
    static OpenApiResponses fromClasspath() throws Exception {
        try (var yaml = OpenApiResponses.class.getResourceAsStream("/openapi/praxis.yaml")) {
            return new OpenApiResponses(new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml));
        }
    }

    /**
     * The document's path for a request path as the server routes it (a trailing slash ignored): a literal
     * one first, else the template with the fewest parameters; {@code null} when none matches.
     */
    String template(String method, String requestPath) {
        String path = requestPath.split("\\?")[0];
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1); // the server ignores a trailing slash
        }
        String best = null;
        int bestParameters = Integer.MAX_VALUE;
        for (Iterator<String> paths = document.get("paths").fieldNames(); paths.hasNext();) {
            String candidate = paths.next();
            if (document.get("paths").get(candidate).path(method.toLowerCase(Locale.ROOT)).isMissingNode()) {
                continue;
            }
            String regex = java.util.regex.Pattern.quote(candidate).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            int parameters = candidate.split("\\{", -1).length - 1;
            if (path.matches(regex) && parameters < bestParameters) {
                best = candidate;
                bestParameters = parameters;
            }
        }
        return best;
    }

    /** What is wrong with this response for {@code method path} (the path as the document writes it); empty when it matches. */
    List<String> mismatches(String method, String path, int status, Optional<String> contentType, String body) {
        var problems = new ArrayList<String>();
        var operation = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            problems.add(method + " " + path + " is not in the document");
            return problems;
        }
        String statusKey = Integer.toString(status);
        var response = operation.path("responses").path(statusKey);
        if (response.isMissingNode()) {
            statusKey = "default";
            response = operation.path("responses").path(statusKey);
        }
        if (response.isMissingNode()) {
            problems.add(method + " " + path + " " + status + ": status not documented");
            return problems;
        }
        var content = resolve(response).path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (body != null && !body.isEmpty()) {
                problems.add(method + " " + path + " " + status + ": a body where the document has none");
            }
            return problems;
        }
        String type = contentType.map(t -> t.split(";")[0].strip().toLowerCase(Locale.ROOT)).orElse("");
        if (!content.has(type)) {
            var documented = new ArrayList<String>();
            content.fieldNames().forEachRemaining(documented::add);
            problems.add(method + " " + path + " " + status + ": content type '" + type + "' not documented " + documented);
            return problems;
        }
        String key = schemaIndex.get(key(method.toLowerCase(Locale.ROOT), path, statusKey, type));
        if (key == null || !type.contains("json")) {
            return problems;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (Exception e) {
            problems.add(method + " " + path + " " + status + ": body is not JSON: " + e.getMessage());
            return problems;
        }
        var schema = schemas.computeIfAbsent(key, k -> factory.getSchema(SchemaLocation.of(BASE + "#/x-response-schemas/" + k), config));
        for (var message : schema.validate(json)) {
            problems.add(method + " " + path + " " + status + ": " + message.getMessage());
        }
        return problems;
    }

    private JsonNode resolve(JsonNode response) {
        var ref = response.path("$ref");
        if (ref.isTextual() && ref.asText().startsWith("#/")) {
            return document.at(ref.asText().substring(1));
        }
        return response;
    }

    private static String key(String method, String path, String status, String type) {
        return method + " " + path + " " + status + " " + type;
    }
}
