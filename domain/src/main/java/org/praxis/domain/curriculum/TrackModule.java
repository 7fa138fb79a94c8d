package org.praxis.domain.curriculum;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A module of a track (CU1): ordered lessons, and the modules a learner must complete first.
 * (Named so it never clashes with {@code java.lang.Module}.) Seed 000 allows one prerequisite per
 * module; any number are allowed here, all of which must be completed. Prerequisites may name
 * modules of other tracks; whether they exist and form no cycle is checked across the whole
 * curriculum by {@link PrerequisiteGraph}, which reports every broken reference at once.
 */
public record TrackModule(ModuleSlug slug, String title, SortedSet<ModuleSlug> prerequisites, List<Lesson> lessons) {

    public TrackModule {
        Objects.requireNonNull(slug, "slug");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("module " + slug + " needs a title");
        }
        prerequisites = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(prerequisites, "prerequisites")));
        lessons = List.copyOf(Objects.requireNonNull(lessons, "lessons"));
        var lessonSlugs = new HashSet<LessonSlug>();
        var problems = new HashSet<ProblemSlug>();
        for (Lesson lesson : lessons) {
            if (!lessonSlugs.add(lesson.slug())) {
                throw new IllegalArgumentException("module " + slug + " has lesson " + lesson.slug() + " twice");
            }
            for (ProblemSlug problem : lesson.problems()) {
                if (!problems.add(problem)) {
                    throw new IllegalArgumentException("module " + slug + " lists problem " + problem + " in two lessons");
                }
            }
        }
    }

    public TrackModule(ModuleSlug slug, String title, Set<ModuleSlug> prerequisites, List<Lesson> lessons) {
        this(slug, title, new TreeSet<>(prerequisites), lessons);
    }

    /** The module's problems in learning order: lesson by lesson, each lesson's list in order. */
    public List<ProblemSlug> problems() {
        return lessons.stream().flatMap(lesson -> lesson.problems().stream()).toList();
    }
}
