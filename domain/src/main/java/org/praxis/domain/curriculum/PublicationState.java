package org.praxis.domain.curriculum;

import java.util.Objects;
import java.util.Set;

/**
 * Where a piece of content is in its life (CU3, seed 001 "Publishing States"). Learners only ever see
 * PUBLISHED content. The allowed moves:
 * <pre>
 *   DRAFT     -&gt; PUBLISHED   publish
 *   DRAFT     -&gt; ARCHIVED    abandon a draft
 *   PUBLISHED -&gt; ARCHIVED    retire; learners' progress and submissions stay
 *   ARCHIVED  -&gt; DRAFT       restore, to be reviewed and published again
 * </pre>
 * Not allowed: PUBLISHED -&gt; DRAFT (unpublishing would hide content learners have worked on without
 * retiring it; edits of published content go into the draft while the published version stays
 * visible), ARCHIVED -&gt; PUBLISHED (restored content is reviewed as a draft first), and staying in
 * place (a no-op move is a caller bug; publishing a new version is not a state move).
 */
public enum PublicationState {
    DRAFT, PUBLISHED, ARCHIVED;

    public boolean isVisibleToLearners() {
        return this == PUBLISHED;
    }

    public Set<PublicationState> allowedMoves() {
        return switch (this) {
            case DRAFT -> Set.of(PUBLISHED, ARCHIVED);
            case PUBLISHED -> Set.of(ARCHIVED);
            case ARCHIVED -> Set.of(DRAFT);
        };
    }

    public boolean canMoveTo(PublicationState next) {
        return allowedMoves().contains(Objects.requireNonNull(next, "next"));
    }

    /** The move as a value, for callers that report a refusal (an author's 409) rather than fail. */
    public Move move(PublicationState next) {
        return canMoveTo(next)
                ? new Move.Allowed(this, next)
                : new Move.Rejected(this, next, "cannot move content from " + this + " to " + next + "; allowed: " + sorted(allowedMoves()));
    }

    /** The new state, or a {@link CurriculumViolation} naming the illegal move. */
    public PublicationState moveTo(PublicationState next) {
        Move move = move(next);
        if (move instanceof Move.Rejected rejected) {
            throw new CurriculumViolation(rejected.reason());
        }
        return move.to();
    }

    private static String sorted(Set<PublicationState> states) {
        return states.stream().sorted().toList().toString();
    }

    public sealed interface Move {
        PublicationState from();

        PublicationState to();

        record Allowed(PublicationState from, PublicationState to) implements Move {
        }

        record Rejected(PublicationState from, PublicationState to, String reason) implements Move {
        }
    }
}
