package org.praxis.application.curriculum.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.praxis.application.curriculum.port.out.Problems.StoredProblem;
import org.praxis.application.curriculum.port.out.Tracks;
import org.praxis.application.curriculum.port.out.Tracks.ModuleDefinition;
import org.praxis.application.curriculum.port.out.Tracks.StoredTrack;
import org.praxis.application.curriculum.port.out.Tracks.TrackDefinition;
import org.praxis.domain.curriculum.Lesson;
import org.praxis.domain.curriculum.LessonSlug;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.Problem;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.PublicationState;
import org.praxis.domain.curriculum.TrackSlug;

/** What every {@link Tracks} must do, run against the in-memory fake and the jOOQ adapter (problems must exist to be placed). */
public abstract class TracksContract extends ProblemsContract {

    protected abstract Tracks tracks();

    private static String unique(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private ProblemSlug problem(String base) {
        var slug = new ProblemSlug(unique(base));
        problems().save(new StoredProblem(Problem.create(slug, content(base)).publish(T0), false), author(), T0);
        return slug;
    }

    private static TrackDefinition definition(TrackSlug slug, String prefix, List<ProblemSlug> first, List<ProblemSlug> second) {
        var one = new ModuleSlug(prefix + "-one");
        var two = new ModuleSlug(prefix + "-two");
        return new TrackDefinition(slug, "Track " + prefix, "About " + prefix, List.of(
                new ModuleDefinition(one, "One", "The first.", List.of(), List.of(new Lesson(new LessonSlug("a"), "A", first))),
                new ModuleDefinition(two, "Two", "", List.of(one), List.of(new Lesson(new LessonSlug("b"), "B", second),
                        new Lesson(new LessonSlug("c"), "C", List.of())))));
    }

    @Test
    void aPublishedTrackComesBackAndPlacesItsProblemsAndModules() {
        String prefix = unique("track");
        var slug = new TrackSlug(prefix);
        var p1 = problem("p1");
        var p2 = problem("p2");
        var draft = definition(slug, prefix, List.of(p1), List.of(p2));
        tracks().save(new StoredTrack(slug, PublicationState.DRAFT, draft, Optional.empty(), Optional.empty(), false), T0);
        assertFalse(tracks().placements().containsKey(p1), "a draft places nothing");

        var published = new StoredTrack(slug, PublicationState.PUBLISHED, draft, Optional.of(draft), Optional.of(T0), true);
        tracks().save(published, T0);
        assertEquals(published, tracks().find(slug).orElseThrow());
        assertEquals(slug, tracks().placements().get(p1));
        assertEquals(slug, tracks().placements().get(p2));
        assertEquals(slug, tracks().moduleOwners().get(new ModuleSlug(prefix + "-two")));
        assertTrue(tracks().synced().contains(slug));
        assertTrue(tracks().all().contains(published));

        var moved = definition(slug, prefix, List.of(p2), List.of());
        tracks().save(new StoredTrack(slug, PublicationState.PUBLISHED, moved, Optional.of(moved), Optional.of(T0), true), T0);
        assertFalse(tracks().placements().containsKey(p1), "republishing replaces the layout");
        assertEquals(slug, tracks().placements().get(p2));

        var archived = new StoredTrack(slug, PublicationState.ARCHIVED, moved, Optional.of(moved), Optional.of(T0), true);
        tracks().save(archived, T0);
        assertEquals(archived, tracks().find(slug).orElseThrow(), "the documents stay");
        assertFalse(tracks().placements().containsKey(p2), "an archived track places nothing");
        assertFalse(tracks().moduleOwners().containsKey(new ModuleSlug(prefix + "-one")));
    }
}
