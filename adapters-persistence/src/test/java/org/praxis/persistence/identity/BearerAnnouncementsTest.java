package org.praxis.persistence.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.persistence.testing.Eventually.waitFor;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.application.identity.BearerTokens;
import org.praxis.application.identity.port.out.Accounts.Account;
import org.praxis.application.identity.port.out.Sessions;
import org.praxis.application.identity.port.out.Sessions.Bearer;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.identity.Role;
import org.praxis.persistence.common.ChannelListener;
import org.praxis.persistence.common.Jooq;
import org.praxis.persistence.common.JooqTransactions;
import org.praxis.persistence.testing.TestDatabase;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Two instances' bearer caches on one database, each with its listener: every change that makes a token
 * stand for something else (V11's triggers) is announced when it commits and drops the user's cached
 * checks on both; a last use recorded, a profile edit or a change rolled back announces nothing. No fixed
 * sleeps: the tests poll for a condition until a deadline.
 */
class BearerAnnouncementsTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private HikariDataSource dataSource;
    private Instance first;
    private Instance second;

    /** One service instance's identity persistence, as {@code Wiring.identity} and its listener make it. */
    private static final class Instance implements AutoCloseable {
        final BearerCache cache = new BearerCache();
        final AtomicInteger databaseChecks = new AtomicInteger();
        final DSLContext dsl;
        final JooqTransactions tx;
        final JooqAccounts accounts;
        final Sessions sessions;
        final ChannelListener listener;

        Instance(HikariDataSource dataSource) {
            dsl = Jooq.over(dataSource);
            tx = new JooqTransactions(dsl);
            accounts = new JooqAccounts(dsl, cache);
            sessions = new CachingSessions(new CountingSessions(new JooqSessions(dsl), databaseChecks), cache);
            listener = new ChannelListener(BearerCache.CHANNEL,
                    ChannelListener.Connector.outsidePool(dataSource),
                    cache).start();
        }

        Optional<Bearer> check(String token, Instant at) {
            return tx.oneStatement(() -> sessions.useActive(BearerTokens.hash(token), at, MINUTE));
        }

        @Override
        public void close() {
            listener.close();
        }
    }

    @BeforeEach
    void twoInstances() throws InterruptedException {
        dataSource = TestDatabase.shared().freshDatabase();
        first = new Instance(dataSource);
        second = new Instance(dataSource);
        assertTrue(first.listener.awaitListening(PATIENCE));
        assertTrue(second.listener.awaitListening(PATIENCE));
        assertTrue(first.cache.serving() && second.cache.serving());
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
        dataSource.close();
    }

    @Test
    void aCheckedTokenIsAnsweredFromMemoryUntilItsMinuteIsUp() {
        var ada = user("ada");
        session(ada, "ada-token");
        assertTrue(second.check("ada-token", NOW).isPresent());
        assertTrue(second.check("ada-token", NOW.plusSeconds(30)).isPresent());
        assertEquals(1, second.databaseChecks.get(), "the second check from memory");
        assertTrue(second.check("ada-token", NOW.plusSeconds(60)).isPresent());
        assertEquals(2, second.databaseChecks.get(), "after a minute the database again (which records the use)");
        assertTrue(second.check("unknown-token", NOW).isEmpty());
        assertTrue(second.check("unknown-token", NOW).isEmpty());
        assertEquals(4, second.databaseChecks.get(), "a token that is no session is asked of the database every time");
    }

    @Test
    void aRevocationOnOneInstanceDropsTheUsersChecksThereAtOnceAndOnTheOtherWhenAnnounced() {
        var ada = user("ada");
        var bob = user("bob");
        var adas = session(ada, "ada-token");
        session(bob, "bob-token");
        cacheOnBoth("ada-token", "bob-token");

        assertTrue(first.tx.inTransaction(() -> first.sessions.revoke(ada, adas, NOW)));
        assertEquals(Optional.empty(), first.check("ada-token", NOW), "refused at once where it was revoked");
        waitFor("the other instance to drop ada's check", () -> second.check("ada-token", NOW).isEmpty());
        int before = second.databaseChecks.get();
        assertTrue(second.check("bob-token", NOW).isPresent());
        assertEquals(before, second.databaseChecks.get(), "bob's check is still from memory: only ada's was dropped");
    }

    @Test
    void aSignOutEverywhereARoleAPremiumFlagAndADeletedAccountAreEachAnnounced() {
        var ada = user("ada");
        session(ada, "ada-token");
        session(ada, "ada-phone");

        cacheOnBoth("ada-token", "ada-phone");
        long[] heard = heardByBoth();
        first.tx.run(() -> first.sessions.revokeAll(ada, Optional.empty(), NOW));
        assertEquals(Optional.empty(), first.check("ada-token", NOW), "refused at once where it was written");
        waitFor("both sessions to be refused on the other instance",
                () -> second.check("ada-token", NOW).isEmpty() && second.check("ada-phone", NOW).isEmpty());
        awaitHeardByBoth(heard);

        session(ada, "ada-again");
        cacheOnBoth("ada-again");
        heard = heardByBoth();
        first.tx.run(() -> first.accounts.setRole(ada, Role.AUTHOR, NOW));
        assertEquals(Role.AUTHOR, first.check("ada-again", NOW).orElseThrow().account().role());
        waitFor("the other instance to read the new role",
                () -> second.check("ada-again", NOW).orElseThrow().account().role() == Role.AUTHOR);
        awaitHeardByBoth(heard);

        cacheOnBoth("ada-again");
        heard = heardByBoth();
        first.tx.run(() -> first.accounts.setPremium(ada, true, NOW));
        assertTrue(first.check("ada-again", NOW).orElseThrow().account().premium());
        waitFor("the other instance to read the premium flag", () -> second.check("ada-again", NOW).orElseThrow().account().premium());
        awaitHeardByBoth(heard);

        cacheOnBoth("ada-again");
        first.tx.run(() -> first.accounts.delete(ada));
        assertEquals(Optional.empty(), first.check("ada-again", NOW));
        waitFor("the other instance to refuse the deleted account's token", () -> second.check("ada-again", NOW).isEmpty());
    }

    @Test
    void aChangeMadeOutsideTheInstancesIsAnnouncedByTheDatabaseItself() {
        var ada = user("ada");
        session(ada, "ada-token");
        cacheOnBoth("ada-token");
        first.dsl.execute("update sessions set expires_at = cast(? as timestamptz) where user_id = ?", NOW.minusSeconds(1).toString(),
                ada.value());
        waitFor("both instances to refuse the shortened session",
                () -> first.check("ada-token", NOW).isEmpty() && second.check("ada-token", NOW).isEmpty());
    }

    @Test
    void aRecordedUseAProfileEditOrARolledBackRevocationAnnounceNothing() {
        var ada = user("ada");
        var adas = session(ada, "ada-token");
        long heard = second.listener.notificationsReceived();

        assertTrue(first.check("ada-token", NOW).isPresent());
        assertTrue(first.check("ada-token", NOW.plus(Duration.ofMinutes(2))).isPresent());
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(2))),
                first.tx.inTransaction(() -> first.sessions.activeByTokenHash(BearerTokens.hash("ada-token"), NOW)).orElseThrow().lastUsedAt(),
                "the use was recorded");
        first.dsl.execute("update users set display_name = 'Ada L.', updated_at = now() where id = ?", ada.value());
        assertThrows(IllegalStateException.class, () -> first.tx.inTransaction(() -> {
            first.sessions.revoke(ada, adas, NOW);
            throw new IllegalStateException("the sign-out fails");
        }));
        first.tx.run(() -> first.accounts.setPremium(ada, true, NOW));
        first.tx.run(() -> first.accounts.setPremium(ada, false, NOW));

        // announcements keep their order: had anything before announced, a third would have arrived by the second flag's
        waitFor("the premium flags' announcements", () -> second.listener.notificationsReceived() >= heard + 2);
        assertEquals(heard + 2, second.listener.notificationsReceived(), "only the two premium flags were announced");
        assertTrue(second.check("ada-token", NOW.plus(Duration.ofMinutes(2))).isPresent(), "the rolled-back sign-out left the session active");
    }

    @Test
    void aListenerThatLosesItsConnectionStopsAnsweringFromMemoryUntilItListensAgain() {
        var ada = user("ada");
        session(ada, "ada-token");
        cacheOnBoth("ada-token");
        int terminated = first.dsl.fetchOne("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                + "where datname = current_database() and application_name = 'praxis-listener-" + BearerCache.CHANNEL + "'").get(0, Integer.class);
        assertEquals(2, terminated, "both listeners' connections are cut");
        waitFor("the listeners to notice", () -> first.listener.connectionsMade() >= 2 && second.listener.connectionsMade() >= 2
                && first.listener.isListening() && second.listener.isListening());
        assertEquals(0, second.cache.size(), "whatever was announced meanwhile is lost: nothing kept from before");
        int before = second.databaseChecks.get();
        assertTrue(second.check("ada-token", NOW).isPresent());
        assertTrue(second.check("ada-token", NOW).isPresent());
        assertEquals(before + 1, second.databaseChecks.get(), "from memory again once listening");
    }

    @Test
    void theWritingInstanceDropsTheUsersChecksAtItsCommitWithoutWaitingForTheAnnouncement() throws Exception {
        // a cache that hears no announcement (as if every one came late): only the instance's own drops act
        var alone = new BearerCache();
        alone.listening();
        var sessions = new CachingSessions(new JooqSessions(first.dsl), alone);
        var accounts = new JooqAccounts(first.dsl, alone);
        var ada = user("ada");
        var adas = session(ada, "ada-token");
        java.util.function.Supplier<Optional<Bearer>> check =
                () -> first.tx.oneStatement(() -> sessions.useActive(BearerTokens.hash("ada-token"), NOW, MINUTE));
        assertEquals(Role.LEARNER, check.get().orElseThrow().account().role());
        assertEquals(1, alone.size());

        var elsewhere = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            first.tx.run(() -> {
                accounts.setRole(ada, Role.AUTHOR, NOW);
                // another request's check meanwhile reads the committed row, the old role, and is kept for now
                try {
                    assertEquals(Role.LEARNER, elsewhere.submit(check::get).get().orElseThrow().account().role());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                assertEquals(1, alone.size());
            });
        } finally {
            elsewhere.shutdownNow();
        }
        assertEquals(Role.AUTHOR, check.get().orElseThrow().account().role(), "dropped again once committed");

        first.tx.run(() -> sessions.revoke(ada, adas, NOW));
        assertEquals(Optional.empty(), check.get());
        assertEquals(0, alone.size());
    }

    @Test
    void aDeafCacheAnswersNothingFromMemory() {
        var ada = user("ada");
        session(ada, "ada-token");
        second.listener.close();
        assertFalse(second.cache.serving());
        int before = second.databaseChecks.get();
        assertTrue(second.check("ada-token", NOW).isPresent());
        assertTrue(second.check("ada-token", NOW).isPresent());
        assertEquals(before + 2, second.databaseChecks.get(), "each check asks the database");
    }

    private long[] heardByBoth() {
        return new long[] {first.listener.notificationsReceived(), second.listener.notificationsReceived()};
    }

    /** Both listeners heard one more announcement since {@code before}: later checks are not dropped by it. */
    private void awaitHeardByBoth(long[] before) {
        waitFor("both instances to hear the announcement", () -> first.listener.notificationsReceived() > before[0]
                && second.listener.notificationsReceived() > before[1]);
    }

    private void cacheOnBoth(String... tokens) {
        for (String token : tokens) {
            assertTrue(first.check(token, NOW).isPresent(), token);
            assertTrue(second.check(token, NOW).isPresent(), token);
        }
        int firstChecks = first.databaseChecks.get();
        int secondChecks = second.databaseChecks.get();
        for (String token : tokens) {
            assertTrue(first.check(token, NOW).isPresent(), token);
            assertTrue(second.check(token, NOW).isPresent(), token);
        }
        assertEquals(firstChecks, first.databaseChecks.get(), "cached on the first instance");
        assertEquals(secondChecks, second.databaseChecks.get(), "cached on the second instance");
    }

    private LearnerId user(String name) {
        var id = new LearnerId(UUID.randomUUID());
        first.tx.run(() -> first.accounts.create(new Account(id, name, Optional.of(name + "@example.org"), null, "UTC", null, null,
                Role.LEARNER, false, Optional.empty(), NOW.minus(Duration.ofDays(1)))));
        return id;
    }

    private UUID session(LearnerId user, String token) {
        var id = UUID.randomUUID();
        first.tx.run(() -> first.sessions.create(new Sessions.Session(id, user, NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1)),
                Optional.empty(), Optional.empty()), BearerTokens.hash(token)));
        return id;
    }

    /** The database's sessions, counting the request checks that reach it. */
    private record CountingSessions(Sessions delegate, AtomicInteger checks) implements Sessions {
        @Override
        public void create(Session session, byte[] tokenHash) {
            delegate.create(session, tokenHash);
        }

        @Override
        public Optional<Session> activeByTokenHash(byte[] tokenHash, Instant now) {
            return delegate.activeByTokenHash(tokenHash, now);
        }

        @Override
        public Optional<Bearer> useActive(byte[] tokenHash, Instant now, Duration touchEvery) {
            checks.incrementAndGet();
            return delegate.useActive(tokenHash, now, touchEvery);
        }

        @Override
        public java.util.List<Session> activeOf(LearnerId user, Instant now) {
            return delegate.activeOf(user, now);
        }

        @Override
        public boolean revoke(LearnerId user, UUID session, Instant at) {
            return delegate.revoke(user, session, at);
        }

        @Override
        public int revokeAll(LearnerId user, Optional<UUID> keep, Instant at) {
            return delegate.revokeAll(user, keep, at);
        }
    }
}
