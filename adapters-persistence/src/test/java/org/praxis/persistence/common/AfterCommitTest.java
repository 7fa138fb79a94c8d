package org.praxis.persistence.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.persistence.testing.FreshDatabase;

@ExtendWith(FreshDatabase.class)
class AfterCommitTest {
    private final DSLContext dsl;
    private final JooqTransactions tx;
    private final List<String> done = new ArrayList<>();

    AfterCommitTest(DataSource dataSource) {
        dsl = Jooq.over(dataSource);
        tx = new JooqTransactions(dsl);
    }

    @Test
    void workWaitsForTheOutermostCommit() {
        tx.run(() -> {
            AfterCommit.run(() -> done.add("outer"));
            tx.run(() -> AfterCommit.run(() -> done.add("nested")));
            assertEquals(List.of(), done, "nothing before the commit");
        });
        assertEquals(List.of("outer", "nested"), done);
    }

    @Test
    void aRollbackDropsTheWorkAndTheNextTransactionStartsClean() {
        assertThrows(IllegalStateException.class, () -> tx.run(() -> {
            AfterCommit.run(() -> done.add("rolled back"));
            throw new IllegalStateException("no");
        }));
        tx.run(() -> AfterCommit.run(() -> done.add("committed")));
        assertEquals(List.of("committed"), done);
    }

    @Test
    void aCommitThatFailsDropsTheWork() {
        // the deferred write travels with the COMMIT and fails it: jOOQ still calls commitEnd
        var failure = assertThrows(DataAccessException.class, () -> tx.run(() -> {
            AfterCommit.run(() -> done.add("not committed"));
            Pipeline.write(dsl.query("insert into roles (name, description) values ('learner', 'a second learner role')"));
        }));
        assertEquals("23505", JooqTransactions.SqlStates.of(failure));
        assertEquals(List.of(), done);
        tx.run(() -> AfterCommit.run(() -> done.add("committed")));
        assertEquals(List.of("committed"), done);
    }

    @Test
    void outsideATransactionTheWorkRunsAtOnce() {
        AfterCommit.run(() -> done.add("now"));
        assertEquals(List.of("now"), done);
    }
}
