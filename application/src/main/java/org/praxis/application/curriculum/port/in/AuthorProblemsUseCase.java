package org.praxis.application.curriculum.port.in;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.Page;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.PageRequest;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.ProblemView;
import org.praxis.domain.curriculum.PublicationState;
import org.praxis.domain.identity.Actor;

/**
 * Authoring problems over HTTP (CU2-CU4): drafts, preview, publish, archive, restore, versions and
 * rollback. Authors and admins only: anyone else is refused before anything is looked up (401 without
 * credentials, 403 for a learner), so the answer never tells whether a draft exists.
 *
 * <p>A document is the problem document of docs/content.md as a JSON object: the fields of
 * {@code problem.yaml} with {@code statement}, {@code solution} and {@code starterCode} inline.
 */
public interface AuthorProblemsUseCase {

    /** Creates the problem as a draft, or replaces its draft. Archived problems must be restored first. */
    Saved saveDraft(Actor actor, String slug, Map<String, Object> document);

    /** As above, reading the document only once the caller may author: a learner learns nothing from a bad body. */
    Saved saveDraft(Actor actor, String slug, java.util.function.Supplier<Map<String, Object>> document);

    ProblemDetails show(Actor actor, String slug);

    /** The draft as a learner would see it once published (no solution, no hidden tests). */
    ProblemView preview(Actor actor, String slug);

    /** Publishes the draft as version n+1 (nothing new when the draft is the latest version). */
    Published publish(Actor actor, String slug);

    /** Takes the problem out of the catalogue; its versions stay. Archiving an archived problem changes nothing. */
    ProblemDetails archive(Actor actor, String slug);

    /** Brings an archived problem back as a draft. */
    ProblemDetails restore(Actor actor, String slug);

    Page<VersionItem> versions(Actor actor, String slug, PageRequest page);

    /** Publishes a new version carrying version {@code version}'s content. */
    Published rollback(Actor actor, String slug, int version);

    /** The problems, in slug order, optionally of one state ({@code draft}, {@code published}, {@code archived}). */
    Page<ProblemListItem> list(Actor actor, Optional<String> state, PageRequest page);

    record Saved(boolean created, ProblemDetails problem) {
    }

    /**
     * Everything about a problem, for its authors: the draft and the latest version as documents (with
     * solution and every test case).
     *
     * @param synced whether a content folder manages it (a sync will overwrite drafts edited here)
     */
    record ProblemDetails(String slug, PublicationState state, boolean synced, Map<String, Object> draft,
            Optional<VersionDocument> published, boolean unpublishedChanges) {
    }

    record VersionDocument(int version, Instant publishedAt, Map<String, Object> document) {
    }

    record Published(String slug, int version) {
    }

    /** @param restoredFrom the version whose content a rollback published again */
    record VersionItem(int version, Instant publishedAt, Optional<Integer> restoredFrom) {
    }

    record ProblemListItem(String slug, String title, PublicationState state, Optional<Integer> latestVersion, boolean unpublishedChanges,
            boolean synced, Instant updatedAt) {
    }
}
