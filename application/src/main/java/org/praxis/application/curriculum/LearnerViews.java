package org.praxis.application.curriculum;

import java.util.List;
import java.util.Optional;

import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.AnswerFormat;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.Example;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.ProblemView;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.ProgressView;
import org.praxis.domain.curriculum.ProblemContent;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.grading.GraderSettings;

/**
 * What a learner may see of a problem: everything needed to answer it, nothing that gives the answer
 * away. No solution, no accepted answers, patterns or correct options, no reference query, no hidden
 * test case, no rubric.
 */
final class LearnerViews {
    private LearnerViews() {
    }

    static ProblemView problem(ProblemSlug slug, ProblemContent content, Optional<Integer> version, Optional<ProgressView> progress) {
        return new ProblemView(slug.value(), content.title(), content.kind(), content.difficulty(), content.topic().value(),
                content.statement(), content.hints().size(), content.basePoints(), content.timeBonusPoints(), content.estimatedSeconds(),
                version, content.tags(), content.company(), content.premium(), content.starterCode(), answerFormat(content.grader()),
                progress);
    }

    static AnswerFormat answerFormat(GraderSettings grader) {
        if (grader instanceof GraderSettings.ExactAnswer || grader instanceof GraderSettings.RegularExpression) {
            return format("text");
        }
        if (grader instanceof GraderSettings.Numeric) {
            return format("number");
        }
        if (grader instanceof GraderSettings.SingleChoice choice) {
            return new AnswerFormat("single-choice", choice.options(), Optional.empty(), List.of());
        }
        if (grader instanceof GraderSettings.MultipleChoice choice) {
            return new AnswerFormat("multiple-choice", choice.options(), Optional.empty(), List.of());
        }
        if (grader instanceof GraderSettings.SqlResult sql) {
            return new AnswerFormat("sql", List.of(), Optional.of(sql.learnerSetup()), List.of());
        }
        if (grader instanceof GraderSettings.TestSuite suite) {
            return new AnswerFormat("code", List.of(), Optional.empty(), suite.cases().stream()
                    .filter(testCase -> !testCase.hidden())
                    .map(testCase -> new Example(testCase.name(), testCase.input(), testCase.expectedOutput()))
                    .toList());
        }
        return format("prose");
    }

    private static AnswerFormat format(String type) {
        return new AnswerFormat(type, List.of(), Optional.empty(), List.of());
    }
}
