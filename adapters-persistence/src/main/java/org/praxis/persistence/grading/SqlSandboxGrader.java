package org.praxis.persistence.grading;

import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;

import org.praxis.domain.grading.Grader;
import org.praxis.domain.grading.GraderSettings.SqlDataSet;
import org.praxis.domain.grading.GraderSettings.SqlResult;
import org.praxis.domain.grading.ResultComparison;
import org.praxis.domain.grading.Score;
import org.praxis.domain.grading.TestResult;
import org.praxis.domain.grading.Verdict;

/**
 * Grades one SQL problem (GR2): the learner's one query on every data set, one {@link TestResult}
 * each. Hidden data sets report pass or fail only: neither comparison feedback nor error messages,
 * which could quote their rows, leave the grader for them.
 */
public final class SqlSandboxGrader implements Grader {
    private final SqlSandbox sandbox;
    private final SqlResult problem;

    public SqlSandboxGrader(SqlSandbox sandbox, SqlResult problem) {
        this.sandbox = Objects.requireNonNull(sandbox);
        this.problem = Objects.requireNonNull(problem);
    }

    @Override
    public Verdict grade(String answer) {
        Optional<String> notOne = SingleStatement.problemWith(answer);
        if (notOne.isPresent()) {
            return Verdict.error(notOne.get());
        }
        var comparison = new ResultComparison(problem.comparison());
        var results = new ArrayList<TestResult>();
        int passed = 0;
        for (SqlDataSet dataSet : problem.dataSets()) {
            SqlSandbox.Run run = sandbox.run(problem, dataSet, answer);
            if (run instanceof SqlSandbox.Run.ProblemFailed failed) {
                return Verdict.error("This problem could not be graded (" + failed.message().lines().findFirst().orElse("")
                        + "); the answer was not counted against you.");
            }
            if (run instanceof SqlSandbox.Run.AnswerFailed failed) {
                if (!dataSet.hidden() || failed.overLimit()) {
                    // a failure on visible data, or over the limits anywhere, says nothing about hidden rows
                    return Verdict.error(failed.message());
                }
                results.add(new TestResult(dataSet.name(), false, true, "", 0));
                continue;
            }
            var compared = (SqlSandbox.Run.Compared) run;
            Optional<String> difference = comparison.difference(compared.expected(), compared.actual());
            difference.ifPresentOrElse(
                    what -> results.add(new TestResult(dataSet.name(), false, dataSet.hidden(), dataSet.hidden() ? "" : what, compared.runMillis())),
                    () -> results.add(new TestResult(dataSet.name(), true, dataSet.hidden(), "", compared.runMillis())));
            if (difference.isEmpty()) {
                passed++;
            }
        }
        int total = results.size();
        if (passed == total) {
            return Verdict.correct("Correct: the query gives the expected result on all " + total + " data sets.", results);
        }
        String first = results.stream().filter(r -> !r.passed() && !r.hidden()).findFirst()
                .map(r -> " On the " + r.name() + " data: " + r.message() + ".")
                .orElse(" It fails on hidden data: think about empty tables, ties, duplicates and NULLs.");
        return Verdict.incorrect(new Score(Math.min(99, passed * 100 / total)),
                "Not quite: " + passed + " of " + total + " data sets give the expected result." + first, results);
    }
}
