package org.praxis.application.grading;

import org.praxis.application.grading.port.out.GraderIdentity;
import java.util.Objects;

import org.praxis.application.grading.port.out.ExternalGraders;
import org.praxis.domain.grading.BuiltInGraders;
import org.praxis.domain.grading.GraderSettings;
import org.praxis.domain.grading.Verdict;

/** Picks the grader for a problem's settings and grades; never throws for an answer. */
public final class Grading {
    /** Bumped whenever a built-in grader's behaviour changes, so old verdicts can be told apart. */
    public static final String BUILT_IN_VERSION = "praxis-1";

    private final ExternalGraders external;

    public Grading(ExternalGraders external) {
        this.external = Objects.requireNonNull(external);
    }

    public Graded grade(GraderSettings settings, String answer) {
        if (settings instanceof GraderSettings.BuiltIn builtIn) {
            var verdict = BuiltInGraders.forSettings(builtIn).grade(answer);
            return new Graded(verdict, new GraderIdentity(settings.type(), BUILT_IN_VERSION));
        }
        var found = external.find((GraderSettings.External) settings);
        if (found.isEmpty()) {
            return new Graded(Verdict.error("This kind of problem cannot be graded here yet: no " + settings.type()
                    + " grader is configured."), new GraderIdentity(settings.type(), "unavailable"));
        }
        Verdict verdict;
        try {
            verdict = found.get().grader().grade(answer);
        } catch (RuntimeException e) {
            verdict = Verdict.error("The grader failed to judge this answer; it was not counted against you.");
        }
        return new Graded(verdict, found.get().identity());
    }

    public record Graded(Verdict verdict, GraderIdentity grader) {
    }
}
