package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.praxis.domain.identity.Role;
import org.praxis.persistence.testing.TestDatabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile requests generated from the served OpenAPI document, sent to the whole service on PostgreSQL:
 * every documented operation with hostile path and query values (path traversal, bad percent-encoding,
 * huge and overflowing numbers, unknown enum values, another learner's ids) and bodies built from the
 * operation's schema with wrong types, missing and extra fields, plus deep JSON, huge strings, bad UTF-8
 * and non-JSON. Every answer must be below 500; every error a problem+json whose {@code status} is the
 * HTTP status; and a refused request must leave the database's fingerprint unchanged.
 */
class HostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, Long> nanosByOperation = new java.util.concurrent.ConcurrentHashMap<>();

    private static HikariDataSource db;
    private static IdentityFixture app;
    private static JsonNode document;
    private static List<Operation> operations;
    private static final Map<Caller, String> tokens = new LinkedHashMap<>();
    private static final List<String> hostileIds = new ArrayList<>();
    private static final AtomicInteger sent = new AtomicInteger();
    private static final AtomicInteger staleRetries = new AtomicInteger();
    private static final Map<Integer, Integer> statuses = new TreeMap<>();
    private static Fingerprint fingerprint;
    private static OpenApiResponses responses;
    private static final java.util.Set<String> schemaMismatches = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final AtomicInteger mismatchedResponses = new AtomicInteger();

    enum Caller { ANONYMOUS, GARBAGE_TOKEN, LEARNER, OTHER_LEARNER, AUTHOR, ADMIN }

    record Operation(String method, String path, JsonNode spec) {
        String name() {
            return method + " " + path;
        }
    }

    record Hostile(Operation operation, Caller caller, String uri, String contentType, byte[] body, String description) {
        @Override
        public String toString() {
            return operation.name() + " as " + caller + ": " + description;
        }
    }

    @BeforeContainer
    static void start() throws Exception {
        db = TestDatabase.shared().freshDatabase();
        app = new IdentityFixture(db);
        LearningFixture.syncContent(db, app, "/learning-content");
        var ada = app.register(app.uniqueName("ada"));
        var bob = app.register(app.uniqueName("bob"));
        tokens.put(Caller.LEARNER, ada.token());
        tokens.put(Caller.OTHER_LEARNER, bob.token());
        tokens.put(Caller.AUTHOR, app.registerWithRole(app.uniqueName("author"), Role.AUTHOR).token());
        tokens.put(Caller.ADMIN, app.registerWithRole(app.uniqueName("admin"), Role.ADMIN).token());
        tokens.put(Caller.GARBAGE_TOKEN, "x".repeat(43));
        var submitted = app.call("POST", "/v1/problems/one-plus-one/submissions", ada.token(), Map.of("answer", "2"));
        assertEquals(201, submitted.statusCode());
        // other learners' ids and names, so that a request can aim at someone else's things
        hostileIds.add(IdentityFixture.json(submitted).get("id").asText());
        hostileIds.add(ada.username());
        hostileIds.add(bob.id());
        var served = CLIENT.send(HttpRequest.newBuilder(URI.create(base() + "/openapi.json")).build(), HttpResponse.BodyHandlers.ofString());
        document = JSON.readTree(served.body());
        responses = new OpenApiResponses(document);
        operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                var method = methods.next();
                operations.add(new Operation(method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), method.getValue()));
            }
        }
        fingerprint = Fingerprint.of(db);
    }

    @AfterContainer
    static void stop() {
        // the numbers docs/reliability.md records
        System.out.println("hostile input: " + sent.get() + " requests over " + operations.size() + " operations (" + nanosByOperation.size()
                + " exercised); statuses " + statuses
                + "; resent after a closed connection: " + staleRetries.get() + "; responses not matching the document: "
                + mismatchedResponses.get());
        schemaMismatches.stream().sorted().limit(200).forEach(m -> System.out.println("  mismatch: " + m));
        nanosByOperation.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .forEach(e -> System.out.println("  " + e.getKey() + " " + e.getValue() / 1_000_000 + " ms"));
        app.close();
        db.close();
    }

    // tries: jqwik.tries.default in junit-platform.properties (2000); a long run: -Djqwik.tries.default=20000
    @Property(shrinking = ShrinkingMode.OFF, seed = "20261122")
    void hostileInputNeverFailsTheServerNorChangesStateWhenRefused(@ForAll("hostile") Hostile request) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(base() + request.uri())).timeout(Duration.ofSeconds(20))
                .header("X-Forwarded-For", app.newAddress());
        if (request.caller() != Caller.ANONYMOUS) {
            builder.header("Authorization", "Bearer " + tokens.get(request.caller()));
        }
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        builder.method(request.operation().method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        HttpResponse<String> response;
        boolean oversized = request.body() != null && request.body().length > org.praxis.http.HttpApi.MAX_BODY_BYTES;
        long started = System.nanoTime();
        try {
            // an oversized body gets its own connection: the server answers 413 and closes it
            response = (oversized ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build() : CLIENT)
                    .send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException stale) {
            // a kept-alive connection the server closed after refusing a body it did not read: a client
            // sends again on a new connection, once
            staleRetries.incrementAndGet();
            response = resend(builder, request, oversized);
            if (response == null) {
                return;
            }
        } finally {
            nanosByOperation.merge(request.operation().name(), System.nanoTime() - started, Long::sum);
        }
        check(request, response);
    }

    private static HttpResponse<String> resend(HttpRequest.Builder builder, Hostile request, boolean oversized) throws Exception {
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            // A large body the route never reads (a DELETE, say) may be answered and the connection closed
            // while the client is still sending it, as it may for one over the limit; small ones never are.
            boolean large = request.body() != null && request.body().length > 16 * 1024;
            if (!oversized && !large) {
                throw new AssertionError(request + " -> the connection failed: " + e, e);
            }
            // the server refused and closed while the client was still sending: allowed, but nothing may change
            sent.incrementAndGet();
            assertEquals(fingerprint, Fingerprint.of(db), request + " was cut off but changed the database");
            return null;
        }
    }

    private static void check(Hostile request, HttpResponse<String> response) throws Exception {
        sent.incrementAndGet();
        int status = response.statusCode();
        synchronized (statuses) {
            statuses.merge(status, 1, Integer::sum);
        }
        assertTrue(status < 500, request + " -> " + status + " " + response.body());
        // the route the server took: an empty path value ("/v1/tracks/") is the list, as the server ignores a trailing slash
        String route = java.util.Objects.requireNonNullElse(responses.template(request.operation().method(), request.uri()),
                request.operation().path());
        var mismatches = responses.mismatches(request.operation().method(), route, status,
                response.headers().firstValue("Content-Type"), response.body());
        if (!mismatches.isEmpty()) {
            mismatchedResponses.incrementAndGet();
            schemaMismatches.addAll(mismatches);
        }
        assertEquals(List.of(), mismatches, request + " -> " + status + " " + response.body());
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.startsWith("application/problem+json"), request + " -> " + status + " as " + type);
            assertEquals(status, JSON.readTree(response.body()).get("status").asInt(), request + " -> " + response.body());
            assertEquals(fingerprint, Fingerprint.of(db), request + " was refused with " + status + " but changed the database");
        } else {
            fingerprint = Fingerprint.of(db);
        }
    }

    @Provide
    Arbitrary<Hostile> hostile() {
        return Arbitraries.randomValue(HostileInputTest::generate);
    }

    private static String base() {
        return "http://localhost:" + app.http.port();
    }

    // ---- generation -------------------------------------------------------------------------------------

    private static final List<String> RAW_PATH_VALUES = List.of("..%2f..%2fetc%2fpasswd", "%2e%2e", "..", "%00", "%ff%fe", "%c3%28",
            "a%2fb", "%20", "-1", "0", "2147483648", "99999999999999999999999", "1e999", "NaN", "one-plus-one", "sums-track", "sums",
            "global", "weekly", "monthly", "a-draft", "UPPER-Case", "00000000-0000-0000-0000-000000000000", "%E2%80%AE", "%ef%bf%bf",
            "current", "1");
    private static final List<String> QUERY_VALUES = List.of("-1", "0", "101", "100", "1", "9223372036854775808", "abc", "1e999", "",
            "%00", "%ff", "beginner", "nope", "2026-W99", "2026-13", "9999-W01", "x".repeat(3000), "sums", "..%2f..%2f", "true");

    static Hostile generate(Random random) {
        var operation = operations.get(random.nextInt(operations.size()));
        var caller = Caller.values()[random.nextInt(Caller.values().length)];
        // ending one's own session or account would only make the rest of the run anonymous
        if (operation.name().equals("DELETE /v1/me") || operation.name().equals("DELETE /v1/sessions/current")) {
            caller = random.nextBoolean() ? Caller.ANONYMOUS : Caller.GARBAGE_TOKEN;
        }
        var description = new StringBuilder();
        String path = operation.path();
        var matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        var uri = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            uri.append(path, last, matcher.start()).append(pathValue(random));
            last = matcher.end();
        }
        uri.append(path.substring(last));
        // DELETE /v1/sessions/{id} with id "current" is signing out: also only as a hostile caller
        if (operation.method().equals("DELETE") && uri.toString().equals("/v1/sessions/current")) {
            caller = random.nextBoolean() ? Caller.ANONYMOUS : Caller.GARBAGE_TOKEN;
        }
        var query = new ArrayList<String>();
        for (var parameter : operation.spec().path("parameters")) {
            if ("query".equals(parameter.path("in").asText()) && random.nextInt(3) > 0) {
                query.add(parameter.path("name").asText() + "=" + QUERY_VALUES.get(random.nextInt(QUERY_VALUES.size())));
            }
        }
        if (random.nextInt(10) == 0) {
            query.add("unknown=" + QUERY_VALUES.get(random.nextInt(QUERY_VALUES.size())));
        }
        if (!query.isEmpty()) {
            uri.append('?').append(String.join("&", query));
        }
        description.append(uri);
        var schema = operation.spec().path("requestBody").path("content").path("application/json").path("schema");
        String contentType = "application/json";
        byte[] body;
        int shape = random.nextInt(20);
        if (shape == 0) {
            body = null;
            contentType = null;
            description.append(" no body");
        } else if (shape == 1) {
            body = ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
            description.append(" deep JSON");
        } else if (shape == 2) {
            body = ("{\"answer\":\"" + "a".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            description.append(" body over 1 MiB");
        } else if (shape == 3) {
            body = new byte[] {'{', '"', 'a', 'n', 's', 'w', 'e', 'r', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
            description.append(" bad UTF-8");
        } else if (shape == 4) {
            body = List.of("not json", "{", "{\"a\":}", "null", "[]", "123", "\"s\"", "{\"a\":1,\"a\":2}", "{'a':1}").get(random.nextInt(9))
                    .getBytes(StandardCharsets.UTF_8);
            description.append(" malformed: ").append(new String(body, StandardCharsets.UTF_8));
        } else if (shape == 5) {
            contentType = List.of("text/plain", "application/xml", "multipart/form-data; boundary=x").get(random.nextInt(3));
            body = "{}".getBytes(StandardCharsets.UTF_8);
            description.append(" as ").append(contentType);
        } else {
            var value = fromSchema(schema.isMissingNode() ? JSON.createObjectNode() : schema, random, 0);
            if (random.nextInt(4) == 0 && value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                var fields = new LinkedHashMap<>((Map<String, Object>) map);
                value = fields;
                fields.put(List.of("role", "points", "id", "userId", "premium", "__proto__", "admin").get(random.nextInt(7)), hostileValue(random));
            }
            String text = toJson(value);
            body = text.getBytes(StandardCharsets.UTF_8);
            description.append(" body ").append(text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
        return new Hostile(operation, caller, uri.toString(), contentType, body, description.toString());
    }

    private static String pathValue(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> hostileIds.get(random.nextInt(hostileIds.size()));
            case 1 -> encode(randomString(random, random.nextInt(5) == 0 ? 3000 : 30));
            default -> RAW_PATH_VALUES.get(random.nextInt(RAW_PATH_VALUES.size()));
        };
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String randomString(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        var s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            s.appendCodePoint(kind < 6 ? 'a' + random.nextInt(26) : kind < 8 ? random.nextInt(0x7F) : kind == 8 ? 0x1F600 : 0x202E);
        }
        return s.toString();
    }

    /** A value for a schema: mostly plausible, sometimes of a wrong type or out of range, fields sometimes missing. */
    private static Object fromSchema(JsonNode schema, Random random, int depth) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return fromSchema(document.path("components").path("schemas").path(name), random, depth);
        }
        if (random.nextInt(8) == 0 || depth > 4) {
            return hostileValue(random);
        }
        if (schema.has("enum")) {
            return random.nextInt(3) == 0 ? "not-a-" + randomString(random, 5) : schema.get("enum").get(random.nextInt(schema.get("enum").size())).asText();
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("object");
        return switch (type) {
            case "object" -> {
                var fields = new LinkedHashMap<String, Object>();
                for (Iterator<Map.Entry<String, JsonNode>> p = schema.path("properties").fields(); p.hasNext();) {
                    var property = p.next();
                    if (random.nextInt(5) > 0) { // a field is left out one time in five
                        fields.put(property.getKey(), fromSchema(property.getValue(), random, depth + 1));
                    }
                }
                yield fields;
            }
            case "array" -> {
                var items = new ArrayList<Object>();
                int n = random.nextInt(random.nextInt(10) == 0 ? 500 : 3);
                for (int i = 0; i < n; i++) {
                    items.add(fromSchema(schema.path("items"), random, depth + 1));
                }
                yield items;
            }
            case "integer", "number" -> List.<Object>of(0, 1, -1, 100, Integer.MAX_VALUE, Long.MIN_VALUE, new java.math.BigInteger("99999999999999999999999"),
                    1.5, new java.math.BigDecimal("1e400")).get(random.nextInt(9));
            case "boolean" -> random.nextBoolean();
            default -> random.nextInt(10) == 0 ? randomString(random, 20_000) : randomString(random, 40);
        };
    }

    private static Object hostileValue(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> null;
            case 1 -> "2";
            case 2 -> 2;
            case 3 -> List.of(1, "a", List.of());
            case 4 -> Map.of("nested", Map.of("deeper", List.of(Map.of())));
            case 5 -> true;
            case 6 -> new java.math.BigDecimal("-1e400");
            case 7 -> "../../../../etc/passwd";
            default -> "x".repeat(70_000);
        };
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Cheap enough to take after every request: row counts and sums of what requests may write, and a
     * digest of the profile and content columns. Submissions and events are counted through the learners'
     * counters (the invariants tie the two together), because planning a count over their 70-odd monthly
     * partitions costs more than the request. Sign-in failure counters are left out on purpose: a
     * refused sign-in is supposed to count.
     */
    record Fingerprint(String value) {
        static Fingerprint of(javax.sql.DataSource db) throws Exception {
            try (var c = db.getConnection(); var rs = c.createStatement().executeQuery("select concat_ws(' ', "
                    + "(select count(*) from users), (select md5(string_agg(concat_ws('|', username, email, display_name, bio, avatar_url, "
                    + "time_zone, role, premium, email_verified_at), ',' order by id)) from users), "
                    + "(select count(*) from sessions where revoked_at is null), (select count(*) from learner_states), "
                    + "(select coalesce(sum(points), 0) from learner_states), "
                    + "(select coalesce(sum(submissions), 0) from learner_states), (select count(*) from problem_progress), (select count(*) from enrolments), "
                    + "(select count(*) from idempotency_keys), (select coalesce(sum(score), 0) from board_period_scores), "
                    + "(select md5(string_agg(concat_ws('|', slug, state), ',' order by slug)) from problems), "
                    + "(select count(*) from problem_versions), (select md5(string_agg(concat_ws('|', slug, state), ',' order by slug)) from tracks), "
                    + "(select count(*) from external_identities))")) {
                rs.next();
                return new Fingerprint(rs.getString(1));
            }
        }
    }
}
