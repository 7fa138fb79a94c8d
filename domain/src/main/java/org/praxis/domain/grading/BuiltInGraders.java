package org.praxis.domain.grading;

import java.util.Objects;
import java.util.Optional;

/** Makes the grader for built-in settings: the graders that need no I/O and live in the domain. */
public final class BuiltInGraders {
    private BuiltInGraders() {
    }

    public static Grader forSettings(GraderSettings.BuiltIn settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings instanceof GraderSettings.ExactAnswer exact) {
            return new ExactAnswerGrader(exact);
        }
        if (settings instanceof GraderSettings.Numeric numeric) {
            return new NumericGrader(numeric);
        }
        if (settings instanceof GraderSettings.SingleChoice single) {
            return new SingleChoiceGrader(single);
        }
        if (settings instanceof GraderSettings.MultipleChoice multiple) {
            return new MultipleChoiceGrader(multiple);
        }
        if (settings instanceof GraderSettings.RegularExpression regex) {
            return new RegexGrader(regex);
        }
        throw new IllegalStateException("unhandled built-in settings " + settings.type());
    }

    /** The built-in grader for {@code settings}, or empty when an adapter must grade them (SQL, tests, AI judge). */
    public static Optional<Grader> find(GraderSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return settings instanceof GraderSettings.BuiltIn builtIn ? Optional.of(forSettings(builtIn)) : Optional.empty();
    }
}
