package org.praxis.application.curriculum.document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.praxis.domain.curriculum.Difficulty;
import org.praxis.domain.curriculum.Hint;
import org.praxis.domain.curriculum.ProblemContent;
import org.praxis.domain.curriculum.ProblemKind;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.grading.GraderSettings;

/**
 * A problem document (docs/content.md, "problems/&lt;slug&gt;/problem.yaml"), to and from the domain's
 * {@link ProblemContent}. Two forms: {@link Form#FILE} is {@code problem.yaml}, whose statement,
 * solution and starter code live in files beside it; {@link Form#INLINE} is the authoring API's body,
 * which carries them as {@code statement}, {@code solution} and {@code starterCode} and also accepts
 * {@code answer: {accepted, caseSensitive}} as a shorthand for {@code grader: {type: exact, ...}}.
 *
 * <p>Every field is checked on its own first, so that each mistake is reported at its own path; the
 * domain's constructors then have the last word.
 */
public final class ProblemDocument {
    /** The topic of a problem that names none; it always exists. */
    public static final TopicSlug DEFAULT_TOPIC = new TopicSlug("general");

    public enum Form { FILE, INLINE }

    static final List<String> FILE_FIELDS = List.of("title", "kind", "difficulty", "topic", "tags", "company", "premium",
            "basePoints", "timeBonusPoints", "estimatedSeconds", "hints", "grader");
    static final List<String> INLINE_FIELDS;

    static {
        var inline = new ArrayList<>(FILE_FIELDS);
        inline.addAll(List.of("statement", "solution", "starterCode", "answer"));
        INLINE_FIELDS = List.copyOf(inline);
    }

    public static final List<String> KINDS = java.util.Arrays.stream(ProblemKind.values()).map(ProblemDocument::kindName).toList();
    public static final List<String> DIFFICULTIES = java.util.Arrays.stream(Difficulty.values()).map(ProblemDocument::difficultyName).toList();

    /** The texts kept in files beside {@code problem.yaml} (FILE form); ignored in the INLINE form. */
    public record Texts(String statement, String solution, String starterCode) {
        public static final Texts NONE = new Texts("", "", "");
    }

    private ProblemDocument() {
    }

