package org.praxis.bootstrap.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The service's own view of a phase: its access lines (one JSON object per request, with the time its
 * handler took, {@code millis}: RequestObservation) written between two offsets of its log. Set beside
 * the bench's view (request sent to answer read), it tells the time a request spent being handled from
 * the time it waited around that: for a core, in the kernel's queues, in the client.
 */
final class AccessLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    AccessLog(Path file) {
        this.file = file;
    }

    /** Where the log ends now. */
    long end() {
        return file.toFile().length();
    }

    /**
     * The handler times of the 2xx GET requests logged from {@code from} to {@code to}, by path. Other log
     * lines, and a line still being written at {@code to}, are not JSON objects with those fields: skipped.
     */
    Map<String, Latencies> handlerTimes(long from, long to) throws IOException {
        var byPath = new TreeMap<String, Latencies>();
        try (var in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(from);
            byte[] bytes = new byte[(int) Math.max(0, to - from)];
            in.readFully(bytes);
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                var access = access(line);
                if (access != null && access.path("method").asText().equals("GET") && access.path("status").asInt() / 100 == 2) {
                    byPath.computeIfAbsent(access.path("path").asText(), k -> new Latencies())
                            .add((long) (access.path("millis").asDouble() * 1_000_000));
                }
            }
        }
        return byPath;
    }

    private static JsonNode access(String line) {
        if (!line.startsWith("{")) {
            return null;
        }
        try {
            var node = JSON.readTree(line);
            return node.isObject() && node.has("millis") && node.has("path") ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
