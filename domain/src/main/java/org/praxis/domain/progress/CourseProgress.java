package org.praxis.domain.progress;

import java.util.Map;
import java.util.Set;
import org.praxis.domain.curriculum.ProblemSlug;

/**
 * The slice of a learner's course progress one submission needs to tell whether it completed a module
 * or a track: their progress on the <em>other</em> problems of the problem's module, and which problems
 * of the problem's track they have completed. {@link #NONE} when the problem sits in no module.
 */
public record CourseProgress(Map<ProblemSlug, ProblemProgress> moduleProblems, Set<ProblemSlug> completedInTrack) {

    public static final CourseProgress NONE = new CourseProgress(Map.of(), Set.of());

    public CourseProgress {
        moduleProblems = Map.copyOf(moduleProblems);
        completedInTrack = Set.copyOf(completedInTrack);
        moduleProblems.forEach((slug, progress) -> {
            if (!slug.equals(progress.problem())) {
                throw new IllegalArgumentException("progress of " + progress.problem() + " filed under " + slug);
            }
        });
    }
}
