package org.praxis.domain.curriculum;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A problem as authors manage it (CU2-CU4): its publication state, the draft being edited and the
 * history of published versions. Learners see only {@link #published()}: the latest version, and
 * only while the problem is PUBLISHED. Editing a published problem changes the draft, not what
 * learners see, until the next publish.
 *
 * <p>Illegal operations (editing an archived problem, rolling back a draft...) throw
 * {@link CurriculumViolation} with the reason; {@link PublicationState#move} answers the same
 * question as a value when a caller wants to ask first.
 */
public record Problem(ProblemSlug slug, PublicationState state, ProblemContent draft, VersionHistory history) {

    public Problem {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(history, "history");
        if (state == PublicationState.PUBLISHED && history.isEmpty()) {
            throw new IllegalArgumentException("a published problem has at least one version");
        }
    }

    /** A new problem: a draft with no published version. */
    public static Problem create(ProblemSlug slug, ProblemContent draft) {
        return new Problem(slug, PublicationState.DRAFT, draft, VersionHistory.empty());
    }

    /** Replaces the draft. Archived problems are read-only (seed 001): restore first. */
    public Problem edit(ProblemContent content) {
        Objects.requireNonNull(content, "content");
        if (state == PublicationState.ARCHIVED) {
            throw new CurriculumViolation("problem " + slug + " is archived and cannot be edited; restore it to a draft first");
        }
        return new Problem(slug, state, content, history);
    }

    /**
     * Publishes the draft as version n+1. When the draft is exactly the latest version's content, no
     * version is added: a published problem stays as it is, and a draft (a restored problem) is
     * published again at its latest version. That makes publishing idempotent, which content sync
     * from files (CU5) relies on.
     */
    public Problem publish(Instant at) {
        Objects.requireNonNull(at, "at");
        if (state == PublicationState.ARCHIVED) {
            throw new CurriculumViolation("problem " + slug + " is archived; restore it to a draft before publishing");
        }
        boolean unchanged = history.latest().map(latest -> latest.content().equals(draft)).orElse(false);
        if (unchanged) {
            return state == PublicationState.PUBLISHED ? this : new Problem(slug, state.moveTo(PublicationState.PUBLISHED), draft, history);
        }
        PublicationState next = state == PublicationState.PUBLISHED ? state : state.moveTo(PublicationState.PUBLISHED);
        return new Problem(slug, next, draft, history.publish(draft, at));
    }

    /**
     * Publishes an older version's content again, as a new version; the draft becomes that content
     * too, so the next edit starts from what learners see. Only for published problems: a draft
     * has nothing live to roll back.
     */
    public Problem rollbackTo(int version, Instant at) {
        Objects.requireNonNull(at, "at");
        if (state != PublicationState.PUBLISHED) {
            throw new CurriculumViolation("problem " + slug + " is " + state + "; only a published problem can be rolled back");
        }
        VersionHistory next = history.rollbackTo(version, at);
        return new Problem(slug, state, next.latest().orElseThrow().content(), next);
    }

    public Problem archive() {
        return new Problem(slug, state.moveTo(PublicationState.ARCHIVED), draft, history);
    }

    /** Brings an archived problem back as a draft, with its history and last draft intact. */
    public Problem restore() {
        return new Problem(slug, state.moveTo(PublicationState.DRAFT), draft, history);
    }

    /** What learners see: the latest version while PUBLISHED, otherwise nothing (CU3). */
    public Optional<ProblemVersion> published() {
        return state.isVisibleToLearners() ? history.latest() : Optional.empty();
    }

    public boolean hasUnpublishedChanges() {
        return history.latest().map(latest -> !latest.content().equals(draft)).orElse(true);
    }
}
