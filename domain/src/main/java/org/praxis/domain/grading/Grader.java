package org.praxis.domain.grading;

/**
 * Judges one submitted answer (GR1). A grader is built for one problem from its
 * {@link GraderSettings}, so {@code grade} needs only the answer. The built-in graders
 * ({@link BuiltInGraders}) need no I/O; graders that do (the SQL sandbox, the AI judge, the code
 * runner) implement this interface outside the domain, from the {@link GraderSettings.External} settings.
 *
 * <p>Contract for every implementation: never throw for any answer, including {@code null}, empty
 * or huge ones: a wrong or malformed answer is {@link Verdict.Outcome#INCORRECT} with feedback that
 * helps but never reveals an accepted answer, and an answer that could not be judged (the sandbox
 * timed out, the judge was unreachable) is {@link Verdict.Outcome#ERROR}.
 */
@FunctionalInterface
public interface Grader {
    Verdict grade(String answer);
}
