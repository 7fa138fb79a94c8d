package org.praxis.application.progress.port.in;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.progress.ProgressStatus;

/** Opening work on a problem (PR3) and revealing its hints (SC2). */
public interface WorkOnProblemUseCase {

    /** Starts the problem session (the time bonus counts from here); starting again changes nothing. */
    MyProgress start(Actor actor, ProblemSlug problem);

    /** Reveals hint {@code number} (from 1); its penalty applies to a later solution, once however often it is revealed. */
    RevealedHint revealHint(Actor actor, ProblemSlug problem, int number);

    record RevealedHint(int number, String text, int penalty) {
    }

    record MyProgress(ProblemSlug problem, ProgressStatus status, int attempts, int bestScore, Optional<Instant> startedAt,
            Optional<Instant> completedAt, Set<Integer> hintsRevealed) {
    }
}
