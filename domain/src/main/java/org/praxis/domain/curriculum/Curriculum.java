package org.praxis.domain.curriculum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * All tracks and the topic tree, checked together (what a content sync loads, CU5). Rules across
 * tracks, reported all at once in one {@link CurriculumViolation}: track slugs and module slugs are
 * unique across the curriculum, a problem belongs to one module only, and the prerequisite graph
 * has no unknown module, self-reference or cycle.
 */
public record Curriculum(List<Track> tracks, TopicTree topics) {

    public Curriculum {
        tracks = List.copyOf(Objects.requireNonNull(tracks, "tracks"));
        Objects.requireNonNull(topics, "topics");
        List<String> problems = problemsWith(tracks);
        if (!problems.isEmpty()) {
            throw new CurriculumViolation(problems);
        }
    }

    public static List<String> problemsWith(List<Track> tracks) {
        var problems = new ArrayList<String>();
        var trackSlugs = new HashMap<TrackSlug, Boolean>();
        var moduleTrack = new HashMap<ModuleSlug, TrackSlug>();
        var problemModule = new HashMap<ProblemSlug, ModuleSlug>();
        var modules = new ArrayList<TrackModule>();
        for (Track track : tracks) {
            if (trackSlugs.put(track.slug(), Boolean.TRUE) != null) {
                problems.add("track " + track.slug() + " is defined twice");
            }
            for (TrackModule module : track.modules()) {
                TrackSlug other = moduleTrack.putIfAbsent(module.slug(), track.slug());
                if (other != null) {
                    problems.add("module " + module.slug() + " is in tracks " + other + " and " + track.slug());
                    continue;
                }
                modules.add(module);
                for (ProblemSlug problem : module.problems()) {
                    ModuleSlug otherModule = problemModule.putIfAbsent(problem, module.slug());
                    if (otherModule != null) {
                        problems.add("problem " + problem + " is in modules " + otherModule + " and " + module.slug());
                    }
                }
            }
        }
        PrerequisiteGraph.of(modules).problems().forEach(problem -> problems.add(problem.describe()));
        return problems;
    }

    public PrerequisiteGraph prerequisites() {
        return PrerequisiteGraph.of(tracks.stream().flatMap(track -> track.modules().stream()).toList());
    }

    public Optional<Track> track(TrackSlug slug) {
        return tracks.stream().filter(track -> track.slug().equals(slug)).findFirst();
    }

    public Optional<TrackModule> module(ModuleSlug slug) {
        return tracks.stream().flatMap(track -> track.module(slug).stream()).findFirst();
    }

    public Optional<TrackModule> moduleOf(ProblemSlug problem) {
        return tracks.stream().flatMap(track -> track.moduleOf(problem).stream()).findFirst();
    }

    /** Whether the learner may work on {@code problem}: the access of its module; a problem in no module is open. */
    public ModuleAccess accessTo(ProblemSlug problem, Set<ModuleSlug> completedModules) {
        return moduleOf(problem)
                .map(module -> UnlockPolicy.decide(module, completedModules))
                .orElseGet(() -> UnlockPolicy.decide(Set.of(), completedModules));
    }
}
