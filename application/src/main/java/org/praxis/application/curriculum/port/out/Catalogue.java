package org.praxis.application.curriculum.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.praxis.application.curriculum.port.out.Awards.AchievementDefinition;
import org.praxis.application.curriculum.port.out.Topics.TopicDefinition;
import org.praxis.application.curriculum.port.out.Tracks.TrackDefinition;
import org.praxis.domain.curriculum.Difficulty;
import org.praxis.domain.curriculum.ProblemContent;
import org.praxis.domain.curriculum.ProblemKind;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.gamification.BadgeLadder;

/**
 * Published content (CU3): all that learners may see, and what the learning loop grades against.
 * Nothing here is a draft or archived. Implementations may cache: published versions never change,
 * and {@link ContentChanges} tells every instance when what is published does.
 */
public interface Catalogue {

    /** The published version of a problem, in full (grader settings and solution included: server side only). */
    Optional<PublishedProblem> problem(ProblemSlug slug);

    /** Published problems in slug order after {@code query.after()}, at most {@code query.limit()}. */
    List<ProblemCard> problems(ProblemQuery query);

    /** Published tracks in slug order after {@code after}, at most {@code limit}. */
    List<TrackCard> tracks(Optional<TrackSlug> after, int limit);

    /** A published track with the cards of its published problems. */
    Optional<PublishedTrack> track(TrackSlug slug);

    /** The topic tree: active topics, parents before children, siblings in order. */
    List<TopicDefinition> topics();

    BadgeLadder badgeLadder();

    List<AchievementDefinition> achievements();

    record PublishedProblem(ProblemSlug slug, int version, Instant publishedAt, ProblemContent content) {
        public PublishedProblem {
            Objects.requireNonNull(slug, "slug");
            Objects.requireNonNull(publishedAt, "publishedAt");
            Objects.requireNonNull(content, "content");
        }
    }

    /** What a list shows of a published problem. */
    record ProblemCard(ProblemSlug slug, String title, ProblemKind kind, Difficulty difficulty, TopicSlug topic, List<String> tags,
            boolean premium) {
        public ProblemCard {
            tags = List.copyOf(tags);
        }
    }

    /**
     * @param topics only problems in one of these topics; empty for all
     * @param tag    only problems with this tag (ignoring case)
     */
    record ProblemQuery(Set<TopicSlug> topics, Optional<Difficulty> difficulty, Optional<String> tag, Optional<ProblemSlug> after,
            int limit) {
        public ProblemQuery {
            topics = Set.copyOf(topics);
            Objects.requireNonNull(difficulty, "difficulty");
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(after, "after");
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1");
            }
        }
    }

    record TrackCard(TrackSlug slug, String title, String description) {
    }

    /** @param problems the cards of the track's problems that are published (others are left out of the view) */
    record PublishedTrack(TrackDefinition definition, Map<ProblemSlug, ProblemCard> problems) {
        public PublishedTrack {
            Objects.requireNonNull(definition, "definition");
            problems = Map.copyOf(problems);
        }
    }
}