    public static String kindName(ProblemKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ProblemKind kind(String name) {
        return ProblemKind.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public static String difficultyName(Difficulty difficulty) {
        return difficulty.name().toLowerCase(Locale.ROOT);
    }

    public static Difficulty difficulty(String name) {
        return Difficulty.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /**
     * Reads a problem document. Empty when anything is wrong; every problem is then in {@code root}'s
     * errors. In the FILE form a blank {@code texts.statement()} is not reported here (the caller
     * reports the missing file), but no content is made.
     */
    public static Optional<ProblemContent> read(Node root, Form form, Texts texts) {
        var fields = root.object("an object (a problem document)", form == Form.FILE ? FILE_FIELDS : INLINE_FIELDS).orElse(null);
        if (fields == null) {
            if (!root.isPresent()) {
                root.error("is empty; a problem needs at least a title, kind, difficulty and grader");
            }
            return Optional.empty();
        }
        int before = root.errors().size();

        Optional<String> title = fields.required("title").nonBlankText();
        title.filter(t -> t.length() > ProblemContent.MAX_TITLE_LENGTH)
                .ifPresent(t -> fields.get("title").error("is longer than " + ProblemContent.MAX_TITLE_LENGTH + " characters"));
        Optional<ProblemKind> kind = fields.required("kind").choice(KINDS, ProblemDocument::kind);
        Optional<Difficulty> difficulty = fields.required("difficulty").choice(DIFFICULTIES, ProblemDocument::difficulty);
        Node topicNode = fields.get("topic");
        Optional<TopicSlug> topic = topicNode.isPresent()
                ? topicNode.text().flatMap(text -> topicNode.make(() -> new TopicSlug(text)))
                : Optional.of(DEFAULT_TOPIC);
        List<String> tags = tags(fields.get("tags"));
        Optional<String> company = fields.get("company").nonBlankText();
        boolean premium = fields.get("premium").bool().orElse(false);
        int basePoints = atLeast(fields.get("basePoints"), 0, ProblemContent.DEFAULT_BASE_POINTS);
        int timeBonus = atLeast(fields.get("timeBonusPoints"), 0, ProblemContent.DEFAULT_TIME_BONUS_POINTS);
        int estimated = atLeast(fields.get("estimatedSeconds"), 1, ProblemContent.DEFAULT_ESTIMATED_SECONDS);
        List<Hint> hints = hints(fields.get("hints"), (long) basePoints + timeBonus);
        Optional<GraderSettings> grader = grader(fields, form);
        if (kind.isPresent() && grader.isPresent() && !kind.get().accepts(grader.get())) {
            String at = fields.has("answer") ? "answer" : "grader.type";
            root.errors().add(FieldErrors.join(root.path(), at), "a " + kindName(kind.get()) + " problem cannot be graded by '"
                    + grader.get().type() + "' settings; use one of " + new TreeSet<>(kind.get().graderTypes()));
        }

        String statement;
        String solution;
        String starter;
        if (form == Form.INLINE) {
            statement = fields.required("statement").nonBlankText().orElse("");
            solution = fields.get("solution").text().orElse("");
            starter = fields.get("starterCode").text().orElse("");
        } else {
            statement = texts.statement();
            solution = texts.solution();
            starter = texts.starterCode();
        }
        if (root.errors().size() != before || statement.isBlank()) {
            return Optional.empty();
        }
        return root.make(() -> new ProblemContent(title.orElseThrow(), statement, kind.orElseThrow(), difficulty.orElseThrow(),
                topic.orElseThrow(), hints, grader.orElseThrow(), basePoints, timeBonus, estimated, premium, tags, company,
                starter, solution));
    }

    private static Optional<GraderSettings> grader(Node.Fields fields, Form form) {
        if (form == Form.INLINE && fields.has("answer")) {
            Node answer = fields.get("answer");
            if (fields.has("grader")) {
                answer.error("give either answer or grader, not both");
                return Optional.empty();
            }
            if (!(answer.value() instanceof Map<?, ?> map)) {
                answer.error("must be an object: {accepted: [...], caseSensitive: false}");
                return Optional.empty();
            }
            if (map.containsKey("type")) {
                answer.errors().add(FieldErrors.join(answer.path(), "type"), "is not a field here; answer is always an exact answer (use grader for other types)");
                return Optional.empty();
            }
            var exact = new LinkedHashMap<String, Object>();
            exact.put("type", GraderSettings.ExactAnswer.TYPE);
            map.forEach((key, value) -> exact.put(String.valueOf(key), value));
            return GraderDocument.read(Node.at(answer.path(), exact, answer.errors()));
        }
        return GraderDocument.read(fields.get("grader"));
    }

    private static List<String> tags(Node node) {
        var tags = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (Node item : node.items()) {
            item.nonBlankText().ifPresent(tag -> {
                if (tag.length() > ProblemContent.MAX_TAG_LENGTH) {
                    item.error("is longer than " + ProblemContent.MAX_TAG_LENGTH + " characters");
                } else if (!seen.add(tag.strip().toLowerCase(Locale.ROOT))) {
                    item.error("repeats the tag '" + tag + "'");
                } else {
                    tags.add(tag);
                }
            });
        }
        return tags;
    }

    private static List<Hint> hints(Node node, long maximumPoints) {
        var hints = new ArrayList<Hint>();
        List<Node> items = node.items();
        if (items.size() > ProblemContent.MAX_HINTS) {
            node.error("at most " + ProblemContent.MAX_HINTS + " hints, had " + items.size());
            return hints;
        }
        long penalties = 0;
        boolean complete = true;
        for (Node item : items) {
            var hint = item.object("an object: {text, penalty}", List.of("text", "penalty")).orElse(null);
            if (hint == null) {
                if (!item.isPresent()) {
                    item.error("must be an object: {text, penalty}");
                }
                complete = false;
                continue;
            }
            Optional<String> text = hint.required("text").nonBlankText();
            int penalty = atLeast(hint.get("penalty"), 0, 0);
            penalties += penalty;
            if (text.isPresent()) {
                hints.add(new Hint(text.get(), penalty));
            } else {
                complete = false;
            }
        }
        if (complete && penalties > maximumPoints) {
            node.error("penalties add up to " + penalties + ", more than the " + maximumPoints + " points the problem can award");
        }
        return hints;
    }

    private static int atLeast(Node node, int minimum, int fallback) {
        Optional<Integer> value = node.integer();
        if (value.isPresent() && value.get() < minimum) {
            node.error("must be at least " + minimum + ", was " + value.get());
            return fallback;
        }
        return value.orElse(fallback);
    }

    /**
     * The canonical document of {@code content}: every field, defaults included, in a fixed order. The
     * INLINE form (with statement, solution and starter code) is what the authoring API shows and
     * what content fingerprints are computed over.
     */
    public static Map<String, Object> write(ProblemContent content, Form form) {
        var json = new LinkedHashMap<String, Object>();
        json.put("title", content.title());
        json.put("kind", kindName(content.kind()));
        json.put("difficulty", difficultyName(content.difficulty()));
        json.put("topic", content.topic().value());
        json.put("tags", content.tags());
        json.put("company", content.company().orElse(null));
        json.put("premium", content.premium());
        json.put("basePoints", content.basePoints());
        json.put("timeBonusPoints", content.timeBonusPoints());
        json.put("estimatedSeconds", content.estimatedSeconds());
        json.put("hints", writeHints(content.hints()));
        json.put("grader", GraderDocument.write(content.grader()));
        if (form == Form.INLINE) {
            json.put("statement", content.statement());
            json.put("solution", content.solution());
            json.put("starterCode", content.starterCode());
        }
        return json;
    }

    public static List<Map<String, Object>> writeHints(List<Hint> hints) {
        var list = new ArrayList<Map<String, Object>>();
        for (Hint hint : hints) {
            var item = new LinkedHashMap<String, Object>();
            item.put("text", hint.text());
            item.put("penalty", hint.penalty());
            list.add(item);
        }
        return list;
    }

    /** Reads hints this class wrote (from storage). */
    public static List<Hint> hintsFromStored(List<?> stored) {
        var hints = new ArrayList<Hint>();
        for (Object item : stored) {
            var map = (Map<?, ?>) item;
            hints.add(new Hint((String) map.get("text"), ((Number) map.get("penalty")).intValue()));
        }
        return hints;
    }
}
