package org.praxis.domain.grading;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How a problem's answers are checked: part of the problem's content, so each record maps 1:1 to
 * the JSON of a content file (the {@link #type()} is the JSON discriminator). Built-in settings are
 * graded inside the domain ({@link BuiltInGraders}); external ones are plain values here and graded
 * by adapters (SQL sandbox, code runner, AI judge) that implement {@link Grader}.
 */
public sealed interface GraderSettings permits GraderSettings.BuiltIn, GraderSettings.External {

    /** The JSON discriminator: stable, lower-case, never reused. */
    String type();

    sealed interface BuiltIn extends GraderSettings
            permits ExactAnswer, Numeric, SingleChoice, MultipleChoice, RegularExpression {
    }

    sealed interface External extends GraderSettings permits SqlResult, TestSuite, AiJudge {
    }

    /**
     * The answer equals one of the accepted answers after {@link Normalisation}. Defaults in content
     * files: case-insensitive, white space normalised.
     */
    record ExactAnswer(List<String> accepted, boolean caseSensitive, boolean normaliseWhitespace) implements BuiltIn {
        public static final String TYPE = "exact";

        public ExactAnswer {
            accepted = List.copyOf(Objects.requireNonNull(accepted, "accepted answers"));
            if (accepted.isEmpty()) {
                throw new IllegalArgumentException("an exact-answer problem needs at least one accepted answer");
            }
            var normalisation = new Normalisation(caseSensitive, normaliseWhitespace);
            for (String answer : accepted) {
                if (normalisation.apply(answer).isBlank()) {
                    throw new IllegalArgumentException("an accepted answer cannot be blank");
                }
            }
        }

        public static ExactAnswer lenient(String... accepted) {
            return new ExactAnswer(List.of(accepted), false, true);
        }

        public Normalisation normalisation() {
            return new Normalisation(caseSensitive, normaliseWhitespace);
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** The answer is a number within {@code tolerance} (absolute, inclusive) of {@code value}. */
    record Numeric(BigDecimal value, BigDecimal tolerance) implements BuiltIn {
        public static final String TYPE = "numeric";

        public Numeric {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(tolerance, "tolerance");
            if (tolerance.signum() < 0) {
                throw new IllegalArgumentException("the tolerance cannot be negative, was " + tolerance);
            }
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** Exactly one option is right. The answer is the chosen option's 0-based index, e.g. {@code "2"}. */
    record SingleChoice(List<String> options, int correct) implements BuiltIn {
        public static final String TYPE = "single-choice";

        public SingleChoice {
            options = Choices.checkOptions(options);
            if (correct < 0 || correct >= options.size()) {
                throw new IllegalArgumentException("the correct option must be an index within 0.." + (options.size() - 1) + ", was " + correct);
            }
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * A set of options is right. The answer lists the chosen 0-based indexes separated by commas, in
     * any order, e.g. {@code "0,2"}. With {@code partialCredit} an incomplete answer scores
     * {@code floor(100 * max(0, right - wrong) / correct.size())}, so ticking everything earns nothing.
     */
    record MultipleChoice(List<String> options, SortedSet<Integer> correct, boolean partialCredit) implements BuiltIn {
        public static final String TYPE = "multiple-choice";

        public MultipleChoice {
            options = Choices.checkOptions(options);
            Objects.requireNonNull(correct, "correct options");
            if (correct.isEmpty()) {
                throw new IllegalArgumentException("a multiple-choice problem needs at least one correct option");
            }
            for (Integer index : correct) {
                if (index == null || index < 0 || index >= options.size()) {
                    throw new IllegalArgumentException("correct options must be indexes within 0.." + (options.size() - 1) + ", was " + index);
                }
            }
            correct = Collections.unmodifiableSortedSet(new TreeSet<>(correct));
        }

        public MultipleChoice(List<String> options, Set<Integer> correct, boolean partialCredit) {
            this(options, new TreeSet<>(correct), partialCredit);
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * The whole answer (surrounding white space removed) matches {@code pattern}. The pattern is
     * checked for catastrophic shapes when the settings are made ({@link RegexSafety}).
     */
    record RegularExpression(String pattern, Set<Flag> flags) implements BuiltIn {
        public static final String TYPE = "regex";

        public enum Flag {
            IGNORE_CASE(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), DOT_ALL(Pattern.DOTALL), MULTILINE(Pattern.MULTILINE);

            final int bits;

            Flag(int bits) {
                this.bits = bits;
            }
        }

        public RegularExpression {
            Objects.requireNonNull(pattern, "pattern");
            flags = flags == null || flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
            String problem = RegexSafety.problemWith(pattern, bits(flags)).orElse(null);
            if (problem != null) {
                throw new IllegalArgumentException("unusable answer pattern: " + problem);
            }
        }

        int bits() {
            return bits(flags);
        }

        private static int bits(Set<Flag> flags) {
            int bits = 0;
            for (Flag flag : flags) {
                bits |= flag.bits;
            }
            return bits;
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * SQL problems (GR2, seed 003): the learner's one query runs in a sandbox on the problem's own
     * tables ({@code schema}: DDL) filled with each data set in turn, and its result is compared with
     * the reference solution's on the same data ({@link ResultComparison}). The sample rows are the
     * visible data set {@value #SAMPLE}, shown to learners with the schema; {@code testCases} add
     * variants (an empty table, ties, NULLs...), hidden ones reporting pass or fail only.
     */
    record SqlResult(String schema, String sampleRows, List<SqlDataSet> testCases, String referenceSolution,
                     SqlComparison comparison, int timeLimitMillis) implements External {
        public static final String TYPE = "sql";
        /** The name of the data set the sample rows make. */
        public static final String SAMPLE = "sample";

        public SqlResult {
            requireText(schema, "schema");
            sampleRows = sampleRows == null ? "" : sampleRows;
            testCases = List.copyOf(Objects.requireNonNull(testCases, "test cases"));
            requireText(referenceSolution, "reference solution");
            Objects.requireNonNull(comparison, "comparison");
            if (timeLimitMillis <= 0) {
                throw new IllegalArgumentException("the time limit must be positive, was " + timeLimitMillis);
            }
            var names = new HashSet<String>();
            names.add(SAMPLE);
            for (SqlDataSet testCase : testCases) {
                if (!names.add(testCase.name())) {
                    throw new IllegalArgumentException("test case names must be unique and not '" + SAMPLE + "': " + testCase.name());
                }
            }
        }

        /** Sample rows only, rows in any order, column names ignored, exact numbers. */
        public SqlResult(String schema, String referenceSolution, boolean orderMatters, int timeLimitMillis) {
            this(schema, "", List.of(), referenceSolution, new SqlComparison(orderMatters, false, BigDecimal.ZERO), timeLimitMillis);
        }

        /** Every data set a submission is graded on: the visible sample first, then the test cases. */
        public List<SqlDataSet> dataSets() {
            var all = new java.util.ArrayList<SqlDataSet>();
            all.add(new SqlDataSet(SAMPLE, false, sampleRows));
            all.addAll(testCases);
            return List.copyOf(all);
        }

        /** What learners see to write their query: the tables and the sample rows. */
        public String learnerSetup() {
            return sampleRows.isBlank() ? schema.strip() : schema.strip() + "\n\n" + sampleRows.strip();
        }

        public boolean orderMatters() {
            return comparison.orderMatters();
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** One data set of a SQL problem: a script of inserts run after the schema. */
    record SqlDataSet(String name, boolean hidden, String rows) {
        public SqlDataSet {
            requireText(name, "test case name");
            rows = rows == null ? "" : rows;
        }
    }

    /**
     * How two query results are compared: row order significant or not, column names significant or
     * not (their number and order always are), and the absolute tolerance for numbers (0: equal values,
     * whatever their scale, so {@code 2} equals {@code 2.00}).
     */
    record SqlComparison(boolean orderMatters, boolean columnNamesMatter, BigDecimal numericTolerance) {
        public static final SqlComparison DEFAULT = new SqlComparison(false, false, BigDecimal.ZERO);

        public SqlComparison {
            Objects.requireNonNull(numericTolerance, "numeric tolerance");
            if (numericTolerance.signum() < 0) {
                throw new IllegalArgumentException("the numeric tolerance cannot be negative, was " + numericTolerance);
            }
        }
    }

    /** Code problems (GR1, seed 001/003): run against test cases, one result per case. */
    record TestSuite(List<TestCase> cases) implements External {
        public static final String TYPE = "tests";

        public TestSuite {
            cases = List.copyOf(Objects.requireNonNull(cases, "test cases"));
            if (cases.isEmpty()) {
                throw new IllegalArgumentException("a test suite needs at least one test case");
            }
            var names = new HashSet<String>();
            for (TestCase testCase : cases) {
                if (!names.add(testCase.name())) {
                    throw new IllegalArgumentException("test case names must be unique: " + testCase.name());
                }
            }
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** One test case. Hidden cases report pass or fail only (see {@link TestResult}). */
    record TestCase(String name, String input, String expectedOutput, boolean hidden, int timeLimitMillis, int memoryLimitMb) {
        public TestCase {
            requireText(name, "test case name");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(expectedOutput, "expected output");
            if (timeLimitMillis <= 0 || memoryLimitMb <= 0) {
                throw new IllegalArgumentException("time and memory limits must be positive");
            }
        }
    }

    /**
     * Free-text, diagnosis and code-review answers (GR3, seed 000): an AI model compares the answer
     * with {@code referenceAnswer} along {@code rubric}; a similarity of at least {@code passingScore}
     * (0..100) passes.
     */
    record AiJudge(String referenceAnswer, String rubric, int passingScore) implements External {
        public static final String TYPE = "ai-judge";

        public AiJudge {
            requireText(referenceAnswer, "reference answer");
            rubric = rubric == null ? "" : rubric;
            if (passingScore < 0 || passingScore > 100) {
                throw new IllegalArgumentException("the passing score must be within 0..100, was " + passingScore);
            }
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    private static void requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the " + what + " is required");
        }
    }
}
