package org.praxis.application.curriculum.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.praxis.domain.grading.GraderSettings;
import org.praxis.domain.grading.GraderSettings.AiJudge;
import org.praxis.domain.grading.GraderSettings.ExactAnswer;
import org.praxis.domain.grading.GraderSettings.MultipleChoice;
import org.praxis.domain.grading.GraderSettings.Numeric;
import org.praxis.domain.grading.GraderSettings.RegularExpression;
import org.praxis.domain.grading.GraderSettings.SingleChoice;
import org.praxis.domain.grading.GraderSettings.SqlComparison;
import org.praxis.domain.grading.GraderSettings.SqlDataSet;
import org.praxis.domain.grading.GraderSettings.SqlResult;
import org.praxis.domain.grading.GraderSettings.TestCase;
import org.praxis.domain.grading.GraderSettings.TestSuite;

/**
 * Grader settings as a content file writes them ({@code grader: {type: single-choice, options: [..],
 * correct: 1}}; docs/content.md, "Grader settings by type"), to and from the domain's
 * {@link GraderSettings}. The written form lists every setting, defaults included, so it is canonical:
 * the same settings always give the same document (stored as jsonb, and fingerprinted).
 */
public final class GraderDocument {
    /** Defaults of settings a file may leave out. */
    public static final int DEFAULT_SQL_TIME_LIMIT_MILLIS = 2_000;
    public static final int DEFAULT_TEST_TIME_LIMIT_MILLIS = 2_000;
    public static final int DEFAULT_TEST_MEMORY_LIMIT_MB = 256;
    public static final int DEFAULT_PASSING_SCORE = 70;

    static final List<String> TYPES = List.of(ExactAnswer.TYPE, RegularExpression.TYPE, Numeric.TYPE, SingleChoice.TYPE,
            MultipleChoice.TYPE, SqlResult.TYPE, TestSuite.TYPE, AiJudge.TYPE);
    private static final List<String> FLAGS = List.of("ignore-case", "dot-all", "multiline");

    private GraderDocument() {
    }

    /** Reads grader settings; empty (with the problems in the node's errors) when they are not valid. */
    public static Optional<GraderSettings> read(Node node) {
        if (!node.isPresent()) {
            node.error("is required");
            return Optional.empty();
        }
        if (!(node.value() instanceof Map<?, ?> map)) {
            node.error("must be an object with a type");
            return Optional.empty();
        }
        Object type = map.get("type");
        if (!(type instanceof String name) || !TYPES.contains(name)) {
            node.errors().add(FieldErrors.join(node.path(), "type"), type == null ? "is required; one of " + String.join(", ", TYPES)
                    : "must be one of " + String.join(", ", TYPES) + "; was '" + type + "'");
            return Optional.empty();
        }
        int before = node.errors().size();
        Optional<GraderSettings> settings = switch (name) {
            case ExactAnswer.TYPE -> exact(node);
            case RegularExpression.TYPE -> regex(node);
            case Numeric.TYPE -> numeric(node);
            case SingleChoice.TYPE -> singleChoice(node);
            case MultipleChoice.TYPE -> multipleChoice(node);
            case SqlResult.TYPE -> sql(node);
            case TestSuite.TYPE -> tests(node);
            case AiJudge.TYPE -> aiJudge(node);
            default -> throw new IllegalStateException(name);
        };
        return node.errors().size() == before ? settings : Optional.empty();
    }

    private static Optional<GraderSettings> exact(Node node) {
        var fields = node.object("an object", List.of("type", "accepted", "caseSensitive", "normaliseWhitespace")).orElseThrow();
        List<String> accepted = texts(fields.required("accepted"), true);
        boolean caseSensitive = fields.get("caseSensitive").bool().orElse(false);
        boolean normalise = fields.get("normaliseWhitespace").bool().orElse(true);
        if (fields.get("accepted").value() instanceof List<?> list && list.isEmpty()) {
            fields.get("accepted").error("needs at least one accepted answer");
        }
        return accepted.isEmpty() ? Optional.empty() : fields.get("accepted").make(() -> new ExactAnswer(accepted, caseSensitive, normalise));
    }

