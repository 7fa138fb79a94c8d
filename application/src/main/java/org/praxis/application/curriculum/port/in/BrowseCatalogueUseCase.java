package org.praxis.application.curriculum.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.praxis.domain.curriculum.Difficulty;
import org.praxis.domain.curriculum.ProblemKind;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.progress.ProgressStatus;

/**
 * The catalogue (CU1-CU3): published content only, for anyone. A signed-in member also sees their own
 * progress on it ({@code locked}, {@code status}, {@code progress}). Drafts, archived content, official
 * solutions and hidden test cases are never part of any answer; asking for them is {@code NotFound},
 * exactly like asking for something that does not exist.
 */
public interface BrowseCatalogueUseCase {
    int DEFAULT_LIMIT = 20;
    int MAX_LIMIT = 100;

    /** The topic tree: roots in order, each with its children. */
    List<TopicNode> topics();

    Page<TrackItem> tracks(PageRequest page);

    TrackView track(String slug, Actor viewer);

    ProblemView problem(String slug, Actor viewer);

    Page<ProblemItem> problems(ProblemFilter filter, PageRequest page, Actor viewer);

    /**
     * A page of a list. {@code limit} is 1..{@value #MAX_LIMIT} ({@value #DEFAULT_LIMIT} when the
     * client gives none); {@code cursor} is the {@code nextCursor} of the previous page.
     */
    record PageRequest(int limit, Optional<String> cursor) {
        public PageRequest {
            Objects.requireNonNull(cursor, "cursor");
        }

        public static PageRequest first(int limit) {
            return new PageRequest(limit, Optional.empty());
        }
    }

    record Page<T>(List<T> items, Optional<String> nextCursor) {
        public Page {
            items = List.copyOf(items);
            Objects.requireNonNull(nextCursor, "nextCursor");
        }
    }

    /** Filters as the client wrote them (checked by the use case): a topic slug (its subtopics included), a difficulty name, a tag. */
    record ProblemFilter(Optional<String> topic, Optional<String> difficulty, Optional<String> tag) {
        public static final ProblemFilter NONE = new ProblemFilter(Optional.empty(), Optional.empty(), Optional.empty());
    }

    record TopicNode(String slug, String title, String description, List<TopicNode> children) {
        public TopicNode {
            children = List.copyOf(children);
        }
    }

    record TrackItem(String slug, String title, String description) {
    }

    /** @param modules in learning order */
    record TrackView(String slug, String title, String description, List<ModuleView> modules) {
        public TrackView {
            modules = List.copyOf(modules);
        }
    }

    /**
     * @param prerequisites slugs of the modules to complete first
     * @param locked        for a signed-in member: whether prerequisites are still missing
     */
    record ModuleView(String slug, String title, String description, List<String> prerequisites, Optional<Boolean> locked,
            List<LessonView> lessons) {
        public ModuleView {
            prerequisites = List.copyOf(prerequisites);
            lessons = List.copyOf(lessons);
        }
    }

    record LessonView(String slug, String title, List<ProblemItem> problems) {
        public LessonView {
            problems = List.copyOf(problems);
        }
    }

    /** @param status for a signed-in member: where they stand on it */
    record ProblemItem(String slug, String title, ProblemKind kind, Difficulty difficulty, String topic, List<String> tags,
            boolean premium, Optional<ProgressStatus> status) {
        public ProblemItem {
            tags = List.copyOf(tags);
        }
    }

    /**
     * A problem page. Never the solution, reference answers or hidden test cases.
     *
     * @param version     the published version shown; empty in an author's preview of a draft
     * @param answerFormat what the learner answers with (the options of a choice, the visible examples of a code problem)
     * @param progress    for a signed-in member: their standing on it
     */
    record ProblemView(String slug, String title, ProblemKind kind, Difficulty difficulty, String topic, String statement,
            int hintCount, int basePoints, int timeBonusPoints, int estimatedSeconds, Optional<Integer> version, List<String> tags,
            Optional<String> company, boolean premium, String starterCode, AnswerFormat answerFormat, Optional<ProgressView> progress) {
        public ProblemView {
            tags = List.copyOf(tags);
        }
    }

    /**
     * How to answer, without giving the answer away.
     *
     * @param type        {@code text}, {@code number}, {@code single-choice}, {@code multiple-choice}, {@code sql}, {@code code} or {@code prose}
     * @param options     the options of a choice, in order (the answer is their 0-based index)
     * @param setupScript for SQL: the tables and sample rows the query runs against
     * @param examples    for code: the visible test cases (hidden ones are never listed)
     */
    record AnswerFormat(String type, List<String> options, Optional<String> setupScript, List<Example> examples) {
        public AnswerFormat {
            options = List.copyOf(options);
            examples = List.copyOf(examples);
        }
    }

    record Example(String name, String input, String expectedOutput) {
    }

    record ProgressView(ProgressStatus status, int attempts, int bestScore) {
    }
}
