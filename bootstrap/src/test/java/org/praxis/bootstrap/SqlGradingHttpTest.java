package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.persistence.testing.FreshDatabase;

import com.fasterxml.jackson.databind.JsonNode;

/** A SQL problem graded end to end: HTTP, the learning loop, the sandbox on the same PostgreSQL. */
@ExtendWith(FreshDatabase.class)
class SqlGradingHttpTest {
    private static IdentityFixture app;
    private static IdentityFixture.User ada;

    @BeforeAll
    static void start(DataSource dataSource) throws Exception {
        app = new IdentityFixture(dataSource);
        LearningFixture.syncContent(dataSource, app, "/sql-content");
        ada = app.register("ada");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static JsonNode submit(String answer) throws Exception {
        var response = app.call("POST", "/v1/problems/sql-spend/submissions", ada.token(), Map.of("answer", answer));
        assertEquals(201, response.statusCode(), response.body());
        return IdentityFixture.json(response);
    }

    @Test
    void learnersSeeTheTablesAndSampleRowsButNotTheReference() throws Exception {
        var problem = IdentityFixture.json(app.call("GET", "/v1/problems/sql-spend", null, null));
        assertEquals("{\"type\":\"sql\",\"setupScript\":\"create table orders (id int primary key, customer text not null, total numeric(10, 2));"
                        + "\\n\\ninsert into orders values (1, 'ada', 10.50), (2, 'bob', 20.00), (3, 'ada', 5.25);\"}",
                problem.get("answerFormat").toString());
    }

    @Test
    void aSqlAnswerIsGradedOnEveryDataSetThroughTheApi() throws Exception {
        var wrong = submit("select customer, count(*) from orders group by customer");
        assertEquals("incorrect", wrong.get("verdict").asText());
        assertEquals(66, wrong.get("score").asInt());
        assertEquals("[{\"name\":\"sample\",\"passed\":false,\"hidden\":false,\"message\":\"2 expected rows missing, e.g. ('ada', 15.75);"
                        + " 2 rows not expected, e.g. ('ada', 2)\"},{\"name\":\"no orders\",\"passed\":true,\"hidden\":true},"
                        + "{\"name\":\"one customer\",\"passed\":true,\"hidden\":false,\"message\":\"\"}]",
                withoutRunMillis(wrong.get("tests")));
        assertEquals("{\"id\":\"sql\",\"version\":\"postgres-sandbox-1\"}", wrong.get("grader").toString());

        var twoStatements = submit("select 1; drop table orders");
        assertEquals("error", twoStatements.get("verdict").asText());
        assertEquals("The answer has 2 statements: submit exactly one SQL query.", twoStatements.get("feedback").asText());

        var right = submit("SELECT customer, SUM(total) FROM orders GROUP BY customer ORDER BY 2");
        assertEquals("correct", right.get("verdict").asText(), right.toString());
        assertEquals(100, right.get("score").asInt());
        assertEquals("Correct: the query gives the expected result on all 3 data sets.", right.get("feedback").asText());
    }

    private static String withoutRunMillis(JsonNode tests) {
        tests.forEach(test -> ((com.fasterxml.jackson.databind.node.ObjectNode) test).remove("runMillis"));
        return tests.toString();
    }
}
