package org.praxis.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.bootstrap.IdentityFixture.json;
import static org.praxis.persistence.testing.Eventually.waitFor;

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
import org.praxis.application.common.Unauthenticated;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.identity.Role;
import org.praxis.persistence.testing.CountedDatabase;
import org.praxis.persistence.testing.FreshDatabase;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The bearer token's check on every request (issue 8, P2, P6): one database round trip when the database
 * is asked — the session joined with its account, and the record of its last use, in one statement
 * without a transaction — on the token's first use on an instance and then once a minute; in between the
 * instance answers from its bearer cache. Two service instances on one database: whatever one of them does
 * to a session or an account applies on that instance's very next request, and on the other's as soon as
 * the database's announcement of it reaches it (milliseconds; waited for here, with a deadline).
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
        IdentityFixture.awaitServing(one.identity.bearers());
        IdentityFixture.awaitServing(other.identity.bearers());
    }

    @AfterAll
    static void stop() {
        one.close();
        other.close();
        db.close();
    }

    @Test
    void aTokenIsCheckedInOneRoundTripOnItsFirstUseAndOnceAMinuteAndFromMemoryInBetween() throws Exception {
        var ada = one.register(one.uniqueName("ada"));
        var expected = new Actor.Member(new LearnerId(UUID.fromString(ada.id())), Role.LEARNER, false);
        double fromMemory = checks("memory");
        double fromDatabase = checks("database");
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
        assertEquals(List.of(), check(ada.token(), expected), "from memory");
        assertEquals(first, lastUsedAt(ada), "not again within a minute");

        one.clock.advance(Duration.ofSeconds(2));
        assertEquals(1, check(ada.token(), expected).size());
        assertEquals(one.clock.instant(), lastUsedAt(ada), "again after a minute, in the same round trip");
        assertEquals(List.of(), check(ada.token(), expected), "and from memory again");
        // /metrics tells the two apart (this class's other tests use other instances' checks, or other tokens
        // at other moments: the counts only grow, by these four checks while this test runs alone)
        assertEquals(fromMemory + 2, checks("memory"), 0.0);
        assertEquals(fromDatabase + 2, checks("database"), 0.0);
        assertTrue(metric("praxis_bearer_cache_entries ") >= 1);
    }

    /** {@code praxis_bearer_checks_total} of the first instance, answered from memory or by the database. */
    private static double checks(String answered) throws Exception {
        return metric("praxis_bearer_checks_total{answered=\"" + answered + "\"} ");
    }

    private static double metric(String prefix) throws Exception {
        String body = one.call("GET", "/metrics", null, null).body();
        return body.lines().filter(line -> line.startsWith(prefix)).mapToDouble(line -> Double.parseDouble(line.substring(prefix.length())))
                .findFirst().orElseThrow(() -> new AssertionError(prefix + " not in " + body));
    }

    @Test
    void aTokenNobodyWasGivenIsAskedOfTheDatabaseEveryTime() throws Exception {
        String forged = "A".repeat(43);
        for (int i = 0; i < 3; i++) {
            db.counter().reset();
            db.counter().record(true);
            assertThrows(Unauthenticated.class, () -> one.identity.signIn().authenticate(Optional.of(forged)));
            assertEquals(1, checksOwnTrips().size(), "never kept");
        }
    }

    @Test
    void aSignOutOnOneInstanceIsRefusedThereAtOnceAndOnTheOtherOnceItHearsOfIt() throws Exception {
        var bob = one.register(one.uniqueName("bob"));
        assertEquals(200, other.call("GET", "/v1/me", bob.token(), null).statusCode());
        assertEquals(200, one.call("GET", "/v1/me", bob.token(), null).statusCode());
        assertEquals(204, one.call("DELETE", "/v1/sessions/current", bob.token(), null).statusCode());
        assertUnauthenticated(one.call("GET", "/v1/me", bob.token(), null));
        assertRefusedSoon(other, bob.token());
    }

    @Test
    void aRevokedSessionIsRefusedOnTheOtherOnceItHearsOfIt() throws Exception {
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
        assertUnauthenticated(one.call("GET", "/v1/me", second, null));
        assertRefusedSoon(other, second);
        assertEquals(200, other.call("GET", "/v1/me", cy.token(), null).statusCode(), "the other session still works");
    }

    @Test
    void aRoleOrPremiumGrantedOnOneInstanceAppliesThereAtOnceAndOnTheOtherOnceItHearsOfIt() throws Exception {
        var dee = one.register(one.uniqueName("dee"));
        var id = new LearnerId(UUID.fromString(dee.id()));
        var before = new Actor.Member(id, Role.LEARNER, false);
        assertEquals(before, one.identity.signIn().authenticate(Optional.of(dee.token())));
        assertEquals(before, other.identity.signIn().authenticate(Optional.of(dee.token())));
        one.identity.accounts().change(Actor.OPERATOR, dee.username(), Optional.of(Role.AUTHOR), Optional.of(true));
        var after = new Actor.Member(id, Role.AUTHOR, true);
        assertEquals(after, one.identity.signIn().authenticate(Optional.of(dee.token())));
        waitFor("the other instance to apply the new role",
                () -> after.equals(other.identity.signIn().authenticate(Optional.of(dee.token()))));
    }

    @Test
    void aRoleChangedOutsideAnyInstanceAppliesOnBothOnceTheyHearOfIt() throws Exception {
        var gus = one.register(one.uniqueName("gus"));
        var id = new LearnerId(UUID.fromString(gus.id()));
        assertEquals(new Actor.Member(id, Role.LEARNER, false), one.identity.signIn().authenticate(Optional.of(gus.token())));
        assertEquals(new Actor.Member(id, Role.LEARNER, false), other.identity.signIn().authenticate(Optional.of(gus.token())));
        // as an operator's SQL or another tool would: the database's trigger announces it
        try (var c = database.getConnection(); var s = c.prepareStatement("update users set role = 'admin' where id = ?")) {
            s.setObject(1, id.value());
            assertEquals(1, s.executeUpdate());
        }
        var admin = new Actor.Member(id, Role.ADMIN, false);
        waitFor("both instances to apply the new role",
                () -> admin.equals(one.identity.signIn().authenticate(Optional.of(gus.token())))
                        && admin.equals(other.identity.signIn().authenticate(Optional.of(gus.token()))));
    }

    @Test
    void aDeletedAccountIsRefusedOnTheOtherOnceItHearsOfIt() throws Exception {
        var eve = one.register(one.uniqueName("eve"));
        assertEquals(200, other.call("GET", "/v1/me", eve.token(), null).statusCode());
        assertEquals(204, one.call("DELETE", "/v1/me", eve.token(), null).statusCode());
        assertUnauthenticated(one.call("GET", "/v1/me", eve.token(), null));
        assertRefusedSoon(other, eve.token());
    }

    @Test
    void anExpiredSessionIsRefusedAtOnceEvenWhenCheckedSecondsBefore() throws Exception {
        var fay = one.register(one.uniqueName("fay"));
        // signed in again at the same moment of the first instance's clock: the first session ends then too
        var expiresAt = Instant.parse(json(one.call("POST", "/v1/sessions", null,
                java.util.Map.of("login", fay.username(), "password", IdentityFixture.PASSWORD))).get("expiresAt").asText());
        // the instances' test clocks differ (tests move each on its own): the other's to 20 s before that moment
        var jump = Duration.between(other.clock.instant(), expiresAt).minusSeconds(20);
        other.clock.advance(jump);
        try {
            assertEquals(200, other.call("GET", "/v1/me", fay.token(), null).statusCode());
            other.clock.advance(Duration.ofSeconds(10));
            assertEquals(200, other.call("GET", "/v1/me", fay.token(), null).statusCode(), "10 s before it ends");
            other.clock.advance(Duration.ofSeconds(11));
            // checked 21 s ago, well within the minute a check is kept: the session's end applies all the same
            assertUnauthenticated(other.call("GET", "/v1/me", fay.token(), null));
        } finally {
            other.clock.advance(jump.plusSeconds(21).negated());
        }
    }

    /** Refused on {@code instance} within the wait: the announcement travels asynchronously. */
    private static void assertRefusedSoon(IdentityFixture instance, String token) throws Exception {
        waitFor("the other instance to refuse the token", () -> {
            try {
                return instance.call("GET", "/v1/me", token, null).statusCode() == 401;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertUnauthenticated(instance.call("GET", "/v1/me", token, null));
    }

    private static List<List<String>> check(String token, Actor expected) {
        db.counter().reset();
        assertEquals(expected, one.identity.signIn().authenticate(Optional.of(token)));
        return checksOwnTrips();
    }

    /**
     * The trips recorded, without a Sync alone or an empty statement (the pool's liveness check of a
     * connection idle for over 500 ms, the listener's of its quiet connection) and the board index's poll
     * (each second, on the same pool): not the check's.
     */
    private static List<List<String>> checksOwnTrips() {
        return db.counter().recorded().stream().filter(trip -> !trip.stream().allMatch(String::isBlank))
                .filter(trip -> trip.stream().noneMatch(sql -> sql.contains("board_changed_at >") || sql.contains("board_departures")))
                .toList();
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
