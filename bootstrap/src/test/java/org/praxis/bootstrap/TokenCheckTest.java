package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.bootstrap.IdentityFixture.json;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.identity.Role;
import org.praxis.persistence.testing.CountedDatabase;
import org.praxis.persistence.testing.FreshDatabase;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The bearer token's check on every request (issue 8, P2): one database round trip — the session joined
 * with its account, and the occasional record of its last use, in one statement without a transaction —
 * and still nothing cached: two service instances on one database, and whatever one of them does to a
 * session or an account applies on the other's very next request.
 */
@ExtendWith(FreshDatabase.class)
class TokenCheckTest {
    private static HikariDataSource database;
    private static CountedDatabase db;
    private static IdentityFixture one;
    private static IdentityFixture other;

    @BeforeAll
    static void start(HikariDataSource dataSource) {
        database = dataSource;
        db = CountedDatabase.over(dataSource, 1);
        one = new IdentityFixture(db.dataSource());
        other = new IdentityFixture(dataSource);
    }

    @AfterAll
    static void stop() {
        one.close();
        other.close();
        db.close();
    }

    @Test
    void aTokenCheckIsOneRoundTripAndRecordsTheSessionsUseAtMostOnceAMinute() throws Exception {
        var ada = one.register(one.uniqueName("ada"));
        var expected = new Actor.Member(new LearnerId(UUID.fromString(ada.id())), Role.LEARNER, false);
        db.counter().record(true);
        Instant first = one.clock.instant();

        var trips = check(ada.token(), expected);
        assertEquals(1, trips.size(), trips.toString());
        assertEquals(1, trips.get(0).size(), "one statement: " + trips);
        String sql = trips.get(0).get(0).toLowerCase(java.util.Locale.ROOT).replace("\"", "");
        assertTrue(sql.startsWith("with touched as (update sessions set last_used_at = cast($1 as"), sql);
        assertTrue(sql.contains(" from sessions join users on users.id = sessions.user_id where (sessions.token_hash = $"), sql);
        assertEquals(first, lastUsedAt(ada), "the first use is recorded");

        one.clock.advance(Duration.ofSeconds(59));
        assertEquals(1, check(ada.token(), expected).size());
        assertEquals(first, lastUsedAt(ada), "not again within a minute");

        one.clock.advance(Duration.ofSeconds(2));
        assertEquals(1, check(ada.token(), expected).size());
        assertEquals(one.clock.instant(), lastUsedAt(ada), "again after a minute, in the same round trip");
    }

    @Test
    void aSignOutOnOneInstanceIsRefusedOnTheOthersNextRequest() throws Exception {
        var bob = one.register(one.uniqueName("bob"));
        assertEquals(200, other.call("GET", "/v1/me", bob.token(), null).statusCode());
        assertEquals(204, one.call("DELETE", "/v1/sessions/current", bob.token(), null).statusCode());
        assertUnauthenticated(other.call("GET", "/v1/me", bob.token(), null));
    }

    @Test
    void aRevokedSessionIsRefusedOnTheOthersNextRequest() throws Exception {
        var cy = one.register(one.uniqueName("cy"));
        String second = one.signIn(cy.username(), IdentityFixture.PASSWORD);
        assertEquals(200, other.call("GET", "/v1/me", second, null).statusCode());
        var sessions = json(one.call("GET", "/v1/sessions", cy.token(), null)).get("items");
        String secondId = null;
        for (var s : sessions) {
            if (!s.get("current").asBoolean()) {
                secondId = s.get("id").asText();
            }
        }
        assertEquals(204, one.call("DELETE", "/v1/sessions/" + secondId, cy.token(), null).statusCode());
        assertUnauthenticated(other.call("GET", "/v1/me", second, null));
        assertEquals(200, other.call("GET", "/v1/me", cy.token(), null).statusCode(), "the other session still works");
    }

    @Test
    void aRoleOrPremiumGrantedOnOneInstanceAppliesOnTheOthersNextRequest() throws Exception {
        var dee = one.register(one.uniqueName("dee"));
        var id = new LearnerId(UUID.fromString(dee.id()));
        assertEquals(new Actor.Member(id, Role.LEARNER, false), other.identity.signIn().authenticate(Optional.of(dee.token())));
        one.identity.accounts().change(Actor.OPERATOR, dee.username(), Optional.of(Role.AUTHOR), Optional.of(true));
        assertEquals(new Actor.Member(id, Role.AUTHOR, true), other.identity.signIn().authenticate(Optional.of(dee.token())));
    }

    @Test
    void aDeletedAccountIsRefusedOnTheOthersNextRequest() throws Exception {
        var eve = one.register(one.uniqueName("eve"));
        assertEquals(200, other.call("GET", "/v1/me", eve.token(), null).statusCode());
        assertEquals(204, one.call("DELETE", "/v1/me", eve.token(), null).statusCode());
        assertUnauthenticated(other.call("GET", "/v1/me", eve.token(), null));
    }

    @Test
    void anExpiredSessionIsRefused() throws Exception {
        var fay = one.register(one.uniqueName("fay"));
        assertEquals(200, other.call("GET", "/v1/me", fay.token(), null).statusCode());
        var lifetime = Duration.between(one.clock.instant(),
                Instant.parse(json(one.call("POST", "/v1/sessions", null,
                        java.util.Map.of("login", fay.username(), "password", IdentityFixture.PASSWORD))).get("expiresAt").asText()));
        other.clock.advance(lifetime.plusSeconds(1));
        try {
            assertUnauthenticated(other.call("GET", "/v1/me", fay.token(), null));
        } finally {
            other.clock.advance(lifetime.plusSeconds(1).negated());
        }
    }

    private static List<List<String>> check(String token, Actor expected) {
        db.counter().reset();
        assertEquals(expected, one.identity.signIn().authenticate(Optional.of(token)));
        // a Sync alone is the pool's liveness check of a connection idle for over 500 ms, not the check's
        return db.counter().recorded().stream().filter(trip -> !trip.isEmpty()).toList();
    }

    private static void assertUnauthenticated(java.net.http.HttpResponse<String> response) throws Exception {
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals("The bearer token is not valid, has expired or was revoked.", json(response).get("detail").asText());
    }

    private static Instant lastUsedAt(IdentityFixture.User user) throws Exception {
        try (var c = database.getConnection();
                var s = c.prepareStatement("select last_used_at from sessions where user_id = ? order by created_at limit 1")) {
            s.setObject(1, UUID.fromString(user.id()));
            try (var r = s.executeQuery()) {
                r.next();
                Timestamp at = r.getTimestamp(1);
                return at == null ? null : at.toInstant();
            }
        }
    }
}
