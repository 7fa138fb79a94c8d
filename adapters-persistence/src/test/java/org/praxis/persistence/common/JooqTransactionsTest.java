package org.praxis.persistence.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.persistence.testing.FreshDatabase;

@ExtendWith(FreshDatabase.class)
class JooqTransactionsTest {
    private final DSLContext dsl;
    private final JooqTransactions transactions;

    JooqTransactionsTest(DataSource dataSource) {
        dsl = Jooq.over(dataSource);
        transactions = new JooqTransactions(dsl);
    }

    @BeforeEach
    void table() {
        dsl.execute("create table if not exists counter (n int not null)");
        dsl.execute("truncate counter");
    }

    @Test
    void workThatFailsLeavesNothingBehind() {
        assertThrows(IllegalStateException.class, () -> transactions.run(() -> {
            dsl.execute("insert into counter values (1)");
            throw new IllegalStateException("boom");
        }));
        assertEquals(0, dsl.fetchCount(dsl.selectFrom("counter")));
    }

    @Test
    void everyPortCallInsideTheWorkSharesTheTransaction() {
        int seen = transactions.inTransaction(() -> {
            dsl.execute("insert into counter values (1)");
            return dsl.fetchCount(dsl.selectFrom("counter"));
        });
        assertEquals(1, seen);
    }

    @Test
    void aSerializationFailureRunsTheWorkAgain() {
        var attempts = new AtomicInteger();
        int result = transactions.inTransaction(() -> {
            if (attempts.incrementAndGet() < 3) {
                dsl.execute("do $$ begin raise exception 'conflict' using errcode = '40001'; end $$");
            }
            dsl.execute("insert into counter values (1)");
            return attempts.get();
        });
        assertEquals(3, result);
        assertEquals(1, dsl.fetchCount(dsl.selectFrom("counter")), "only the successful attempt left a row");
    }

    @Test
    void otherFailuresAreNotRetried() {
        var attempts = new AtomicInteger();
        assertThrows(DataAccessException.class, () -> transactions.run(() -> {
            attempts.incrementAndGet();
            dsl.execute("select 1/0");
        }));
        assertEquals(1, attempts.get());
    }
}
