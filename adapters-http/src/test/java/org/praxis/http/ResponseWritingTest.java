package org.praxis.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.praxis.http.json.Json;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Answers are copied into the response in chunks of {@link HttpApi#RESPONSE_COPY_BYTES} (not Jetty's
 * 32 KiB per response): every size arrives whole, with its length, and compressed exactly when the whole
 * answer reaches the compression threshold (1,500 bytes), as with one write.
 */
class ResponseWritingTest {
    private static HttpApi http;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        FeatureRoutes sized = routes -> routes.get("/sized/{bytes}", ctx ->
                ctx.contentType("application/json").result(answer(Integer.parseInt(ctx.pathParam("bytes")))));
        http = HttpApi.create(List.of(sized), new SimpleMeterRegistry(), new Json()).start(0);
    }

    @AfterAll
    static void stop() {
        http.stop();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1_499, 1_500, HttpApi.RESPONSE_COPY_BYTES - 1, HttpApi.RESPONSE_COPY_BYTES,
            HttpApi.RESPONSE_COPY_BYTES + 1, 3 * HttpApi.RESPONSE_COPY_BYTES + 7, 31_000, 200_000})
    void everyAnswerArrivesWholeAndIsCompressedExactlyFromTheThreshold(int bytes) throws Exception {
        var plain = get(bytes, false);
        assertEquals(200, plain.statusCode());
        assertEquals(answer(bytes), new String(plain.body(), StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), plain.headers().firstValue("Content-Encoding"));
        if (bytes <= 31_000) {
            // fits Jetty's output buffer: sent with its length, not in chunks
            assertEquals(Optional.of(String.valueOf(bytes)), plain.headers().firstValue("Content-Length"));
        }

        var zipped = get(bytes, true);
        boolean compressed = bytes >= 1_500;
        assertEquals(compressed ? Optional.of("gzip") : Optional.empty(), zipped.headers().firstValue("Content-Encoding"));
        byte[] body = compressed ? new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes() : zipped.body();
        assertEquals(answer(bytes), new String(body, StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> get(int bytes, boolean gzip) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + http.port() + "/sized/" + bytes));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A JSON string of exactly {@code bytes} bytes (from 2 on), with text that differs along its length. */
    private static String answer(int bytes) {
        if (bytes < 2) {
            return "1".repeat(bytes);
        }
        var text = new StringBuilder(bytes).append('"');
        for (int i = 0; text.length() < bytes - 1; i++) {
            text.append((char) ('a' + i % 26));
        }
        return text.append('"').toString();
    }
}
