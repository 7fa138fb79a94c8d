package org.praxis.domain.grading;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Grades {@link GraderSettings.ExactAnswer}: the normalised answer equals a normalised accepted answer. */
final class ExactAnswerGrader implements Grader {
    static final int MAX_ANSWER_LENGTH = 10_000;

    private final Normalisation normalisation;
    private final Set<String> accepted;
    // Near misses get a precise hint; computed once, they cost nothing per answer.
    private final Set<String> acceptedIgnoringCase;
    private final Set<String> acceptedIgnoringSpacing;

    ExactAnswerGrader(GraderSettings.ExactAnswer settings) {
        this.normalisation = settings.normalisation();
        this.accepted = normaliseAll(settings.accepted(), normalisation);
        this.acceptedIgnoringCase = normaliseAll(settings.accepted(), new Normalisation(false, settings.normaliseWhitespace()));
        this.acceptedIgnoringSpacing = normaliseAll(settings.accepted(), new Normalisation(settings.caseSensitive(), true));
    }

    @Override
    public Verdict grade(String answer) {
        String raw = answer == null ? "" : answer;
        if (raw.length() > MAX_ANSWER_LENGTH) {
            return incorrect(Feedback.tooLong(MAX_ANSWER_LENGTH));
        }
        String normal = normalisation.apply(raw);
        if (normal.isBlank()) {
            return incorrect(Feedback.EMPTY);
        }
        if (accepted.contains(normal)) {
            return Verdict.correct(Feedback.CORRECT, List.of());
        }
        if (normalisation.caseSensitive()
                && acceptedIgnoringCase.contains(new Normalisation(false, normalisation.normaliseWhitespace()).apply(raw))) {
            return incorrect(Feedback.CHECK_CASE);
        }
        if (!normalisation.normaliseWhitespace()
                && acceptedIgnoringSpacing.contains(new Normalisation(normalisation.caseSensitive(), true).apply(raw))) {
            return incorrect(Feedback.CHECK_SPACING);
        }
        return incorrect(Feedback.WRONG_ANSWER);
    }

    private static Verdict incorrect(String feedback) {
        return Verdict.incorrect(Score.ZERO, feedback, List.of());
    }

    private static Set<String> normaliseAll(List<String> answers, Normalisation normalisation) {
        var result = new HashSet<String>();
        for (String answer : answers) {
            result.add(normalisation.apply(answer));
        }
        return Set.copyOf(result);
    }
}
