package org.praxis.application.curriculum.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.praxis.domain.curriculum.Problem;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.PublicationState;
import org.praxis.domain.identity.LearnerId;

/**
 * The problems as authors manage them (CU2-CU4): the domain's {@link Problem} aggregate with its draft
 * and every published version. Versions are append-only and content is never deleted: every draft
 * ever saved stays in the history.
 */
public interface Problems {

    Optional<StoredProblem> find(ProblemSlug slug);

    /** The states of the given problems that exist. */
    Map<ProblemSlug, PublicationState> states(Collection<ProblemSlug> slugs);

    /** Slugs of the problems a content folder manages, whatever their state. */
    List<ProblemSlug> synced();

    /** One page of problems for authors, in slug order, after {@code after}, optionally of one state. */
    List<Listing> list(Optional<PublicationState> state, Optional<ProblemSlug> after, int limit);

    /**
     * Creates or updates the problem: its state, its draft (a new content row when the draft changed)
     * and the versions the aggregate has that the store has not (earlier versions never change).
     *
     * @param by the member who made the change; empty for a content sync or the operator
     */
    void save(StoredProblem problem, Optional<LearnerId> by, Instant at);

    /** @param synced whether a content folder manages the problem */
    record StoredProblem(Problem problem, boolean synced) {
        public StoredProblem {
            Objects.requireNonNull(problem, "problem");
        }

        public ProblemSlug slug() {
            return problem.slug();
        }
    }

    /** A line of the authors' list. */
    record Listing(ProblemSlug slug, String title, PublicationState state, Optional<Integer> latestVersion,
            boolean unpublishedChanges, boolean synced, Instant updatedAt) {
    }
}
