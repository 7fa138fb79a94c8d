package org.praxis.domain.gamification;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.praxis.domain.curriculum.Difficulty;
import org.praxis.domain.curriculum.TopicSlug;

/**
 * The criteria language of achievements (GA2, seed 003 {@code badges.criteria JSONB}). Each record is
 * one JSON object with a {@code type} and its own fields, nothing else, e.g.
 * {@code {"type":"solvedCount","count":10,"difficulty":"advanced","topic":"joins"}}. {@link #toJson()} and
 * {@link #fromJson(Map)} convert to and from the object model any JSON library produces (a map of
 * strings, numbers and strings), so the domain needs no JSON library and content files stay plain JSON.
 */
public sealed interface Criterion {

    boolean isMetBy(AchievementFacts facts);

    /** The JSON object of this criterion, fields in a fixed order. */
    Map<String, Object> toJson();

    /** Any submission at all. JSON: {@code {"type":"firstSubmission"}}. */
    record FirstSubmission() implements Criterion {
        public boolean isMetBy(AchievementFacts facts) {
            return facts.submissions() >= 1;
        }

        public Map<String, Object> toJson() {
            return json("firstSubmission");
        }
    }

    /** At least {@code count} problems solved, optionally only of one difficulty and/or in one topic. */
    record SolvedCount(int count, Optional<Difficulty> difficulty, Optional<TopicSlug> topic) implements Criterion {
        public SolvedCount {
            positive("count", count);
            Objects.requireNonNull(difficulty, "difficulty");
            Objects.requireNonNull(topic, "topic");
        }

        public boolean isMetBy(AchievementFacts facts) {
            if (difficulty.isEmpty() && topic.isEmpty()) {
                return facts.solved() >= count;
            }
            long matching = facts.solvedBy().entrySet().stream()
                    .filter(e -> difficulty.map(d -> d == e.getKey().difficulty()).orElse(true))
                    .filter(e -> topic.map(t -> e.getKey().topic().filter(t::equals).isPresent()).orElse(true))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            return matching >= count;
        }

        public Map<String, Object> toJson() {
            var json = json("solvedCount");
            json.put("count", count);
            difficulty.ifPresent(d -> json.put("difficulty", d.name().toLowerCase(Locale.ROOT)));
            topic.ifPresent(t -> json.put("topic", t.value()));
            return json;
        }
    }

    /** A streak of at least {@code days} consecutive active days, at any time (the longest streak counts). */
    record StreakDays(int days) implements Criterion {
        public StreakDays {
            positive("days", days);
        }

        public boolean isMetBy(AchievementFacts facts) {
            return facts.longestStreak() >= days;
        }

        public Map<String, Object> toJson() {
            var json = json("streakDays");
            json.put("days", days);
            return json;
        }
    }

    /** A problem first solved with a score of 100 and no hint revealed. */
    record PerfectWithoutHints() implements Criterion {
        public boolean isMetBy(AchievementFacts facts) {
            return facts.perfectWithoutHints() >= 1;
        }

        public Map<String, Object> toJson() {
            return json("perfectWithoutHints");
        }
    }

    /** A problem first solved in under {@code seconds} seconds (strictly less), timed from the session start. */
    record SolvedUnder(long seconds) implements Criterion {
        public SolvedUnder {
            if (seconds < 1) {
                throw new IllegalArgumentException("seconds must be at least 1, was " + seconds);
            }
        }

        public boolean isMetBy(AchievementFacts facts) {
            return facts.fastestSolveSeconds().isPresent() && facts.fastestSolveSeconds().getAsLong() < seconds;
        }

        public Map<String, Object> toJson() {
            var json = json("solvedUnder");
            json.put("seconds", seconds);
            return json;
        }
    }

    /** Level {@code level} or higher reached in {@code topic}. */
    record LevelReached(TopicSlug topic, int level) implements Criterion {
        public LevelReached {
            Objects.requireNonNull(topic, "topic");
            positive("level", level);
        }

        public boolean isMetBy(AchievementFacts facts) {
            return facts.levelIn(topic) >= level;
        }

        public Map<String, Object> toJson() {
            var json = json("levelReached");
            json.put("topic", topic.value());
            json.put("level", level);
            return json;
        }
    }

