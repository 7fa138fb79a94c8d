package org.praxis.application.operations;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.praxis.application.grading.Grading;
import org.praxis.application.operations.port.out.SampleData;
import org.praxis.application.progress.port.out.PracticeProblems.PracticeProblem;
import org.praxis.domain.grading.GraderSettings;
import org.praxis.domain.grading.TestResult;
import org.praxis.domain.grading.Verdict;

/**
 * A right and a wrong answer to a problem, each graded once by the grader the learning loop uses, so a
 * sample submission carries the verdict a real one with that answer would get. A problem takes part
 * only when one of its candidate answers is graded correct.
 */
record SampleAnswers(PracticeProblem problem, SampleData.Answer right, SampleData.Answer wrong) {

    static Optional<SampleAnswers> of(PracticeProblem problem, Grading grading) {
        var settings = problem.content().grader();
        for (String candidate : rightCandidates(settings, problem.content().solution())) {
            var graded = grading.grade(settings, candidate);
            if (graded.verdict().outcome() == Verdict.Outcome.CORRECT) {
                String wrong = wrong(settings);
                var wrongGraded = grading.grade(settings, wrong);
                if (wrongGraded.verdict().outcome() == Verdict.Outcome.CORRECT) {
                    return Optional.empty();
                }
                return Optional.of(new SampleAnswers(problem, answer(problem, candidate, graded), answer(problem, wrong, wrongGraded)));
            }
        }
        return Optional.empty();
    }

    private static SampleData.Answer answer(PracticeProblem problem, String text, Grading.Graded graded) {
        var tests = graded.verdict().tests();
        return new SampleData.Answer(problem.id(), problem.version(), text, graded,
                tests.isEmpty() ? Optional.empty() : Optional.of(tests.stream().mapToLong(TestResult::runMillis).sum()));
    }

    private static List<String> rightCandidates(GraderSettings settings, String solution) {
        var candidates = new LinkedHashSet<String>();
        if (settings instanceof GraderSettings.ExactAnswer exact) {
            candidates.add(exact.accepted().get(0));
        } else if (settings instanceof GraderSettings.Numeric numeric) {
            candidates.add(numeric.value().toPlainString());
        } else if (settings instanceof GraderSettings.SingleChoice single) {
            candidates.add(Integer.toString(single.correct()));
        } else if (settings instanceof GraderSettings.MultipleChoice multiple) {
            candidates.add(multiple.correct().stream().map(String::valueOf).collect(Collectors.joining(",")));
        } else if (settings instanceof GraderSettings.SqlResult sql) {
            candidates.add(sql.referenceSolution());
        }
        candidates.addAll(fromSolution(solution));
        return new ArrayList<>(candidates);
    }

    /** The official solution's headline ("# Solution: `x = 5` ..."), for graders whose settings hold no answer (patterns). */
    private static List<String> fromSolution(String solution) {
        var headline = solution.lines().filter(l -> l.startsWith("# Solution:")).findFirst();
        if (headline.isEmpty()) {
            return List.of();
        }
        String rest = headline.get().substring("# Solution:".length()).strip();
        var found = new ArrayList<String>();
        int open = rest.indexOf('`');
        int close = open < 0 ? -1 : rest.indexOf('`', open + 1);
        if (close > open + 1) {
            found.add(rest.substring(open + 1, close));
        }
        found.add(rest);
        int bracket = rest.indexOf(" (");
        if (bracket > 0) {
            found.add(rest.substring(0, bracket).strip());
        }
        if (!rest.isEmpty()) {
            found.add(rest.split("\\s+")[0]);
        }
        return found;
    }

    private static String wrong(GraderSettings settings) {
        if (settings instanceof GraderSettings.Numeric numeric) {
            return numeric.value().add(numeric.tolerance()).add(BigDecimal.valueOf(7)).toPlainString();
        } else if (settings instanceof GraderSettings.SingleChoice single) {
            return Integer.toString((single.correct() + 1) % single.options().size());
        } else if (settings instanceof GraderSettings.MultipleChoice multiple) {
            for (int i = 0; i < multiple.options().size(); i++) {
                if (!multiple.correct().contains(i)) {
                    return Integer.toString(i);
                }
            }
            return Integer.toString(multiple.correct().first());
        } else if (settings instanceof GraderSettings.SqlResult) {
            return "select 1 as answer";
        }
        return "not sure";
    }
}
