package org.praxis.domain.progress;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.Track;
import org.praxis.domain.curriculum.TrackSlug;

/**
 * Where a problem sits in the published curriculum (CU1): its module and that module's published
 * problems, and the module's track and that track's published problems. The reducer needs it to
 * emit {@link DomainEvent.ModuleCompleted} and {@link DomainEvent.TrackCompleted}.
 */
public record Placement(ModuleSlug module, List<ProblemSlug> moduleProblems, TrackSlug track, List<ProblemSlug> trackProblems) {
    public Placement {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(track, "track");
        moduleProblems = List.copyOf(moduleProblems);
        trackProblems = List.copyOf(trackProblems);
        if (!trackProblems.containsAll(moduleProblems)) {
            throw new IllegalArgumentException("a module's problems are part of its track's problems");
        }
    }

    /**
     * Where {@code problem} sits in {@code track}, if it is there. The track should be the published
     * one, holding published problems only: drafts must not be required for a completion.
     */
    public static Optional<Placement> in(Track track, ProblemSlug problem) {
        return track.moduleOf(problem).map(module -> new Placement(module.slug(), module.problems(), track.slug(), track.problems()));
    }
}