    /** At least {@code points} points in total. */
    record PointsTotal(long points) implements Criterion {
        public PointsTotal {
            if (points < 1) {
                throw new IllegalArgumentException("points must be at least 1, was " + points);
            }
        }

        public boolean isMetBy(AchievementFacts facts) {
            return facts.points() >= points;
        }

        public Map<String, Object> toJson() {
            var json = json("pointsTotal");
            json.put("points", points);
            return json;
        }
    }

    /** Problems solved in at least {@code count} different topics. */
    record DistinctTopicsSolved(int count) implements Criterion {
        public DistinctTopicsSolved {
            positive("count", count);
        }

        public boolean isMetBy(AchievementFacts facts) {
            return facts.distinctTopicsSolved() >= count;
        }

        public Map<String, Object> toJson() {
            var json = json("distinctTopicsSolved");
            json.put("count", count);
            return json;
        }
    }

    /**
     * Reads a criterion from its JSON object. Unknown types, unknown or missing fields and non-integral
     * numbers are refused with a message naming the field, so a typo in a content file fails the sync
     * instead of silently making an achievement unreachable.
     */
    static Criterion fromJson(Map<String, ?> json) {
        Objects.requireNonNull(json, "json");
        Object type = json.get("type");
        if (!(type instanceof String name)) {
            throw new IllegalArgumentException("criterion.type must be a string");
        }
        return switch (name) {
            case "firstSubmission" -> {
                fields(json, Set.of());
                yield new FirstSubmission();
            }
            case "solvedCount" -> {
                fields(json, Set.of("count", "difficulty", "topic"));
                yield new SolvedCount(intField(json, "count"),
                        optionalString(json, "difficulty").map(Criterion::difficulty),
                        optionalString(json, "topic").map(TopicSlug::new));
            }
            case "streakDays" -> {
                fields(json, Set.of("days"));
                yield new StreakDays(intField(json, "days"));
            }
            case "perfectWithoutHints" -> {
                fields(json, Set.of());
                yield new PerfectWithoutHints();
            }
            case "solvedUnder" -> {
                fields(json, Set.of("seconds"));
                yield new SolvedUnder(longField(json, "seconds"));
            }
            case "levelReached" -> {
                fields(json, Set.of("topic", "level"));
                yield new LevelReached(new TopicSlug(optionalString(json, "topic")
                        .orElseThrow(() -> new IllegalArgumentException("criterion.topic is required"))), intField(json, "level"));
            }
            case "pointsTotal" -> {
                fields(json, Set.of("points"));
                yield new PointsTotal(longField(json, "points"));
            }
            case "distinctTopicsSolved" -> {
                fields(json, Set.of("count"));
                yield new DistinctTopicsSolved(intField(json, "count"));
            }
            default -> throw new IllegalArgumentException("criterion.type is unknown: " + name);
        };
    }

    private static Map<String, Object> json(String type) {
        var json = new LinkedHashMap<String, Object>();
        json.put("type", type);
        return json;
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be at least 1, was " + value);
        }
    }

    private static void fields(Map<String, ?> json, Set<String> allowed) {
        for (String key : json.keySet()) {
            if (!key.equals("type") && !allowed.contains(key)) {
                throw new IllegalArgumentException("criterion." + key + " is not a field of " + json.get("type"));
            }
        }
    }

    private static long longField(Map<String, ?> json, String field) {
        Object value = json.get(field);
        if (value == null) {
            throw new IllegalArgumentException("criterion." + field + " is required");
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        if (value instanceof java.math.BigDecimal decimal) {
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException notWhole) {
                throw new IllegalArgumentException("criterion." + field + " must be a whole number, was " + value);
            }
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return (long) d;
            }
        }
        throw new IllegalArgumentException("criterion." + field + " must be a whole number, was " + value);
    }

    private static int intField(Map<String, ?> json, String field) {
        long value = longField(json, field);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("criterion." + field + " is too large: " + value);
        }
        return (int) value;
    }

    private static Optional<String> optionalString(Map<String, ?> json, String field) {
        Object value = json.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("criterion." + field + " must be a string");
        }
        return Optional.of(text);
    }

    private static Difficulty difficulty(String text) {
        try {
            return Difficulty.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("criterion.difficulty must be one of beginner, intermediate, advanced, expert; was " + text);
        }
    }
}
