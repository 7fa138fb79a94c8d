package org.praxis.application.curriculum.port.out;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import org.praxis.domain.curriculum.Lesson;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.PublicationState;
import org.praxis.domain.curriculum.Track;
import org.praxis.domain.curriculum.TrackModule;
import org.praxis.domain.curriculum.TrackSlug;

/**
 * The tracks (CU1, CU3): each with the draft authors edit and the definition learners see while it is
 * published. Saving a published track lays its definition out as modules, prerequisites, lessons and
 * lesson problems; archiving takes that layout away (the documents stay).
 */
public interface Tracks {

    Optional<StoredTrack> find(TrackSlug slug);

    /** Every track, in slug order (for authors). */
    List<StoredTrack> all();

    /** Slugs of the tracks a content folder manages, whatever their state. */
    List<TrackSlug> synced();

    /** Creates or updates the track. */
    void save(StoredTrack track, Instant at);

    /** The track each problem is placed in, among the published tracks. */
    Map<ProblemSlug, TrackSlug> placements();

    /** The track each module belongs to, among the published tracks. */
    Map<ModuleSlug, TrackSlug> moduleOwners();

    /**
     * A track as stored: its state, the draft, and the published definition (present once it was
     * published; kept while archived, so the history of what learners saw is not lost).
     */
    record StoredTrack(TrackSlug slug, PublicationState state, TrackDefinition draft, Optional<TrackDefinition> published,
            Optional<Instant> publishedAt, boolean synced) {
        public StoredTrack {
            Objects.requireNonNull(slug, "slug");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(draft, "draft");
            Objects.requireNonNull(published, "published");
            Objects.requireNonNull(publishedAt, "publishedAt");
            if (state == PublicationState.PUBLISHED && published.isEmpty()) {
                throw new IllegalArgumentException("a published track has a published definition");
            }
        }
    }

    /**
     * A track as its file (or the authoring API) writes it: the domain's {@link Track} plus the texts
     * learners read. Prerequisites keep the order they were written in.
     */
    record TrackDefinition(TrackSlug slug, String title, String description, List<ModuleDefinition> modules) {
        public TrackDefinition {
            Objects.requireNonNull(slug, "slug");
            Objects.requireNonNull(title, "title");
            description = description == null ? "" : description;
            modules = List.copyOf(modules);
        }

        /** The domain track; throws when the definition breaks a rule of one track. */
        public Track toTrack() {
            return new Track(slug, title, modules.stream().map(ModuleDefinition::toModule).toList());
        }

        public List<ProblemSlug> problems() {
            var problems = new ArrayList<ProblemSlug>();
            modules.forEach(module -> module.lessons().forEach(lesson -> problems.addAll(lesson.problems())));
            return problems;
        }
    }

    record ModuleDefinition(ModuleSlug slug, String title, String description, List<ModuleSlug> prerequisites,
            List<Lesson> lessons) {
        public ModuleDefinition {
            Objects.requireNonNull(slug, "slug");
            Objects.requireNonNull(title, "title");
            description = description == null ? "" : description;
            prerequisites = List.copyOf(prerequisites);
            lessons = List.copyOf(lessons);
        }

        public TrackModule toModule() {
            return new TrackModule(slug, title, new TreeSet<>(prerequisites), lessons);
        }
    }
}
