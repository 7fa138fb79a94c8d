package org.praxis.domain.curriculum;

import java.util.Objects;
import java.util.Set;
import org.praxis.domain.grading.GraderSettings;

/**
 * What the learner does on a problem (CU2). The kind is about the task; how an answer is checked is
 * the problem's {@link org.praxis.domain.grading.GraderSettings}, and {@link ProblemContent} only
 * accepts settings that fit the kind.
 */
public enum ProblemKind {
    /** Type a short answer, checked by exact match or a regular expression. */
    ANSWER(GraderSettings.ExactAnswer.TYPE, GraderSettings.RegularExpression.TYPE),
    /** Type a number, checked with a tolerance. */
    NUMERIC(GraderSettings.Numeric.TYPE),
    /** Pick one or several of the listed options. */
    CHOICE(GraderSettings.SingleChoice.TYPE, GraderSettings.MultipleChoice.TYPE),
    /** Write a query, run in a sandbox and compared with the reference solution (seed 003). */
    SQL(GraderSettings.SqlResult.TYPE),
    /** Write code, run against visible and hidden test cases (seed 001). */
    CODE(GraderSettings.TestSuite.TYPE),
    /** Review or refactor given code (seed 002): judged by a model, or by tests for a refactoring. */
    CODE_REVIEW(GraderSettings.AiJudge.TYPE, GraderSettings.TestSuite.TYPE),
    /** Diagnose what is wrong with a model or data set, judged against a reference explanation (seed 000). */
    DIAGNOSIS(GraderSettings.AiJudge.TYPE),
    /** Answer in prose, judged against a reference answer. */
    FREE_TEXT(GraderSettings.AiJudge.TYPE);

    private final Set<String> graderTypes;

    ProblemKind(String... graderTypes) {
        this.graderTypes = Set.of(graderTypes);
    }

    /** The {@link GraderSettings#type()}s that can check this kind of answer. */
    public Set<String> graderTypes() {
        return graderTypes;
    }

    public boolean accepts(GraderSettings settings) {
        return graderTypes.contains(Objects.requireNonNull(settings, "settings").type());
    }
}
