package org.praxis.persistence.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.persistence.schema.Tables.PROBLEMS;
import static org.praxis.persistence.testing.Eventually.waitFor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.Command;
import org.praxis.domain.identity.Actor;
import org.praxis.persistence.common.JooqTransactions;
import org.praxis.persistence.testing.TestDatabase;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Published content is cached in each instance and every instance drops its cache when any of them
 * publishes (OP2): two instances on one database, as two service processes would be. No fixed sleeps:
 * the tests poll for a condition until a deadline.
 */
class CacheInvalidationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private HikariDataSource dataSource;
    private ContentInstance first;
    private ContentInstance second;

    @BeforeEach
    void twoInstances() throws InterruptedException {
        dataSource = TestDatabase.shared().freshDatabase();
        first = new ContentInstance(dataSource, CLOCK);
        second = new ContentInstance(dataSource, CLOCK);
        assertTrue(first.listener.awaitListening(PATIENCE));
        assertTrue(second.listener.awaitListening(PATIENCE));
        first.sync.sync(Command.of(ContentSyncOnPostgresTest.fixture("valid").toString(), false));
        waitFor("both instances to hear the sync", () -> first.listener.notificationsReceived() >= 1
                && second.listener.notificationsReceived() >= 1);
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
        dataSource.close();
    }

    private static Map<String, Object> document(int basePoints) {
        return Map.of("title", "Created", "kind", "answer", "difficulty", "intermediate", "topic", "http", "statement", "Which code?",
                "basePoints", basePoints, "answer", Map.of("accepted", List.of("201")));
    }

    /** Whether the second instance still answers from its cache: a row changed behind its back does not show. */
    private void secondServesFromCache() {
        second.catalogue.problem("http-status-created", Actor.anonymous());
        first.dsl.update(PROBLEMS).set(PROBLEMS.STATE, "archived").where(PROBLEMS.SLUG.eq("quarter-as-decimal")).execute();
        assertEquals(Optional.of(1), second.catalogue.problem("http-status-created", Actor.anonymous()).version());
    }

    @Test
    void aPublishOnOneInstanceIsSeenByTheOtherThroughListenNotify() {
        assertEquals(Optional.of(1), second.catalogue.problem("http-status-created", Actor.anonymous()).version());
        secondServesFromCache();
        long heard = second.listener.notificationsReceived();

        first.problems.saveDraft(Actor.OPERATOR, "http-status-created", document(95));
        first.problems.publish(Actor.OPERATOR, "http-status-created");

        assertEquals(95, first.catalogue.problem("http-status-created", Actor.anonymous()).basePoints(),
                "the publishing instance reads its own write at once");
        waitFor("the second instance to serve version 2",
                () -> second.catalogue.problem("http-status-created", Actor.anonymous()).version().equals(Optional.of(2)));
        assertEquals(95, second.catalogue.problem("http-status-created", Actor.anonymous()).basePoints());
        assertTrue(second.listener.notificationsReceived() > heard);
        assertThrows(org.praxis.application.common.NotFound.class,
                () -> second.catalogue.problem("quarter-as-decimal", Actor.anonymous()), "the whole cache was dropped");
    }

    @Test
    void aChangeThatRollsBackAnnouncesNothing() {
        var changes = new JooqContentChanges(first.dsl, first.cache);
        var tx = new JooqTransactions(first.dsl);
        long heard = second.listener.notificationsReceived();

        assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
            changes.announce("rolled back");
            throw new IllegalStateException("the change fails");
        }));
        tx.run(() -> changes.announce("committed"));

        waitFor("the committed announcement", () -> second.listener.notificationsReceived() > heard);
        assertEquals(heard + 1, second.listener.notificationsReceived(), "only the committed one arrived (notifications keep their order)");
    }

    @Test
    void theListenerReconnectsWhenItsConnectionDropsAndStillHearsChanges() {
        secondServesFromCache();
        int terminated = first.dsl.fetchOne("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                + "where datname = current_database() and application_name = 'praxis-listener-" + JooqContentChanges.CHANNEL + "'").get(0, Integer.class);
        assertEquals(2, terminated, "both listeners' connections are cut");

        waitFor("both listeners to reconnect", () -> first.listener.connectionsMade() >= 2 && second.listener.connectionsMade() >= 2
                && first.listener.isListening() && second.listener.isListening());
        first.problems.saveDraft(Actor.OPERATOR, "http-status-created", document(70));
        first.problems.publish(Actor.OPERATOR, "http-status-created");

        waitFor("the second instance to serve version 2 after reconnecting",
                () -> second.catalogue.problem("http-status-created", Actor.anonymous()).version().equals(Optional.of(2)));
    }
}
