package org.praxis.application.progress.port.in;

import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;

import org.praxis.application.progress.port.in.SubmissionView;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.identity.Actor;

/** Grade an answer and apply everything it earns, in one transaction (PR2, GR1, SC1-SC5, GA1-GA3). */
public interface SubmitAnswerUseCase {
    int MAX_ANSWER_LENGTH = 100_000;
    int MAX_KEY_LENGTH = 200;

    Outcome submit(Command command);

    /** {@code key}: the caller's Idempotency-Key; the same key with the same body replays the first answer. */
    record Command(Actor actor, ProblemSlug problem, String answer, Optional<String> key) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(key, "key");
        }
    }

    sealed interface Outcome {
        /** Graded now. */
        record Graded(SubmissionView submission) implements Outcome {
        }

        /** The key was used before with this very request: the first answer, unchanged, and nothing awarded again. */
        record Replayed(SubmissionView submission) implements Outcome {
        }

        /** Queued as a grading job (PR6) that did not complete within the wait: poll the job. */
        record Queued(java.util.UUID job) implements Outcome {
        }

        /** The problem's module needs other modules completed first. */
        record Locked(ProblemSlug problem, SortedSet<ModuleSlug> missingPrerequisites) implements Outcome {
        }
    }
}
