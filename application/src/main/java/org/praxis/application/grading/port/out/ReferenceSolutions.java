package org.praxis.application.grading.port.out;

import java.util.List;
import java.util.Objects;

import org.praxis.domain.grading.GraderSettings;

/**
 * Runs a problem's reference solution on each of its data sets, the way its grader will (GR2: a SQL
 * problem's reference query must run and produce a result on every test case). Content sync refuses a
 * problem with a failure, so a broken reference never reaches a learner.
 */
public interface ReferenceSolutions {

    /**
     * Every failure, in data set order (the sample first); empty when the reference runs to a result on
     * every data set, or when the grader has no reference to run.
     */
    List<Failure> check(GraderSettings grader);

    /** Which part of the problem failed. */
    enum Part {
        /** the checker itself could not run (the sandbox is down): nothing is known about the problem */
        CHECKER,
        /** the problem's tables did not load */
        SCHEMA,
        /** a data set's rows did not load */
        ROWS,
        /** the reference solution failed, ran over a limit, or returned no result set */
        REFERENCE
    }

    /**
     * @param dataSet the data set's name ({@code sample} for the sample rows); empty for {@link Part#CHECKER}
     * @param hidden  whether the data set is hidden from learners
     * @param detail  what went wrong, for the author ("ERROR: division by zero")
     */
    record Failure(String dataSet, boolean hidden, Part part, String detail) {
        public Failure {
            Objects.requireNonNull(dataSet, "data set");
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** No checker: every reference passes (content checked without a sandbox). */
    static ReferenceSolutions none() {
        return grader -> List.of();
    }
}
