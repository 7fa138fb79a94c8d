package org.praxis.persistence.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.persistence.testing.CountedDatabase;
import org.praxis.persistence.testing.FreshDatabase;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The round-trip counter against cases whose count is known, and {@link Pipeline} measured with it:
 * several statements in one prepared statement, and deferred writes, are one round trip each.
 */
@ExtendWith(FreshDatabase.class)
class WireCounterTest {
    private static CountedDatabase db;
    private static DSLContext dsl;
    private static JooqTransactions tx;

    @BeforeAll
    static void start(HikariDataSource dataSource) {
        db = CountedDatabase.over(dataSource, 1);
        dsl = Jooq.over(db.dataSource());
        tx = new JooqTransactions(dsl);
        dsl.execute("create table t (n int primary key)");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void empty() {
        dsl.execute("truncate t");
        // a connection is checked out and validated once before counting starts
        db.counter().record(true);
        db.counter().reset();
    }

    @Test
    void threeStatementsInAutocommitAreThreeRoundTrips() throws Exception {
        try (var c = db.dataSource().getConnection(); var s = c.prepareStatement("insert into t values (?)")) {
            db.counter().reset();
            for (int n = 1; n <= 3; n++) {
                s.setInt(1, n);
                s.executeUpdate();
            }
        }
        assertEquals(3, db.counter().roundTrips());
        assertEquals(List.of(List.of("insert into t values ($1)"), List.of("insert into t values ($1)"),
                List.of("insert into t values ($1)")), db.counter().recorded());
    }

    @Test
    void aJdbcBatchIsOneRoundTrip() throws Exception {
        try (var c = db.dataSource().getConnection(); var s = c.prepareStatement("insert into t values (?)")) {
            db.counter().reset();
            for (int n = 1; n <= 3; n++) {
                s.setInt(1, n);
                s.addBatch();
            }
            s.executeBatch();
        }
        assertEquals(1, db.counter().roundTrips());
        assertEquals(3, db.counter().recorded().get(0).size());
    }

    @Test
    void aSimpleQueryIsOneRoundTrip() throws Exception {
        try (var c = db.dataSource().getConnection(); var s = c.createStatement()) {
            db.counter().reset();
            s.execute("insert into t values (1); insert into t values (2)");
        }
        assertEquals(1, db.counter().roundTrips());
    }

    @Test
    void aTransactionOfTwoStatementsIsThreeRoundTripsWithTheBeginPiggyBacked() {
        tx.inTransaction(() -> {
            dsl.insertInto(DSL.table("t"), DSL.field("n")).values(1).execute();
            return dsl.fetchCount(DSL.table("t"));
        });
        var trips = db.counter().recorded();
        assertEquals(3, trips.size(), trips.toString());
        assertEquals("BEGIN", trips.get(0).get(0));
        assertEquals("COMMIT", trips.get(2).get(0));
    }

    @Test
    void oneStatementIsOneRoundTripWithoutBeginOrCommit() {
        int n = tx.oneStatement(() -> dsl.resultQuery("with added as (insert into t values (5) returning n) select count(*) from t")
                .fetchOne(0, Integer.class));
        var trips = db.counter().recorded();
        assertEquals(1, trips.size(), trips.toString());
        assertEquals(1, trips.get(0).size(), trips.toString());
        assertEquals(0, n, "the statement's snapshot predates its own insert");
        assertEquals(1, dsl.fetchCount(DSL.table("t")), "committed on its own");
    }

    @Test
    void pipelinedQueriesAreOneRoundTripAndEachSeesTheOnesBefore() {
        Pipeline.fetch(dsl, List.of(dsl.select(DSL.count()).from(DSL.table("t"))));
        db.counter().reset();
        var results = tx.inTransaction(() -> Pipeline.fetch(dsl, List.of(
                dsl.insertInto(DSL.table("t"), DSL.field("n")).values(7),
                dsl.select(DSL.count()).from(DSL.table("t")),
                dsl.select(DSL.field("n", Integer.class)).from(DSL.table("t")))));
        assertEquals(2, db.counter().roundTrips(), "the statements, then the commit: " + db.counter().recorded());
        assertEquals(0, results.get(0).size());
        assertEquals(1, results.get(1).get(0).get(0, Integer.class));
        assertEquals(7, results.get(2).get(0).get(0, Integer.class));
    }

    @Test
    void deferredWritesGoTogetherWithTheNextStatementOrTheCommit() {
        long count = tx.inTransaction(() -> {
            Pipeline.write(dsl.insertInto(DSL.table("t"), DSL.field("n")).values(1));
            Pipeline.write(dsl.insertInto(DSL.table("t"), DSL.field("n")).values(2));
            long seen = dsl.fetchCount(DSL.table("t"));
            Pipeline.write(dsl.insertInto(DSL.table("t"), DSL.field("n")).values(3));
            Pipeline.write(dsl.update(DSL.table("t")).set(DSL.field("n", Integer.class), 4).where(DSL.field("n").eq(3)));
            return seen;
        });
        assertEquals(2, count, "a read sends the writes deferred before it first");
        var trips = db.counter().recorded();
        // BEGIN + two inserts; the count; the last two writes and the COMMIT together
        assertEquals(3, trips.size(), trips.toString());
        assertEquals(3, trips.get(2).size(), trips.toString());
        assertEquals("commit", trips.get(2).get(2).strip(), trips.toString());
        assertEquals(List.of(1, 2, 4), dsl.select(DSL.field("n", Integer.class)).from(DSL.table("t")).orderBy(DSL.field("n")).fetch(0, Integer.class));
    }

    @Test
    void aDeferredWriteThatFailsRollsTheTransactionBack() {
        dsl.execute("insert into t values (1)");
        assertThrows(DataAccessException.class, () -> tx.run(() -> {
            Pipeline.write(dsl.insertInto(DSL.table("t"), DSL.field("n")).values(2));
            Pipeline.write(dsl.insertInto(DSL.table("t"), DSL.field("n")).values(1));
        }));
        assertEquals(List.of(1), dsl.select(DSL.field("n", Integer.class)).from(DSL.table("t")).fetch(0, Integer.class));
        tx.run(() -> Pipeline.write(dsl.insertInto(DSL.table("t"), DSL.field("n")).values(3)));
        assertEquals(2, dsl.fetchCount(DSL.table("t")), "the connection is usable again and nothing was left pending");
    }

    @Test
    void withoutDeferredWritesTheCommitIsARoundTripOfItsOwn() {
        tx.inTransaction(() -> dsl.fetchCount(DSL.table("t")));
        var trips = db.counter().recorded();
        assertEquals(2, trips.size(), trips.toString());
        assertEquals(List.of("COMMIT"), trips.get(1), trips.toString());
    }

    @Test
    void aNestedTransactionsDeferredWritesDoNotCommitTheOuterOne() {
        assertThrows(IllegalStateException.class, () -> tx.run(() -> {
            Pipeline.write(dsl.insertInto(DSL.table("t"), DSL.field("n")).values(1));
            tx.run(() -> Pipeline.write(dsl.insertInto(DSL.table("t"), DSL.field("n")).values(2)));
            throw new IllegalStateException("the outer transaction fails after the inner one committed");
        }));
        assertEquals(0, dsl.fetchCount(DSL.table("t")), "the outer rollback took the savepoint's writes with it");
        db.counter().reset();
        tx.run(() -> {
            tx.run(() -> Pipeline.write(dsl.insertInto(DSL.table("t"), DSL.field("n")).values(2)));
            Pipeline.write(dsl.insertInto(DSL.table("t"), DSL.field("n")).values(3));
        });
        var trips = db.counter().recorded();
        var last = trips.get(trips.size() - 1);
        assertEquals("commit", last.get(last.size() - 1).strip(), trips.toString());
        assertEquals(List.of(2, 3), dsl.select(DSL.field("n", Integer.class)).from(DSL.table("t")).orderBy(DSL.field("n")).fetch(0, Integer.class));
    }

    @Test
    void outsideATransactionADeferredWriteRunsAtOnce() {
        Pipeline.write(dsl.insertInto(DSL.table("t"), DSL.field("n")).values(5));
        assertEquals(1, db.counter().roundTrips());
        assertEquals(1, dsl.fetchCount(DSL.table("t")));
    }
}
