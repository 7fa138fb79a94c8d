package org.praxis.application.curriculum;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.praxis.application.common.Conflict;
import org.praxis.application.common.InvalidInput;
import org.praxis.application.common.NotFound;
import org.praxis.application.common.Transactions;
import org.praxis.application.curriculum.document.FieldErrors;
import org.praxis.application.curriculum.document.Node;
import org.praxis.application.curriculum.document.TrackDocument;
import org.praxis.application.curriculum.port.in.AuthorTracksUseCase;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.Page;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.PageRequest;
import org.praxis.application.curriculum.port.out.ContentChanges;
import org.praxis.application.curriculum.port.out.Problems;
import org.praxis.application.curriculum.port.out.Tracks;
import org.praxis.application.curriculum.port.out.Tracks.StoredTrack;
import org.praxis.application.curriculum.port.out.Tracks.TrackDefinition;
import org.praxis.application.identity.Access;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.PublicationState;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.identity.Actor;

/**
 * Authoring tracks (CU1, CU3): a draft is checked as one track on its own when saved, and against the
 * rest of the curriculum (problems exist, belong to no other published track; modules belong to no
 * other published track) when published. Publishing lays the track out for learners; archiving takes
 * it away; neither touches the problems.
 */
public final class TrackAuthoringService implements AuthorTracksUseCase {
    private final Tracks tracks;
    private final Problems problems;
    private final ContentChanges changes;
    private final Transactions tx;
    private final Clock clock;

