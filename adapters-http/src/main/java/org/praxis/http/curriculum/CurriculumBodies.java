package org.praxis.http.curriculum;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.praxis.application.curriculum.port.in.AuthorProblemsUseCase;
import org.praxis.application.curriculum.port.in.AuthorTracksUseCase;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase;
import org.praxis.domain.curriculum.Difficulty;
import org.praxis.domain.curriculum.ProblemKind;
import org.praxis.domain.curriculum.PublicationState;
import org.praxis.domain.progress.ProgressStatus;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON bodies of the catalogue and authoring routes (shared/API.md, docs/api.md), made from the
 * in-ports' views. Fields a caller may not have (a learner's {@code locked}, {@code status},
 * {@code progress}) are left out rather than sent as null.
 */
final class CurriculumBodies {
    private CurriculumBodies() {
    }

    record Page<T>(List<T> items, String nextCursor) {
        static <V, T> Page<T> of(BrowseCatalogueUseCase.Page<V> page, java.util.function.Function<V, T> map) {
            return new Page<>(page.items().stream().map(map).toList(), page.nextCursor().orElse(null));
        }
    }

    record Topic(String slug, String title, String description, List<Topic> children) {
        static Topic of(BrowseCatalogueUseCase.TopicNode node) {
            return new Topic(node.slug(), node.title(), node.description(), node.children().stream().map(Topic::of).toList());
        }
    }

    record TrackItem(String slug, String title, String description) {
        static TrackItem of(BrowseCatalogueUseCase.TrackItem item) {
            return new TrackItem(item.slug(), item.title(), item.description());
        }
    }

    record Track(String slug, String title, String description, List<Module> modules) {
        static Track of(BrowseCatalogueUseCase.TrackView view) {
            return new Track(view.slug(), view.title(), view.description(), view.modules().stream().map(Module::of).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Module(String slug, String title, String description, List<String> prerequisites, Boolean locked, List<Lesson> lessons) {
        static Module of(BrowseCatalogueUseCase.ModuleView view) {
            return new Module(view.slug(), view.title(), view.description(), view.prerequisites(), view.locked().orElse(null),
                    view.lessons().stream().map(Lesson::of).toList());
        }
    }

    record Lesson(String slug, String title, List<ProblemItem> problems) {
        static Lesson of(BrowseCatalogueUseCase.LessonView view) {
            return new Lesson(view.slug(), view.title(), view.problems().stream().map(ProblemItem::of).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProblemItem(String slug, String title, String kind, String difficulty, String topic, List<String> tags, boolean premium,
            String status) {
        static ProblemItem of(BrowseCatalogueUseCase.ProblemItem item) {
            return new ProblemItem(item.slug(), item.title(), kindName(item.kind()), difficultyName(item.difficulty()), item.topic(), item.tags(),
                    item.premium(), item.status().map(CurriculumBodies::statusName).orElse(null));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Problem(String slug, String title, String kind, String difficulty, String topic, String statement, int hintCount,
            int basePoints, int timeBonusPoints, int estimatedSeconds, Integer version, Progress progress, List<String> tags,
            String company, boolean premium, String starterCode, AnswerFormat answerFormat) {
        static Problem of(BrowseCatalogueUseCase.ProblemView view) {
            return new Problem(view.slug(), view.title(), kindName(view.kind()), difficultyName(view.difficulty()), view.topic(), view.statement(),
                    view.hintCount(), view.basePoints(), view.timeBonusPoints(), view.estimatedSeconds(), view.version().orElse(null),
                    view.progress().map(p -> new Progress(statusName(p.status()), p.attempts(), p.bestScore())).orElse(null), view.tags(),
                    view.company().orElse(null), view.premium(), view.starterCode(), AnswerFormat.of(view.answerFormat()));
        }
    }

    record Progress(String status, int attempts, int bestScore) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record AnswerFormat(String type, List<String> options, String setupScript, List<Example> examples) {
        static AnswerFormat of(BrowseCatalogueUseCase.AnswerFormat format) {
            return new AnswerFormat(format.type(), format.options(), format.setupScript().orElse(null),
                    format.examples().stream().map(e -> new Example(e.name(), e.input(), e.expectedOutput())).toList());
        }
    }

    record Example(String name, String input, String expectedOutput) {
    }

    // authoring

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AuthoredProblem(String slug, String state, boolean synced, Map<String, Object> draft, PublishedVersion published,
            boolean unpublishedChanges) {
        static AuthoredProblem of(AuthorProblemsUseCase.ProblemDetails details) {
            return new AuthoredProblem(details.slug(), stateName(details.state()), details.synced(), details.draft(),
                    details.published().map(v -> new PublishedVersion(v.version(), v.publishedAt(), v.document())).orElse(null),
                    details.unpublishedChanges());
        }
    }

    record PublishedVersion(int version, Instant publishedAt, Map<String, Object> document) {
    }

    record Published(String slug, int version) {
        static Published of(AuthorProblemsUseCase.Published published) {
            return new Published(published.slug(), published.version());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Version(int version, Instant publishedAt, Integer restoredFrom) {
        static Version of(AuthorProblemsUseCase.VersionItem item) {
            return new Version(item.version(), item.publishedAt(), item.restoredFrom().orElse(null));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AuthoredProblemItem(String slug, String title, String state, Integer latestVersion, boolean unpublishedChanges, boolean synced,
            Instant updatedAt) {
        static AuthoredProblemItem of(AuthorProblemsUseCase.ProblemListItem item) {
            return new AuthoredProblemItem(item.slug(), item.title(), stateName(item.state()), item.latestVersion().orElse(null),
                    item.unpublishedChanges(), item.synced(), item.updatedAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AuthoredTrack(String slug, String state, boolean synced, Map<String, Object> draft, Map<String, Object> published,
            Instant publishedAt, boolean unpublishedChanges) {
        static AuthoredTrack of(AuthorTracksUseCase.TrackDetails details) {
            return new AuthoredTrack(details.slug(), stateName(details.state()), details.synced(), details.draft(),
                    details.published().orElse(null), details.publishedAt().orElse(null), details.unpublishedChanges());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AuthoredTrackItem(String slug, String title, String state, boolean synced, Instant publishedAt) {
        static AuthoredTrackItem of(AuthorTracksUseCase.TrackListItem item) {
            return new AuthoredTrackItem(item.slug(), item.title(), stateName(item.state()), item.synced(), item.publishedAt().orElse(null));
        }
    }

    record RollbackRequest(Integer version) {
    }

    static String kindName(ProblemKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String difficultyName(Difficulty difficulty) {
        return difficulty.name().toLowerCase(Locale.ROOT);
    }

    static String statusName(ProgressStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    static String stateName(PublicationState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
