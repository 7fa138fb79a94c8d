package org.praxis.application.curriculum.port.in;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.Page;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.PageRequest;
import org.praxis.domain.curriculum.PublicationState;
import org.praxis.domain.identity.Actor;

/**
 * Authoring tracks over HTTP (CU1, CU3): drafts of modules, prerequisites, lessons and problem lists,
 * then publishing them. Authors and admins only, refused before anything is looked up.
 *
 * <p>A document is a track document of docs/content.md ({@code tracks/<slug>.yaml}) as a JSON object.
 */
public interface AuthorTracksUseCase {

    /** Creates the track as a draft, or replaces its draft. Archived tracks must be restored first. */
    Saved saveDraft(Actor actor, String slug, Map<String, Object> document);

    /** As above, reading the document only once the caller may author: a learner learns nothing from a bad body. */
    Saved saveDraft(Actor actor, String slug, java.util.function.Supplier<Map<String, Object>> document);

    TrackDetails show(Actor actor, String slug);

    /**
     * Publishes the draft: every problem it lists must exist (and not be archived) and belong to no
     * other published track; its modules must belong to no other published track.
     */
    TrackDetails publish(Actor actor, String slug);

    TrackDetails archive(Actor actor, String slug);

    TrackDetails restore(Actor actor, String slug);

    Page<TrackListItem> list(Actor actor, PageRequest page);

    record Saved(boolean created, TrackDetails track) {
    }

    record TrackDetails(String slug, PublicationState state, boolean synced, Map<String, Object> draft,
            Optional<Map<String, Object>> published, Optional<Instant> publishedAt, boolean unpublishedChanges) {
    }

    record TrackListItem(String slug, String title, PublicationState state, boolean synced, Optional<Instant> publishedAt) {
    }
}