    public TrackAuthoringService(Tracks tracks, Problems problems, ContentChanges changes, Transactions tx, Clock clock) {
        this.tracks = Objects.requireNonNull(tracks);
        this.problems = Objects.requireNonNull(problems);
        this.changes = Objects.requireNonNull(changes);
        this.tx = Objects.requireNonNull(tx);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Saved saveDraft(Actor actor, String slug, java.util.function.Supplier<Map<String, Object>> document) {
        Access.requireAuthor(actor);
        return saveDraft(actor, slug, document.get());
    }

    @Override
    public Saved saveDraft(Actor actor, String slug, Map<String, Object> document) {
        Access.requireAuthor(actor);
        TrackSlug trackSlug;
        try {
            trackSlug = new TrackSlug(slug);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("slug", e.getMessage());
        }
        var errors = new FieldErrors();
        Optional<TrackDocument.Read> read = TrackDocument.read(Node.root(document, errors), trackSlug);
        errors.throwIfAny();
        TrackDefinition draft = read.flatMap(TrackDocument.Read::definition).orElseThrow();
        return tx.inTransaction(() -> {
            changes.serialise();
            Optional<StoredTrack> stored = tracks.find(trackSlug);
            StoredTrack saved;
            if (stored.isEmpty()) {
                saved = new StoredTrack(trackSlug, PublicationState.DRAFT, draft, Optional.empty(), Optional.empty(), false);
            } else {
                StoredTrack track = stored.get();
                if (track.state() == PublicationState.ARCHIVED) {
                    throw new Conflict("track-archived", "Track '" + slug + "' is archived; restore it before editing it.");
                }
                saved = new StoredTrack(trackSlug, track.state(), draft, track.published(), track.publishedAt(), track.synced());
            }
            tracks.save(saved, clock.instant());
            return new Saved(stored.isEmpty(), details(saved));
        });
    }

    @Override
    public TrackDetails show(Actor actor, String slug) {
        Access.requireAuthor(actor);
        return details(tx.inTransaction(() -> load(slug)));
    }

    @Override
    public TrackDetails publish(Actor actor, String slug) {
        Access.requireAuthor(actor);
        return details(tx.inTransaction(() -> {
            changes.serialise();
            StoredTrack track = load(slug);
            if (track.state() == PublicationState.ARCHIVED) {
                throw new Conflict("track-archived", "Track '" + slug + "' is archived; restore it before publishing it.");
            }
            if (track.state() == PublicationState.PUBLISHED && track.published().filter(track.draft()::equals).isPresent()) {
                return track;
            }
            checkAgainstCurriculum(track.draft());
            var published = new StoredTrack(track.slug(), PublicationState.PUBLISHED, track.draft(), Optional.of(track.draft()),
                    Optional.of(clock.instant()), track.synced());
            tracks.save(published, clock.instant());
            changes.announce("track " + slug);
            return published;
        }));
    }

    @Override
    public TrackDetails archive(Actor actor, String slug) {
        Access.requireAuthor(actor);
        return details(tx.inTransaction(() -> {
            changes.serialise();
            StoredTrack track = load(slug);
            if (track.state() == PublicationState.ARCHIVED) {
                return track;
            }
            var archived = new StoredTrack(track.slug(), PublicationState.ARCHIVED, track.draft(), track.published(), track.publishedAt(),
                    track.synced());
            tracks.save(archived, clock.instant());
            if (track.state() == PublicationState.PUBLISHED) {
                changes.announce("track " + slug);
            }
            return archived;
        }));
    }

    @Override
    public TrackDetails restore(Actor actor, String slug) {
        Access.requireAuthor(actor);
        return details(tx.inTransaction(() -> {
            changes.serialise();
            StoredTrack track = load(slug);
            return switch (track.state()) {
                case DRAFT -> track;
                case PUBLISHED -> throw new Conflict("track-not-archived", "Track '" + slug + "' is published, not archived.");
                case ARCHIVED -> {
                    var restored = new StoredTrack(track.slug(), PublicationState.DRAFT, track.draft(), track.published(),
                            track.publishedAt(), track.synced());
                    tracks.save(restored, clock.instant());
                    yield restored;
                }
            };
        }));
    }

    @Override
    public Page<TrackListItem> list(Actor actor, PageRequest page) {
        Access.requireAuthor(actor);
        int limit = Cursors.limit(page);
        Optional<TrackSlug> after = Cursors.decode(page, TrackSlug::new);
        var items = tx.inTransaction(tracks::all).stream()
                .filter(track -> after.map(a -> track.slug().compareTo(a) > 0).orElse(true))
                .limit(limit + 1L)
                .map(track -> new TrackListItem(track.slug().value(), track.draft().title(), track.state(), track.synced(),
                        track.publishedAt()))
                .toList();
        return Cursors.page(items, limit, TrackListItem::slug);
    }

    /** The rules across the curriculum, each mistake reported at its path in the draft. */
    private void checkAgainstCurriculum(TrackDefinition draft) {
        var errors = new FieldErrors();
        TrackDocument.Read read = TrackDocument.read(Node.root(TrackDocument.write(draft), errors), draft.slug()).orElseThrow();
        Map<ProblemSlug, PublicationState> states = problems.states(read.problemPaths().keySet());
        Map<ProblemSlug, TrackSlug> placements = tracks.placements();
        read.problemPaths().forEach((problem, path) -> {
            PublicationState state = states.get(problem);
            if (state == null) {
                errors.add(path, "unknown problem '" + problem + "'");
            } else if (state == PublicationState.ARCHIVED) {
                errors.add(path, "problem '" + problem + "' is archived");
            } else {
                TrackSlug owner = placements.get(problem);
                if (owner != null && !owner.equals(draft.slug())) {
                    errors.add(path, "problem '" + problem + "' is already in a lesson of track '" + owner
                            + "' (a problem belongs to at most one lesson of all tracks)");
                }
            }
        });
        Map<ModuleSlug, TrackSlug> owners = tracks.moduleOwners();
        read.modulePaths().forEach((module, path) -> {
            TrackSlug owner = owners.get(module);
            if (owner != null && !owner.equals(draft.slug())) {
                errors.add(path + ".slug", "module '" + module + "' belongs to track '" + owner + "' (module slugs are unique across tracks)");
            }
        });
        errors.throwIfAny();
    }

    private StoredTrack load(String slug) {
        try {
            return tracks.find(new TrackSlug(slug)).orElseThrow(() -> notFound(slug));
        } catch (IllegalArgumentException notASlug) {
            throw notFound(slug);
        }
    }

    private static NotFound notFound(String slug) {
        return new NotFound("track", "There is no track '" + slug + "'.");
    }

    private static TrackDetails details(StoredTrack track) {
        return new TrackDetails(track.slug().value(), track.state(), track.synced(), TrackDocument.write(track.draft()),
                track.published().map(TrackDocument::write), track.publishedAt(),
                track.published().map(published -> !published.equals(track.draft())).orElse(true));
    }
}
