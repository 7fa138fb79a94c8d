package org.praxis.application.curriculum;

import java.util.ArrayList;
import java.util.List;

import org.praxis.application.curriculum.port.in.ValidateContentUseCase.ContentError;
import org.praxis.application.grading.port.out.ReferenceSolutions.Failure;
import org.praxis.domain.grading.GraderSettings;
import org.praxis.domain.grading.GraderSettings.SqlDataSet;

/**
 * A reference solution's failures as content errors, each naming the field to fix: the schema, the
 * rows of one data set, or the reference query and the data set it fails on.
 */
final class ReferenceErrors {
    private ReferenceErrors() {
    }

    static List<ContentError> of(String file, GraderSettings grader, List<Failure> failures) {
        var errors = new ArrayList<ContentError>();
        for (Failure failure : failures) {
            errors.add(switch (failure.part()) {
                case CHECKER -> new ContentError(file, "grader", failure.detail());
                case SCHEMA -> new ContentError(file, "grader.schema", "does not run: " + failure.detail());
                case ROWS -> new ContentError(file, rowsField(grader, failure.dataSet()), "do not load: " + failure.detail());
                case REFERENCE -> new ContentError(file, "grader.referenceSolution",
                        "must run and produce a result on every data set; on " + where(failure) + ": " + failure.detail());
            });
        }
        return errors;
    }

    private static String where(Failure failure) {
        if (failure.dataSet().equals(GraderSettings.SqlResult.SAMPLE)) {
            return "the sample rows";
        }
        return (failure.hidden() ? "hidden test case '" : "test case '") + failure.dataSet() + "'";
    }

    private static String rowsField(GraderSettings grader, String dataSet) {
        if (grader instanceof GraderSettings.SqlResult sql) {
            List<SqlDataSet> cases = sql.testCases();
            for (int i = 0; i < cases.size(); i++) {
                if (cases.get(i).name().equals(dataSet)) {
                    return "grader.testCases[" + i + "].rows";
                }
            }
        }
        return "grader.sampleRows";
    }
}
