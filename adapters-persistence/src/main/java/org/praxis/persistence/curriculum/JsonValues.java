package org.praxis.persistence.curriculum;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jooq.JSONB;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The plain documents of the application (maps, lists, strings, numbers) to and from jsonb. */
final class JsonValues {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private JsonValues() {
    }

    static JSONB jsonb(Object document) {
        return JSONB.valueOf(text(document));
    }

    static String text(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a document as JSON", e);
        }
    }

    static Map<String, Object> map(JSONB jsonb) {
        try {
            return MAPPER.readValue(jsonb.data(), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not an object", e);
        }
    }

    static List<Object> list(JSONB jsonb) {
        try {
            return MAPPER.readValue(jsonb.data(), new TypeReference<List<Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not an array", e);
        }
    }

    /** SHA-256 of the document's JSON, in hex: equal documents, equal fingerprints. */
    static String fingerprint(Object document) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text(document).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
