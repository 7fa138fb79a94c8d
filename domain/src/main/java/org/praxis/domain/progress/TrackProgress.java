package org.praxis.domain.progress;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TrackSlug;

/**
 * How far a learner is through a track (PR4, seed 001 {@code user_enrollments.progress_percentage}).
 *
 * <p>{@code percent = floor(100 * completed / total)}: rounding down means 100 is shown only when
 * every published problem is done, and 99.6 % never claims completion. Completed problems that are
 * not (or no longer) published in the track are ignored, so archiving a problem can raise the
 * percentage but never push it above 100. A track with no published problems is 0 % and not complete.
 */
public record TrackProgress(TrackSlug track, int completed, int total) {

    public TrackProgress {
        Objects.requireNonNull(track, "track");
        if (total < 0 || completed < 0 || completed > total) {
            throw new IllegalArgumentException("need 0 <= completed <= total, was " + completed + "/" + total);
        }
    }

    public static TrackProgress of(TrackSlug track, Collection<ProblemSlug> publishedProblems, Set<ProblemSlug> completedProblems) {
        Objects.requireNonNull(completedProblems, "completedProblems");
        var published = new LinkedHashSet<>(publishedProblems);
        int done = (int) published.stream().filter(completedProblems::contains).count();
        return new TrackProgress(track, done, published.size());
    }

    public int percent() {
        return total == 0 ? 0 : (int) (100L * completed / total);
    }

    public boolean isComplete() {
        return total > 0 && completed == total;
    }
}
