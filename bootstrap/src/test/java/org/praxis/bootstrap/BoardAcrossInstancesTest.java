package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.persistence.testing.Eventually;
import org.praxis.persistence.testing.FreshDatabase;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two instances of the service on one database. An instance puts its own commits into its board index
 * at once, with a stamp it makes up (the row's previous change plus a microsecond) since it does not
 * know the one the database gave; the next change of the same learner, made on the other instance,
 * must still win when this instance polls it. A made-up stamp newer than the database's would keep it
 * out until the learner's next change here.
 */
@ExtendWith(FreshDatabase.class)
class BoardAcrossInstancesTest {
    private static IdentityFixture a;
    private static IdentityFixture b;

    @BeforeAll
    static void start(DataSource dataSource) throws Exception {
        a = new IdentityFixture(dataSource);
        LearningFixture.syncContent(dataSource, a, "/learning-content");
        b = new IdentityFixture(dataSource);
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    @Test
    void aLearnersChangeOnTheOtherInstanceReplacesTheOneThisInstanceMadeUp() throws Exception {
        var ada = a.register("ada");
        // here: a wrong answer, worth the first submission's reward
        assertEquals(10, submit(a, ada, "3").get("totals").get("points").asInt());
        assertEquals(10, score(a, ada), "this instance's own commit, at once");

        // there: the right one
        assertEquals(110, submit(b, ada, "2").get("totals").get("points").asInt());
        assertEquals(110, score(b, ada), "that instance's own commit, at once");

        Eventually.waitFor("instance A to read ada's change on instance B", () -> {
            try {
                return score(a, ada) == 110;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(1, IdentityFixture.json(a.call("GET", "/v1/leaderboards/global/me", ada.token(), null)).get("rank").asInt());
    }

    private static JsonNode submit(IdentityFixture instance, IdentityFixture.User user, String answer)
            throws Exception {
        var response = instance.call("POST", "/v1/problems/one-plus-one/submissions", user.token(), Map.of("answer", answer));
        assertEquals(201, response.statusCode(), response.body());
        return IdentityFixture.json(response);
    }

    private static int score(IdentityFixture instance, IdentityFixture.User user) throws Exception {
        return IdentityFixture.json(instance.call("GET", "/v1/leaderboards/global/me", user.token(), null)).get("score").asInt();
    }
}
