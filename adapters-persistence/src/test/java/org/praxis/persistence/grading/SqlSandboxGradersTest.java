package org.praxis.persistence.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.praxis.application.grading.port.out.GraderIdentity;
import org.praxis.domain.grading.GraderSettings;
import org.praxis.domain.grading.Verdict;

class SqlSandboxGradersTest {
    private static final GraderSettings.SqlResult SQL = new GraderSettings.SqlResult("create table t(x int);", "select x from t", false, 500);

    @Test
    void onlySqlProblemsAreGradedHere() {
        var graders = new SqlSandboxGraders(() -> {
            throw new AssertionError("not started for other kinds");
        });
        assertEquals(Optional.empty(), graders.find(new GraderSettings.TestSuite(List.of(new GraderSettings.TestCase("a", "", "1", false, 1, 1)))));
        assertEquals(Optional.empty(), graders.find(new GraderSettings.AiJudge("yes", "", 70)));
    }

    @Test
    void aSandboxThatCannotStartAnswersErrorAndIsTriedAgainNextTime() {
        var attempts = new AtomicInteger();
        var graders = new SqlSandboxGraders(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("cannot provision the SQL sandbox: connection refused");
        });
        var found = graders.find(SQL).orElseThrow();
        assertEquals(new GraderIdentity("sql", "postgres-sandbox-1"), found.identity());
        assertEquals(Verdict.error("SQL answers cannot be graded right now; the answer was not counted against you."), found.grader().grade("select 1"));
        graders.find(SQL);
        assertEquals(2, attempts.get());
    }
}
