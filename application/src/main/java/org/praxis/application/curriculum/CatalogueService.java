package org.praxis.application.curriculum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.praxis.application.common.InvalidInput;
import org.praxis.application.common.NotFound;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase;
import org.praxis.application.curriculum.port.out.Catalogue;
import org.praxis.application.curriculum.port.out.Catalogue.ProblemCard;
import org.praxis.application.curriculum.port.out.Catalogue.ProblemQuery;
import org.praxis.application.curriculum.port.out.LearnerProgress;
import org.praxis.application.curriculum.port.out.LearnerProgress.Standing;
import org.praxis.application.curriculum.port.out.Topics.TopicDefinition;
import org.praxis.application.curriculum.port.out.Tracks.ModuleDefinition;
import org.praxis.domain.curriculum.Difficulty;
import org.praxis.domain.curriculum.Lesson;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.curriculum.TopicTree;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.curriculum.UnlockPolicy;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.progress.ProgressStatus;

/**
 * The catalogue: published content for anyone, decorated with the caller's own progress when a member
 * asks. Never a draft, an archived problem, a solution or a hidden test: what is not published is
 * {@link NotFound}, worded exactly as for what does not exist.
 */
public final class CatalogueService implements BrowseCatalogueUseCase {
    private static final List<String> DIFFICULTIES = java.util.Arrays.stream(Difficulty.values())
            .map(d -> d.name().toLowerCase(java.util.Locale.ROOT)).toList();

    private final Catalogue catalogue;
    private final LearnerProgress progress;

    public CatalogueService(Catalogue catalogue, LearnerProgress progress) {
        this.catalogue = Objects.requireNonNull(catalogue);
        this.progress = Objects.requireNonNull(progress);
    }

    @Override
    public List<TopicNode> topics() {
        List<TopicDefinition> topics = catalogue.topics();
        var children = new LinkedHashMap<Optional<TopicSlug>, List<TopicDefinition>>();
        for (TopicDefinition topic : topics) {
            children.computeIfAbsent(topic.topic().parent(), parent -> new ArrayList<>()).add(topic);
        }
        return nodes(Optional.empty(), children);
    }

    private static List<TopicNode> nodes(Optional<TopicSlug> parent, Map<Optional<TopicSlug>, List<TopicDefinition>> children) {
        var nodes = new ArrayList<TopicNode>();
        for (TopicDefinition topic : children.getOrDefault(parent, List.of())) {
            nodes.add(new TopicNode(topic.slug().value(), topic.topic().name(), topic.description(),
                    nodes(Optional.of(topic.slug()), children)));
        }
        return nodes;
    }

    @Override
    public Page<TrackItem> tracks(PageRequest page) {
        int limit = Cursors.limit(page);
        Optional<TrackSlug> after = Cursors.decode(page, TrackSlug::new);
        var items = catalogue.tracks(after, limit + 1).stream()
                .map(card -> new TrackItem(card.slug().value(), card.title(), card.description()))
                .toList();
        return Cursors.page(items, limit, TrackItem::slug);
    }

    @Override
    public TrackView track(String slug, Actor viewer) {
        var track = parse(slug, TrackSlug::new).flatMap(catalogue::track)
                .orElseThrow(() -> new NotFound("track", "There is no track '" + slug + "'."));
        Optional<LearnerId> learner = viewer.member().map(Actor.Member::id);
        Set<ModuleSlug> completed = learner.map(progress::completedModules).orElse(Set.of());
        Map<ProblemSlug, Standing> standings = learner
                .map(id -> progress.standings(id, track.problems().keySet()))
                .orElse(Map.of());
        var modules = new ArrayList<ModuleView>();
        for (ModuleDefinition module : track.definition().modules()) {
            Optional<Boolean> locked = learner.map(id -> !UnlockPolicy.decide(Set.copyOf(module.prerequisites()), completed).isUnlocked());
            var lessons = new ArrayList<LessonView>();
            for (Lesson lesson : module.lessons()) {
                var problems = new ArrayList<ProblemItem>();
                for (ProblemSlug problem : lesson.problems()) {
                    ProblemCard card = track.problems().get(problem);
                    if (card != null) {
                        problems.add(item(card, learner.map(id -> standings.getOrDefault(problem, Standing.NOT_STARTED).status())));
                    }
                }
                lessons.add(new LessonView(lesson.slug().value(), lesson.title(), problems));
            }
            modules.add(new ModuleView(module.slug().value(), module.title(), module.description(),
                    module.prerequisites().stream().map(ModuleSlug::value).toList(), locked, lessons));
        }
        var definition = track.definition();
        return new TrackView(definition.slug().value(), definition.title(), definition.description(), modules);
    }

