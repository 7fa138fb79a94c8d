package org.praxis.bootstrap.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The service's own view of a phase: its access lines (one JSON line per request, with the time its
 * handler took, {@code millis}) written between two offsets of its log. Set beside the bench's view
 * (request sent to answer read), it tells the time a request spent being handled from the time it
 * waited around that: for a core, in the kernel's queues, in the client.
 */
final class AccessLog {
    private static final Pattern LINE = Pattern.compile(
            "^\\{\"requestId\":\"[^\"]*\",\"method\":\"(\\w+)\",\"path\":\"([^\"]*)\",\"route\":\"[^\"]*\",\"status\":(\\d+),\"millis\":([0-9.]+),\"bytesIn\"");

    private final Path file;

    AccessLog(Path file) {
        this.file = file;
    }

    /** Where the log ends now. */
    long end() {
        return file.toFile().length();
    }

    /**
     * The handler times of the GET requests logged from {@code from} to {@code to}, by path. A line still
     * being written at {@code to} does not match (the pattern runs to the field after the time).
     */
    Map<String, Latencies> handlerTimes(long from, long to) throws IOException {
        var byPath = new TreeMap<String, Latencies>();
        try (var in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(from);
            byte[] bytes = new byte[(int) Math.max(0, to - from)];
            in.readFully(bytes);
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                var m = LINE.matcher(line);
                if (m.find() && m.group(1).equals("GET") && m.group(3).startsWith("2")) {
                    byPath.computeIfAbsent(m.group(2), k -> new Latencies()).add((long) (Double.parseDouble(m.group(4)) * 1_000_000));
                }
            }
        }
        return byPath;
    }
}
