package org.praxis.domain.gamification;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.praxis.domain.curriculum.TopicSlug;

/**
 * What achievement rules are evaluated against (GA2): counters the reducer keeps current, never a
 * history scan.
 *
 * @param submissions          graded submissions of any verdict
 * @param solvedBy             first solves by topic and difficulty
 * @param perfectWithoutHints  first solves with a score of 100 and no hint revealed
 * @param fastestSolveSeconds  the quickest first solve whose time is known
 * @param levelByTopic         the level reached in each topic
 */
public record AchievementFacts(
        int submissions,
        long points,
        int solved,
        int longestStreak,
        Map<SolvedKey, Integer> solvedBy,
        int perfectWithoutHints,
        OptionalLong fastestSolveSeconds,
        Map<TopicSlug, Integer> levelByTopic) {

    public AchievementFacts {
        solvedBy = Map.copyOf(solvedBy);
        levelByTopic = Map.copyOf(levelByTopic);
        Objects.requireNonNull(fastestSolveSeconds, "fastestSolveSeconds");
        if (submissions < 0 || points < 0 || solved < 0 || longestStreak < 0 || perfectWithoutHints < 0) {
            throw new IllegalArgumentException("counters cannot be negative");
        }
    }

    public long distinctTopicsSolved() {
        return solvedBy.entrySet().stream()
                .filter(e -> e.getValue() > 0 && e.getKey().topic().isPresent())
                .map(e -> e.getKey().topic().get())
                .distinct()
                .count();
    }

    public int levelIn(TopicSlug topic) {
        return levelByTopic.getOrDefault(topic, 0);
    }
}
