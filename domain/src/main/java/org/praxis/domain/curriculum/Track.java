package org.praxis.domain.curriculum;

import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A track (CU1): modules in order, each with lessons in order, each with problems in order. Order
 * is list position (the seeds' {@code display_order} columns, made positional so two items can never
 * share a place). Within a track, module and lesson slugs are unique and a problem appears once.
 */
public record Track(TrackSlug slug, String title, List<TrackModule> modules) {

    public Track {
        Objects.requireNonNull(slug, "slug");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("track " + slug + " needs a title");
        }
        modules = List.copyOf(Objects.requireNonNull(modules, "modules"));
        var moduleSlugs = new HashMap<ModuleSlug, Boolean>();
        var lessons = new HashMap<LessonSlug, ModuleSlug>();
        var problems = new HashMap<ProblemSlug, ModuleSlug>();
        for (TrackModule module : modules) {
            if (moduleSlugs.put(module.slug(), Boolean.TRUE) != null) {
                throw new IllegalArgumentException("track " + slug + " has module " + module.slug() + " twice");
            }
            for (Lesson lesson : module.lessons()) {
                ModuleSlug other = lessons.put(lesson.slug(), module.slug());
                if (other != null) {
                    throw new IllegalArgumentException("track " + slug + " has lesson " + lesson.slug() + " in modules " + other
                            + " and " + module.slug());
                }
            }
            for (ProblemSlug problem : module.problems()) {
                ModuleSlug other = problems.put(problem, module.slug());
                if (other != null) {
                    throw new IllegalArgumentException("track " + slug + " has problem " + problem + " in modules " + other
                            + " and " + module.slug());
                }
            }
        }
    }

    /** Every problem of the track in learning order. */
    public List<ProblemSlug> problems() {
        return modules.stream().flatMap(module -> module.problems().stream()).toList();
    }

    public Optional<TrackModule> module(ModuleSlug module) {
        return modules.stream().filter(candidate -> candidate.slug().equals(module)).findFirst();
    }

    public Optional<TrackModule> moduleOf(ProblemSlug problem) {
        return modules.stream().filter(module -> module.problems().contains(problem)).findFirst();
    }

    /** The problem after {@code problem} in learning order, crossing lesson and module boundaries. */
    public Optional<ProblemSlug> next(ProblemSlug problem) {
        List<ProblemSlug> all = problems();
        int index = all.indexOf(problem);
        return index >= 0 && index + 1 < all.size() ? Optional.of(all.get(index + 1)) : Optional.empty();
    }
}