    private static Optional<GraderSettings> regex(Node node) {
        var fields = node.object("an object", List.of("type", "pattern", "flags")).orElseThrow();
        Optional<String> pattern = fields.required("pattern").nonBlankText();
        var flags = EnumSet.noneOf(RegularExpression.Flag.class);
        for (Node flag : fields.get("flags").items()) {
            flag.choice(FLAGS, text -> RegularExpression.Flag.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'))).ifPresent(flags::add);
        }
        return pattern.flatMap(p -> fields.get("pattern").make(() -> new RegularExpression(p, flags)));
    }

    private static Optional<GraderSettings> numeric(Node node) {
        var fields = node.object("an object", List.of("type", "value", "tolerance")).orElseThrow();
        Optional<BigDecimal> value = fields.required("value").decimal();
        Node toleranceNode = fields.get("tolerance");
        BigDecimal tolerance = toleranceNode.decimal().orElse(BigDecimal.ZERO);
        if (tolerance.signum() < 0) {
            toleranceNode.error("cannot be negative, was " + tolerance.toPlainString());
            return Optional.empty();
        }
        return value.flatMap(v -> node.make(() -> new Numeric(v, tolerance)));
    }

    private static Optional<GraderSettings> singleChoice(Node node) {
        var fields = node.object("an object", List.of("type", "options", "correct")).orElseThrow();
        List<String> options = texts(fields.required("options"), true);
        Node correctNode = fields.required("correct");
        Optional<Integer> correct = correctNode.integer();
        if (options.isEmpty()) {
            return Optional.empty();
        }
        if (correct.isPresent() && (correct.get() < 0 || correct.get() >= options.size())) {
            correctNode.error("must be an index within 0.." + (options.size() - 1) + ", was " + correct.get());
            return Optional.empty();
        }
        return correct.flatMap(c -> fields.get("options").make(() -> new SingleChoice(options, c)));
    }

    private static Optional<GraderSettings> multipleChoice(Node node) {
        var fields = node.object("an object", List.of("type", "options", "correct", "partialCredit")).orElseThrow();
        List<String> options = texts(fields.required("options"), true);
        Node correctNode = fields.required("correct");
        var correct = new TreeSet<Integer>();
        for (Node index : correctNode.items()) {
            index.integer().ifPresent(i -> {
                if (!options.isEmpty() && (i < 0 || i >= options.size())) {
                    index.error("must be an index within 0.." + (options.size() - 1) + ", was " + i);
                } else if (!correct.add(i)) {
                    index.error("lists option " + i + " twice");
                }
            });
        }
        if (correctNode.isPresent() && correctNode.value() instanceof List<?> list && list.isEmpty()) {
            correctNode.error("needs at least one correct option");
        }
        boolean partialCredit = fields.get("partialCredit").bool().orElse(false);
        if (options.isEmpty() || correct.isEmpty()) {
            return Optional.empty();
        }
        return fields.get("options").make(() -> new MultipleChoice(options, correct, partialCredit));
    }

    private static Optional<GraderSettings> sql(Node node) {
        var fields = node.object("an object", List.of("type", "schema", "setupScript", "sampleRows", "testCases", "referenceSolution",
                "orderMatters", "columnNamesMatter", "numericTolerance", "timeLimitMillis")).orElseThrow();
        // setupScript is the first form of the format (DDL and rows in one script): read as the schema
        Optional<String> schema;
        if (fields.has("setupScript") && !fields.has("schema")) {
            schema = fields.get("setupScript").nonBlankText();
        } else {
            if (fields.has("setupScript")) {
                fields.get("setupScript").error("is the old name of schema; give only schema");
            }
            schema = fields.required("schema").nonBlankText();
        }
        String sampleRows = fields.get("sampleRows").text().orElse("");
        Optional<String> reference = fields.required("referenceSolution").nonBlankText();
        boolean orderMatters = fields.get("orderMatters").bool().orElse(false);
        boolean columnNamesMatter = fields.get("columnNamesMatter").bool().orElse(false);
        Node toleranceNode = fields.get("numericTolerance");
        BigDecimal tolerance = toleranceNode.decimal().orElse(BigDecimal.ZERO);
        if (tolerance.signum() < 0) {
            toleranceNode.error("cannot be negative, was " + tolerance.toPlainString());
        }
        int limit = positive(fields.get("timeLimitMillis"), DEFAULT_SQL_TIME_LIMIT_MILLIS);
        var cases = new ArrayList<SqlDataSet>();
        var names = new java.util.HashSet<String>();
        names.add(SqlResult.SAMPLE);
        for (Node item : fields.get("testCases").items()) {
            item.object("an object", List.of("name", "hidden", "rows")).ifPresentOrElse(testCase -> {
                Optional<String> name = testCase.required("name").nonBlankText();
                boolean hidden = testCase.get("hidden").bool().orElse(false);
                String rows = testCase.get("rows").text().orElse("");
                if (name.isPresent() && !names.add(name.get())) {
                    testCase.get("name").error("test case names must be unique and not '" + SqlResult.SAMPLE + "'; '" + name.get()
                            + "' appears twice");
                    return;
                }
                name.ifPresent(n -> cases.add(new SqlDataSet(n, hidden, rows)));
            }, () -> item.error("must be an object"));
        }
        if (schema.isEmpty() || reference.isEmpty() || tolerance.signum() < 0) {
            return Optional.empty();
        }
        return node.make(() -> new SqlResult(schema.get(), sampleRows, cases, reference.get(),
                new SqlComparison(orderMatters, columnNamesMatter, tolerance), limit));
    }

    private static Optional<GraderSettings> tests(Node node) {
        var fields = node.object("an object", List.of("type", "cases")).orElseThrow();
        Node casesNode = fields.required("cases");
        var cases = new ArrayList<TestCase>();
        var names = new java.util.HashSet<String>();
        for (Node item : casesNode.items()) {
            item.object("an object", List.of("name", "input", "expectedOutput", "hidden", "timeLimitMillis", "memoryLimitMb"))
                    .ifPresentOrElse(testCase -> {
                        Optional<String> name = testCase.required("name").nonBlankText();
                        String input = testCase.get("input").text().orElse("");
                        Optional<String> expected = testCase.required("expectedOutput").text();
                        boolean hidden = testCase.get("hidden").bool().orElse(false);
                        int time = positive(testCase.get("timeLimitMillis"), DEFAULT_TEST_TIME_LIMIT_MILLIS);
                        int memory = positive(testCase.get("memoryLimitMb"), DEFAULT_TEST_MEMORY_LIMIT_MB);
                        if (name.isPresent() && !names.add(name.get())) {
                            testCase.get("name").error("test case names must be unique; '" + name.get() + "' appears twice");
                            return;
                        }
                        if (name.isPresent() && expected.isPresent()) {
                            item.make(() -> new TestCase(name.get(), input, expected.get(), hidden, time, memory)).ifPresent(cases::add);
                        }
                    }, () -> item.error("must be an object"));
        }
        if (casesNode.value() instanceof List<?> list && list.isEmpty()) {
            casesNode.error("needs at least one test case");
        }
        return cases.isEmpty() ? Optional.empty() : node.make(() -> new TestSuite(cases));
    }

    private static Optional<GraderSettings> aiJudge(Node node) {
        var fields = node.object("an object", List.of("type", "referenceAnswer", "rubric", "passingScore")).orElseThrow();
        Optional<String> reference = fields.required("referenceAnswer").nonBlankText();
        String rubric = fields.get("rubric").text().orElse("");
        Node scoreNode = fields.get("passingScore");
        int passing = scoreNode.integer().orElse(DEFAULT_PASSING_SCORE);
        if (passing < 0 || passing > 100) {
            scoreNode.error("must be within 0..100, was " + passing);
            return Optional.empty();
        }
        return reference.flatMap(r -> node.make(() -> new AiJudge(r, rubric, passing)));
    }

    private static List<String> texts(Node node, boolean nonBlank) {
        var texts = new ArrayList<String>();
        for (Node item : node.items()) {
            (nonBlank ? item.nonBlankText() : item.text()).ifPresent(texts::add);
        }
        return texts;
    }

    private static int positive(Node node, int fallback) {
        int value = node.integer().orElse(fallback);
        if (value <= 0) {
            node.error("must be positive, was " + value);
            return fallback;
        }
        return value;
    }

    /** The canonical document of {@code settings}: every setting, in a fixed order. */
    public static Map<String, Object> write(GraderSettings settings) {
        var json = new LinkedHashMap<String, Object>();
        json.put("type", settings.type());
        if (settings instanceof ExactAnswer exact) {
            json.put("accepted", exact.accepted());
            json.put("caseSensitive", exact.caseSensitive());
            json.put("normaliseWhitespace", exact.normaliseWhitespace());
        } else if (settings instanceof RegularExpression regex) {
            json.put("pattern", regex.pattern());
            json.put("flags", FLAGS.stream()
                    .filter(flag -> regex.flags().contains(RegularExpression.Flag.valueOf(flag.toUpperCase(Locale.ROOT).replace('-', '_'))))
                    .toList());
        } else if (settings instanceof Numeric numeric) {
            json.put("value", numeric.value().toPlainString());
            json.put("tolerance", numeric.tolerance().toPlainString());
        } else if (settings instanceof SingleChoice choice) {
            json.put("options", choice.options());
            json.put("correct", choice.correct());
        } else if (settings instanceof MultipleChoice choice) {
            json.put("options", choice.options());
            json.put("correct", List.copyOf(choice.correct()));
            json.put("partialCredit", choice.partialCredit());
        } else if (settings instanceof SqlResult sql) {
            json.put("schema", sql.schema());
            json.put("sampleRows", sql.sampleRows());
            var cases = new ArrayList<Map<String, Object>>();
            for (SqlDataSet testCase : sql.testCases()) {
                var item = new LinkedHashMap<String, Object>();
                item.put("name", testCase.name());
                item.put("hidden", testCase.hidden());
                item.put("rows", testCase.rows());
                cases.add(item);
            }
            json.put("testCases", cases);
            json.put("referenceSolution", sql.referenceSolution());
            json.put("orderMatters", sql.comparison().orderMatters());
            json.put("columnNamesMatter", sql.comparison().columnNamesMatter());
            json.put("numericTolerance", sql.comparison().numericTolerance().toPlainString());
            json.put("timeLimitMillis", sql.timeLimitMillis());
        } else if (settings instanceof TestSuite suite) {
            var cases = new ArrayList<Map<String, Object>>();
            for (TestCase testCase : suite.cases()) {
                var item = new LinkedHashMap<String, Object>();
                item.put("name", testCase.name());
                item.put("input", testCase.input());
                item.put("expectedOutput", testCase.expectedOutput());
                item.put("hidden", testCase.hidden());
                item.put("timeLimitMillis", testCase.timeLimitMillis());
                item.put("memoryLimitMb", testCase.memoryLimitMb());
                cases.add(item);
            }
            json.put("cases", cases);
        } else if (settings instanceof AiJudge judge) {
            json.put("referenceAnswer", judge.referenceAnswer());
            json.put("rubric", judge.rubric());
            json.put("passingScore", judge.passingScore());
        } else {
            throw new IllegalArgumentException("unknown grader settings " + settings.getClass());
        }
        return json;
    }

    /** Reads settings this class wrote (from storage): any problem is a bug, not an author's mistake. */
    public static GraderSettings fromStored(Map<String, ?> json) {
        var errors = new FieldErrors();
        Optional<GraderSettings> settings = read(Node.root(json, errors));
        if (!errors.isEmpty() || settings.isEmpty()) {
            throw new IllegalStateException("stored grader settings are not valid: " + errors.list());
        }
        return settings.get();
    }
}
