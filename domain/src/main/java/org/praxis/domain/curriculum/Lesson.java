package org.praxis.domain.curriculum;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** A lesson of a module: its problems in the order learners meet them (CU1). */
public record Lesson(LessonSlug slug, String title, List<ProblemSlug> problems) {
    public Lesson {
        Objects.requireNonNull(slug, "slug");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("lesson " + slug + " needs a title");
        }
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        var seen = new HashSet<ProblemSlug>();
        for (ProblemSlug problem : problems) {
            if (!seen.add(problem)) {
                throw new IllegalArgumentException("lesson " + slug + " lists problem " + problem + " twice");
            }
        }
    }
}
