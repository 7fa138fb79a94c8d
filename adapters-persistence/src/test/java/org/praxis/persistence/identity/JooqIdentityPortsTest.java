package org.praxis.persistence.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.application.common.Transactions;
import org.praxis.application.identity.contract.IdentityPortsContract;
import org.praxis.application.identity.port.out.Accounts;
import org.praxis.application.identity.port.out.Credentials;
import org.praxis.application.identity.port.out.ExternalIdentities;
import org.praxis.application.identity.port.out.FailedSignIns;
import org.praxis.application.identity.port.out.OneTimeTokens;
import org.praxis.application.identity.port.out.Sessions;
import org.praxis.domain.identity.ThrottlePolicy;
import org.praxis.persistence.common.Jooq;
import org.praxis.persistence.common.JooqTransactions;
import org.praxis.persistence.testing.FreshDatabase;

/** The identity contract on PostgreSQL, plus what only a real database can show (concurrency). */
@ExtendWith(FreshDatabase.class)
class JooqIdentityPortsTest extends IdentityPortsContract {
    private final DSLContext dsl;
    private final JooqTransactions tx;

    JooqIdentityPortsTest(DataSource dataSource) {
        dsl = Jooq.over(dataSource);
        tx = new JooqTransactions(dsl);
    }

    @Override
    protected Accounts accounts() {
        return new JooqAccounts(dsl, new BearerCache());
    }

    @Override
    protected Credentials credentials() {
        return new JooqCredentials(dsl);
    }

    @Override
    protected Sessions sessions() {
        return new JooqSessions(dsl);
    }

    @Override
    protected OneTimeTokens oneTimeTokens() {
        return new JooqOneTimeTokens(dsl);
    }

    @Override
    protected ExternalIdentities identities() {
        return new JooqExternalIdentities(dsl);
    }

    @Override
    protected FailedSignIns failures() {
        return new JooqFailedSignIns(dsl);
    }

    @Override
    protected Transactions tx() {
        return tx;
    }

    @Test
    void concurrentFailuresOnOneKeyAreAllCounted() throws Exception {
        var failures = new JooqFailedSignIns(dsl);
        var policy = ThrottlePolicy.PER_ACCOUNT;
        int threads = 6;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    tx.run(() -> {
                        var previous = failures.lockForUpdate("login:race");
                        failures.save("login:race", policy.afterFailure(previous.map(ThrottlePolicy.Failures::count).orElse(0),
                                previous.map(ThrottlePolicy.Failures::lastFailure).orElse(null), NOW));
                    });
                    return null;
                }));
            }
            start.countDown();
            for (var f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads, tx.inTransaction(() -> failures.lockForUpdate("login:race")).orElseThrow().count());
        assertEquals(1, tx.inTransaction(() -> failures.lockedUntil(List.of("login:race"))).stream().count());
    }

    @Test
    void everyoneStandsAtBeginnerUntilTheLearningLoopRecordsProgress() {
        var ada = account("ada");
        var standing = new JooqLearnerStandings(dsl, java.time.Clock.systemUTC()).of(ada.id());
        assertEquals(0, standing.points());
        assertEquals("Beginner", standing.rank().name());
        assertEquals(1, standing.rank().level());
    }
}
