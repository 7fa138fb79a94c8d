package org.praxis.persistence.progress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.jooq.JSONB;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.gamification.SolvedKey;
import org.praxis.domain.progress.LearnerStats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The learner's achievement counters as the JSON in {@code learner_states.stats}, and plain JSON documents. */
public final class StatsJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private StatsJson() {
    }

    public static JSONB write(LearnerStats stats) {
        var solved = new ArrayList<Map<String, Object>>();
        stats.solvedBy().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator
                        .comparing((SolvedKey k) -> k.topic().map(TopicSlug::value).orElse(""))
                        .thenComparing(SolvedKey::difficulty)))
                .forEach(e -> {
                    var item = new LinkedHashMap<String, Object>();
                    item.put("topic", e.getKey().topic().map(TopicSlug::value).orElse(null));
                    item.put("difficulty", Rows.difficulty(e.getKey().difficulty()));
                    item.put("count", e.getValue());
                    solved.add(item);
                });
        var levels = new TreeMap<String, Integer>();
        stats.levelByTopic().forEach((topic, level) -> levels.put(topic.value(), level));
        var json = new LinkedHashMap<String, Object>();
        json.put("solvedBy", solved);
        json.put("perfectWithoutHints", stats.perfectWithoutHints());
        json.put("fastestSolveSeconds", stats.fastestSolveSeconds().isPresent() ? stats.fastestSolveSeconds().getAsLong() : null);
        json.put("levelByTopic", levels);
        return jsonb(json);
    }

    @SuppressWarnings("unchecked")
    static LearnerStats read(JSONB jsonb) {
        Map<String, Object> json = map(jsonb);
        if (json.isEmpty()) {
            return LearnerStats.EMPTY;
        }
        var solvedBy = new HashMap<SolvedKey, Integer>();
        for (var item : (List<Map<String, Object>>) json.getOrDefault("solvedBy", List.of())) {
            var topic = Optional.ofNullable((String) item.get("topic")).map(TopicSlug::new);
            solvedBy.put(new SolvedKey(topic, Rows.difficulty((String) item.get("difficulty"))), ((Number) item.get("count")).intValue());
        }
        var levels = new HashMap<TopicSlug, Integer>();
        ((Map<String, Object>) json.getOrDefault("levelByTopic", Map.of()))
                .forEach((topic, level) -> levels.put(new TopicSlug(topic), ((Number) level).intValue()));
        Object fastest = json.get("fastestSolveSeconds");
        return new LearnerStats(solvedBy, ((Number) json.getOrDefault("perfectWithoutHints", 0)).intValue(),
                fastest == null ? OptionalLong.empty() : OptionalLong.of(((Number) fastest).longValue()), levels);
    }

    static JSONB jsonb(Object document) {
        try {
            return JSONB.valueOf(MAPPER.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public static org.jooq.JSON json(Object document) {
        try {
            return org.jooq.JSON.valueOf(MAPPER.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static Map<String, Object> map(org.jooq.JSON json) {
        try {
            return json == null ? Map.of() : MAPPER.readValue(json.data(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    static List<Object> list(org.jooq.JSON json) {
        try {
            return json == null ? List.of() : MAPPER.readValue(json.data(), new TypeReference<List<Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    static Map<String, Object> map(JSONB jsonb) {
        try {
            return jsonb == null ? Map.of() : MAPPER.readValue(jsonb.data(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    static List<Object> list(JSONB jsonb) {
        try {
            return jsonb == null ? List.of() : MAPPER.readValue(jsonb.data(), new TypeReference<List<Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