    @Override
    public ProblemView problem(String slug, Actor viewer) {
        var problem = parse(slug, ProblemSlug::new).flatMap(catalogue::problem)
                .orElseThrow(() -> new NotFound("problem", "There is no problem '" + slug + "'."));
        Optional<ProgressView> standing = viewer.member().map(member -> {
            Standing s = progress.standings(member.id(), List.of(problem.slug())).getOrDefault(problem.slug(), Standing.NOT_STARTED);
            return new ProgressView(s.status(), s.attempts(), s.bestScore());
        });
        return LearnerViews.problem(problem.slug(), problem.content(), Optional.of(problem.version()), standing);
    }

    @Override
    public Page<ProblemItem> problems(ProblemFilter filter, PageRequest page, Actor viewer) {
        var errors = new ArrayList<InvalidInput.FieldError>();
        Set<TopicSlug> topics = Set.of();
        if (filter.topic().isPresent()) {
            var tree = new TopicTree(catalogue.topics().stream().map(TopicDefinition::topic).toList());
            Optional<TopicSlug> topic = parse(filter.topic().get(), TopicSlug::new).filter(tree::contains);
            if (topic.isEmpty()) {
                errors.add(new InvalidInput.FieldError("topic", "is not a topic of the catalogue: '" + filter.topic().get() + "'"));
            } else {
                topics = tree.subtree(topic.get());
            }
        }
        Optional<Difficulty> difficulty = Optional.empty();
        if (filter.difficulty().isPresent()) {
            String name = filter.difficulty().get();
            if (!DIFFICULTIES.contains(name)) {
                errors.add(new InvalidInput.FieldError("difficulty", "must be one of " + String.join(", ", DIFFICULTIES) + "; was '" + name + "'"));
            } else {
                difficulty = Optional.of(Difficulty.valueOf(name.toUpperCase(java.util.Locale.ROOT)));
            }
        }
        Optional<String> tag = filter.tag().map(String::strip).filter(text -> !text.isEmpty());
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        int limit = Cursors.limit(page);
        Optional<ProblemSlug> after = Cursors.decode(page, ProblemSlug::new);
        List<ProblemCard> cards = catalogue.problems(new ProblemQuery(topics, difficulty, tag, after, limit + 1));
        Optional<LearnerId> learner = viewer.member().map(Actor.Member::id);
        Map<ProblemSlug, Standing> standings = learner
                .map(id -> progress.standings(id, cards.stream().map(ProblemCard::slug).toList()))
                .orElse(new HashMap<>());
        var items = cards.stream()
                .map(card -> item(card, learner.map(id -> standings.getOrDefault(card.slug(), Standing.NOT_STARTED).status())))
                .toList();
        return Cursors.page(items, limit, ProblemItem::slug);
    }

    private static ProblemItem item(ProblemCard card, Optional<ProgressStatus> status) {
        return new ProblemItem(card.slug().value(), card.title(), card.kind(), card.difficulty(), card.topic().value(), card.tags(),
                card.premium(), status);
    }

    /** A slug from a URL: anything that is not a slug names nothing. */
    private static <T> Optional<T> parse(String text, Function<String, T> make) {
        try {
            return Optional.of(make.apply(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
