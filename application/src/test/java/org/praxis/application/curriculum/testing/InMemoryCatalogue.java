package org.praxis.application.curriculum.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.praxis.application.curriculum.port.out.Awards;
import org.praxis.application.curriculum.port.out.Awards.AchievementDefinition;
import org.praxis.application.curriculum.port.out.Catalogue;
import org.praxis.application.curriculum.port.out.Problems;
import org.praxis.application.curriculum.port.out.Topics;
import org.praxis.application.curriculum.port.out.Topics.TopicDefinition;
import org.praxis.application.curriculum.port.out.Tracks;
import org.praxis.domain.curriculum.ProblemContent;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.PublicationState;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.gamification.BadgeLadder;

/** {@link Catalogue} as a view of the other in-memory stores: what is published, at its latest version. */
public final class InMemoryCatalogue implements Catalogue {
    private final Problems problems;
    private final Tracks tracks;
    private final Topics topics;
    private final Awards awards;
    private final InMemoryProblems listing;

    public InMemoryCatalogue(InMemoryProblems problems, Tracks tracks, Topics topics, Awards awards) {
        this.problems = Objects.requireNonNull(problems);
        this.listing = problems;
        this.tracks = Objects.requireNonNull(tracks);
        this.topics = Objects.requireNonNull(topics);
        this.awards = Objects.requireNonNull(awards);
    }

    @Override
    public Optional<PublishedProblem> problem(ProblemSlug slug) {
        return problems.find(slug).flatMap(stored -> stored.problem().published())
                .map(version -> new PublishedProblem(slug, version.number(), version.publishedAt(), version.content()));
    }

    @Override
    public List<ProblemCard> problems(ProblemQuery query) {
        return listing.list(Optional.of(PublicationState.PUBLISHED), query.after(), Integer.MAX_VALUE).stream()
                .map(line -> problem(line.slug()).orElseThrow())
                .filter(problem -> query.topics().isEmpty() || query.topics().contains(problem.content().topic()))
                .filter(problem -> query.difficulty().map(d -> d == problem.content().difficulty()).orElse(true))
                .filter(problem -> query.tag().map(tag -> problem.content().tags().stream()
                        .anyMatch(t -> t.toLowerCase(Locale.ROOT).equals(tag.toLowerCase(Locale.ROOT)))).orElse(true))
                .limit(query.limit())
                .map(problem -> card(problem.slug(), problem.content()))
                .toList();
    }

    private static ProblemCard card(ProblemSlug slug, ProblemContent content) {
        return new ProblemCard(slug, content.title(), content.kind(), content.difficulty(), content.topic(), content.tags(), content.premium());
    }

    @Override
    public List<TrackCard> tracks(Optional<TrackSlug> after, int limit) {
        return tracks.all().stream()
                .filter(track -> track.state() == PublicationState.PUBLISHED)
                .filter(track -> after.map(a -> track.slug().compareTo(a) > 0).orElse(true))
                .limit(limit)
                .map(track -> new TrackCard(track.slug(), track.published().orElseThrow().title(), track.published().orElseThrow().description()))
                .toList();
    }

    @Override
    public Optional<PublishedTrack> track(TrackSlug slug) {
        return tracks.find(slug).filter(track -> track.state() == PublicationState.PUBLISHED).map(track -> {
            var definition = track.published().orElseThrow();
            var cards = new HashMap<ProblemSlug, ProblemCard>();
            definition.problems().forEach(problem -> problem(problem).ifPresent(p -> cards.put(problem, card(problem, p.content()))));
            return new PublishedTrack(definition, cards);
        });
    }

    @Override
    public List<TopicDefinition> topics() {
        return topics.all();
    }

    @Override
    public BadgeLadder badgeLadder() {
        return awards.ladder();
    }

    @Override
    public List<AchievementDefinition> achievements() {
        return awards.achievements();
    }
}
