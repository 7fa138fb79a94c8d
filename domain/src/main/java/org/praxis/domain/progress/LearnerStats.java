package org.praxis.domain.progress;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.gamification.SolvedKey;

/**
 * The counters achievement rules read (GA2), kept current by the reducer so that evaluating a rule
 * never scans history. One small row per learner.
 *
 * @param solvedBy            first solves by topic and difficulty
 * @param perfectWithoutHints first solves with a score of 100 and no hint revealed
 * @param fastestSolveSeconds the quickest first solve whose time is known
 * @param levelByTopic        the level reached in each topic (a copy of each topic's level, for rules about other topics)
 */
public record LearnerStats(Map<SolvedKey, Integer> solvedBy, int perfectWithoutHints, OptionalLong fastestSolveSeconds,
                           Map<TopicSlug, Integer> levelByTopic) {

    public static final LearnerStats EMPTY = new LearnerStats(Map.of(), 0, OptionalLong.empty(), Map.of());

    public LearnerStats {
        solvedBy = Map.copyOf(solvedBy);
        levelByTopic = Map.copyOf(levelByTopic);
        Objects.requireNonNull(fastestSolveSeconds, "fastestSolveSeconds");
        if (perfectWithoutHints < 0) {
            throw new IllegalArgumentException("counters cannot be negative");
        }
        for (int count : solvedBy.values()) {
            if (count < 0) {
                throw new IllegalArgumentException("counters cannot be negative");
            }
        }
    }

    LearnerStats solved(SolvedKey key, boolean perfectWithoutHint, OptionalLong seconds) {
        var counts = new HashMap<>(solvedBy);
        counts.merge(key, 1, Integer::sum);
        OptionalLong fastest = fastestSolveSeconds;
        if (seconds.isPresent() && (fastest.isEmpty() || seconds.getAsLong() < fastest.getAsLong())) {
            fastest = seconds;
        }
        return new LearnerStats(counts, perfectWithoutHints + (perfectWithoutHint ? 1 : 0), fastest, levelByTopic);
    }

    LearnerStats withLevel(TopicSlug topic, int level) {
        if (levelByTopic.getOrDefault(topic, -1) == level) {
            return this;
        }
        var levels = new HashMap<>(levelByTopic);
        levels.put(topic, level);
        return new LearnerStats(solvedBy, perfectWithoutHints, fastestSolveSeconds, levels);
    }
}
