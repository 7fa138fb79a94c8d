package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The response checker bites: it rejects what the document does not allow, and accepts what it does. */
class OpenApiResponsesTest {
    private static final String SUBMISSION = "{\"id\":\"%s\",\"problem\":\"one-plus-one\",\"problemVersion\":1,\"verdict\":\"%s\","
            + "\"score\":100,\"pointsAwarded\":50,\"xpAwarded\":10,\"feedback\":\"\",\"tests\":[],\"review\":false,\"answer\":\"2\","
            + "\"grader\":{\"id\":\"exact\",\"version\":\"1\"},\"progress\":{\"status\":\"completed\",\"attempts\":1,\"bestScore\":100},"
            + "\"totals\":{\"points\":50,\"solved\":1,\"currentStreak\":1,\"longestStreak\":1},"
            + "\"events\":[{\"type\":\"answerGraded\",\"at\":\"2026-11-22T10:00:00Z\"}],\"submittedAt\":\"2026-11-22T10:00:00Z\"}";

    private final OpenApiResponses responses;

    OpenApiResponsesTest() throws Exception {
        try (var yaml = OpenApiResponsesTest.class.getResourceAsStream("/openapi/praxis.yaml")) {
            responses = new OpenApiResponses(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        }
    }

    private List<String> submission(int status, String contentType, String body) {
        return responses.mismatches("GET", "/v1/submissions/{id}", status, Optional.of(contentType), body);
    }

    @Test
    void aBodyTheSchemaAllowsMatches() {
        assertEquals(List.of(), submission(200, "application/json", SUBMISSION.formatted("6f1c1d3e-0d55-4c57-9a49-2b1f1e7f1a01", "correct")));
        assertEquals(List.of(), submission(404, "application/problem+json;charset=utf-8",
                "{\"type\":\"/problems/not-found\",\"title\":\"Not found\",\"status\":404,\"detail\":\"No such submission.\","
                        + "\"instance\":\"/v1/submissions/x\",\"requestId\":\"r\"}"));
    }

    @Test
    void anEnumValueAFormatAndAMissingFieldAreMismatches() {
        var wrongEnum = submission(200, "application/json", SUBMISSION.formatted("6f1c1d3e-0d55-4c57-9a49-2b1f1e7f1a01", "perfect"));
        assertEquals(1, wrongEnum.size(), wrongEnum.toString());
        assertTrue(wrongEnum.get(0).startsWith("GET /v1/submissions/{id} 200: ") && wrongEnum.get(0).contains("verdict"), wrongEnum.toString());
        var notAUuid = submission(200, "application/json", SUBMISSION.formatted("not-a-uuid", "correct"));
        assertEquals(1, notAUuid.size(), notAUuid.toString());
        assertTrue(notAUuid.get(0).contains("uuid"), notAUuid.toString());
        var noTitle = submission(404, "application/problem+json", "{\"type\":\"/problems/not-found\",\"status\":404}");
        assertTrue(noTitle.stream().anyMatch(m -> m.contains("title")), noTitle.toString());
    }

    @Test
    void anUndocumentedStatusOrContentTypeIsAMismatch() {
        assertEquals(List.of("GET /v1/submissions/{id} 409: status not documented"), submission(409, "application/problem+json", "{}"));
        assertEquals(List.of("GET /v1/submissions/{id} 200: content type 'text/html' not documented [application/json]"),
                submission(200, "text/html", "<p>hi</p>"));
    }
}
