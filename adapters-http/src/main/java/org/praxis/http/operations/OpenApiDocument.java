package org.praxis.http.operations;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The OpenAPI 3.1 document, written by hand in {@code openapi/praxis.yaml} (reviewable, diffable) and
 * served as JSON. A test compares its operations with the registered routes so neither can drift.
 */
public final class OpenApiDocument {
    private static final String RESOURCE = "/openapi/praxis.yaml";

    private final JsonNode document;
    private final String json;

    private OpenApiDocument(JsonNode document) throws IOException {
        this.document = document;
        this.json = new ObjectMapper().writeValueAsString(document);
    }

    public static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new OpenApiDocument(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    public String json() {
        return json;
    }

    public JsonNode tree() {
        return document.deepCopy();
    }

    /** Every documented operation as "GET /v1/problems/{slug}". */
    public Set<String> operations() {
        var operations = new LinkedHashSet<String>();
        Iterator<String> paths = document.path("paths").fieldNames();
        while (paths.hasNext()) {
            String path = paths.next();
            Iterator<String> methods = document.path("paths").path(path).fieldNames();
            while (methods.hasNext()) {
                String method = methods.next();
                if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        return operations;
    }
}
