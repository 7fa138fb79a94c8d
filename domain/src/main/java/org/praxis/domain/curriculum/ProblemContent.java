package org.praxis.domain.curriculum;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.praxis.domain.grading.GraderSettings;

/**
 * Everything an author writes about one problem (CU2): what a version of a problem carries. Scoring
 * parameters are plain values here (base points, time bonus, estimated time, hint penalties); the
 * formulas that use them live in {@code org.praxis.domain.scoring}.
 *
 * <p>Validation, each rule refusing the whole value:
 * <ul>
 *   <li>title: not blank, at most {@value #MAX_TITLE_LENGTH} characters (seed 003 {@code VARCHAR(200)}); statement: not blank;</li>
 *   <li>the grader settings fit the kind ({@link ProblemKind#accepts});</li>
 *   <li>base points and time bonus points at least 0; estimated time at least 1 second;</li>
 *   <li>at most {@value #MAX_HINTS} hints; their penalties add up to at most base + bonus points, so
 *       revealing every hint can take a solution down to zero but a penalty is never meaningless;</li>
 *   <li>tags: not blank, at most {@value #MAX_TAG_LENGTH} characters, distinct ignoring case; company: not blank when present.</li>
 * </ul>
 *
 * @param starterCode what the editor starts with ("" for none)
 * @param solution    the official solution, never shown before the learner solves the problem ("" for none)
 */
public record ProblemContent(
        String title,
        String statement,
        ProblemKind kind,
        Difficulty difficulty,
        TopicSlug topic,
        List<Hint> hints,
        GraderSettings grader,
        int basePoints,
        int timeBonusPoints,
        int estimatedSeconds,
        boolean premium,
        List<String> tags,
        Optional<String> company,
        String starterCode,
        String solution) {

    /** Seed 000 {@code problems.base_points DEFAULT 100}. */
    public static final int DEFAULT_BASE_POINTS = 100;
    /** Seed 000 {@code problems.time_bonus_points DEFAULT 50}. */
    public static final int DEFAULT_TIME_BONUS_POINTS = 50;
    /** No seed gives one; five minutes, the same default the scoring package uses. */
    public static final int DEFAULT_ESTIMATED_SECONDS = 300;
    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_HINTS = 20;
    public static final int MAX_TAG_LENGTH = 50;

    public ProblemContent {
        requireText(title, "title");
        if (title.length() > MAX_TITLE_LENGTH) {
            throw new IllegalArgumentException("the title is longer than " + MAX_TITLE_LENGTH + " characters");
        }
        requireText(statement, "statement");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(difficulty, "difficulty");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(grader, "grader settings");
        if (!kind.accepts(grader)) {
            throw new IllegalArgumentException("a " + kind + " problem cannot be graded by '" + grader.type() + "' settings; use one of "
                    + new TreeSet<>(kind.graderTypes()));
        }
        if (basePoints < 0 || timeBonusPoints < 0) {
            throw new IllegalArgumentException("base points and time bonus points cannot be negative");
        }
        long maximum = (long) basePoints + timeBonusPoints;
        if (maximum > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("base + bonus points must fit an int");
        }
        if (estimatedSeconds <= 0) {
            throw new IllegalArgumentException("the estimated time must be at least 1 second, was " + estimatedSeconds);
        }
        hints = List.copyOf(Objects.requireNonNull(hints, "hints"));
        if (hints.size() > MAX_HINTS) {
            throw new IllegalArgumentException("at most " + MAX_HINTS + " hints, had " + hints.size());
        }
        long penalties = hints.stream().mapToLong(Hint::penalty).sum();
        if (penalties > maximum) {
            throw new IllegalArgumentException("hint penalties add up to " + penalties + ", more than the " + maximum
                    + " points the problem can award");
        }
        tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        var seen = new HashSet<String>();
        for (String tag : tags) {
            requireText(tag, "tag");
            if (tag.length() > MAX_TAG_LENGTH) {
                throw new IllegalArgumentException("a tag is longer than " + MAX_TAG_LENGTH + " characters: " + tag);
            }
            if (!seen.add(tag.strip().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("duplicate tag: " + tag);
            }
        }
        Objects.requireNonNull(company, "company");
        company.ifPresent(name -> requireText(name, "company"));
        starterCode = starterCode == null ? "" : starterCode;
        solution = solution == null ? "" : solution;
    }

    /** A problem with the seeds' defaults: 100 base points, 50 bonus points, 5 minutes, no hints, free, untagged. */
    public static ProblemContent of(String title, String statement, ProblemKind kind, Difficulty difficulty, TopicSlug topic,
                                    GraderSettings grader) {
        return new ProblemContent(title, statement, kind, difficulty, topic, List.of(), grader, DEFAULT_BASE_POINTS,
                DEFAULT_TIME_BONUS_POINTS, DEFAULT_ESTIMATED_SECONDS, false, List.of(), Optional.empty(), "", "");
    }

    public ProblemContent withHints(List<Hint> newHints) {
        return new ProblemContent(title, statement, kind, difficulty, topic, newHints, grader, basePoints, timeBonusPoints,
                estimatedSeconds, premium, tags, company, starterCode, solution);
    }

    public ProblemContent withPoints(int newBasePoints, int newTimeBonusPoints, int newEstimatedSeconds) {
        return new ProblemContent(title, statement, kind, difficulty, topic, hints, grader, newBasePoints, newTimeBonusPoints,
                newEstimatedSeconds, premium, tags, company, starterCode, solution);
    }

    public ProblemContent withStatement(String newStatement) {
        return new ProblemContent(title, newStatement, kind, difficulty, topic, hints, grader, basePoints, timeBonusPoints,
                estimatedSeconds, premium, tags, company, starterCode, solution);
    }

    public ProblemContent withGrader(GraderSettings newGrader) {
        return new ProblemContent(title, statement, kind, difficulty, topic, hints, newGrader, basePoints, timeBonusPoints,
                estimatedSeconds, premium, tags, company, starterCode, solution);
    }

    public ProblemContent withCatalogueData(boolean newPremium, List<String> newTags, Optional<String> newCompany) {
        return new ProblemContent(title, statement, kind, difficulty, topic, hints, grader, basePoints, timeBonusPoints,
                estimatedSeconds, newPremium, newTags, newCompany, starterCode, solution);
    }

    public ProblemContent withCode(String newStarterCode, String newSolution) {
        return new ProblemContent(title, statement, kind, difficulty, topic, hints, grader, basePoints, timeBonusPoints,
                estimatedSeconds, premium, tags, company, newStarterCode, newSolution);
    }

    /** The most a correct answer can earn: base plus the full time bonus. */
    public int maximumPoints() {
        return basePoints + timeBonusPoints;
    }

    /** Hint {@code number}, counted from 1 in the order the author listed them. */
    public Hint hint(int number) {
        checkHintNumber(number);
        return hints.get(number - 1);
    }

    /** The sum of the penalties of the revealed hints (each counted once); unknown hint numbers are refused. */
    public int hintPenalty(Collection<Integer> revealedHintNumbers) {
        int total = 0;
        for (Integer number : new TreeSet<>(revealedHintNumbers)) {
            total += hint(number).penalty();
        }
        return total;
    }

    private void checkHintNumber(int number) {
        if (number < 1 || number > hints.size()) {
            throw new IllegalArgumentException("this problem has " + hints.size() + " hints; no hint number " + number);
        }
    }

    private static void requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the " + what + " is required");
        }
    }
}
