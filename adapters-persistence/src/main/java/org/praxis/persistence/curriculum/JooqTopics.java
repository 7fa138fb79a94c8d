package org.praxis.persistence.curriculum;

import static org.praxis.persistence.schema.Tables.TOPICS;
import static org.praxis.persistence.schema.Tables.TOPIC_XP_SETTINGS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.praxis.application.curriculum.port.out.Topics;
import org.praxis.domain.curriculum.Topic;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.scoring.XpSettings;

/** {@link Topics} on PostgreSQL: the tree in {@code topics}, own XP settings in {@code topic_xp_settings}. */
public final class JooqTopics implements Topics {
    private static final String GENERAL = "general";

    private final DSLContext dsl;

    public JooqTopics(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl);
    }

    @Override
    public List<TopicDefinition> all() {
        var rows = dsl.select(TOPICS.fields()).select(TOPIC_XP_SETTINGS.fields())
                .from(TOPICS)
                .leftJoin(TOPIC_XP_SETTINGS).on(TOPIC_XP_SETTINGS.TOPIC_ID.eq(TOPICS.ID))
                .where(TOPICS.ARCHIVED_AT.isNull())
                .orderBy(TOPICS.POSITION, TOPICS.SLUG)
                .fetch();
        var slugs = new HashMap<Long, TopicSlug>();
        rows.forEach(r -> slugs.put(r.get(TOPICS.ID), new TopicSlug(r.get(TOPICS.SLUG))));
        var children = new LinkedHashMap<Optional<Long>, List<Record>>();
        for (Record r : rows) {
            Long parent = r.get(TOPICS.PARENT_ID);
            children.computeIfAbsent(Optional.ofNullable(parent).filter(slugs::containsKey), key -> new ArrayList<>()).add(r);
        }
        var result = new ArrayList<TopicDefinition>();
        walk(Optional.empty(), children, slugs, result);
        return result;
    }

    /** Parents before children, siblings by position. */
    private static void walk(Optional<Long> parent, Map<Optional<Long>, List<Record>> children, Map<Long, TopicSlug> slugs,
            List<TopicDefinition> result) {
        for (Record r : children.getOrDefault(parent, List.of())) {
            Optional<TopicSlug> parentSlug = parent.map(slugs::get);
            var topic = new Topic(new TopicSlug(r.get(TOPICS.SLUG)), r.get(TOPICS.TITLE), parentSlug);
            result.add(new TopicDefinition(topic, r.get(TOPICS.DESCRIPTION), xp(r)));
            walk(Optional.of(r.get(TOPICS.ID)), children, slugs, result);
        }
    }

    private static Optional<XpSettings> xp(Record r) {
        if (r.get(TOPIC_XP_SETTINGS.TOPIC_ID) == null) {
            return Optional.empty();
        }
        return Optional.of(new XpSettings(
                r.get(TOPIC_XP_SETTINGS.MAX_XP),
                r.get(TOPIC_XP_SETTINGS.BASE_TASK_XP),
                r.get(TOPIC_XP_SETTINGS.DAILY_FULL_TASKS),
                r.get(TOPIC_XP_SETTINGS.DAILY_HALF_TASKS),
                r.get(TOPIC_XP_SETTINGS.MULTIPLIER_FULL),
                r.get(TOPIC_XP_SETTINGS.MULTIPLIER_HALF),
                r.get(TOPIC_XP_SETTINGS.MULTIPLIER_LOW),
                r.get(TOPIC_XP_SETTINGS.MULTIPLIER_EARLY),
                r.get(TOPIC_XP_SETTINGS.DAILY_XP_DECAY),
                r.get(TOPIC_XP_SETTINGS.MIN_XP_PERCENT),
                Arrays.asList(r.get(TOPIC_XP_SETTINGS.LEVEL_THRESHOLDS)),
                Arrays.asList(r.get(TOPIC_XP_SETTINGS.REVIEW_INTERVALS))));
    }

    @Override
    public void replaceAll(List<TopicDefinition> topics, Instant at) {
        var time = ProblemContentRows.utc(at);
        var ids = new HashMap<TopicSlug, Long>();
        dsl.select(TOPICS.SLUG, TOPICS.ID).from(TOPICS).forEach(r -> ids.put(new TopicSlug(r.value1()), r.value2()));
        var positions = new HashMap<Optional<TopicSlug>, Integer>();
        for (TopicDefinition definition : topics) {
            Topic topic = definition.topic();
            int position = positions.merge(topic.parent(), 1, Integer::sum) - 1;
            Long parentId = topic.parent().map(ids::get).orElse(null);
            Long id = ids.get(topic.slug());
            if (id == null) {
                id = dsl.insertInto(TOPICS)
                        .set(TOPICS.SLUG, topic.slug().value())
                        .set(TOPICS.TITLE, topic.name())
                        .set(TOPICS.DESCRIPTION, definition.description())
                        .set(TOPICS.PARENT_ID, parentId)
                        .set(TOPICS.POSITION, position)
                        .set(TOPICS.UPDATED_AT, time)
                        .returning(TOPICS.ID)
                        .fetchOne()
                        .getId();
                ids.put(topic.slug(), id);
            } else {
                dsl.update(TOPICS)
                        .set(TOPICS.TITLE, topic.name())
                        .set(TOPICS.DESCRIPTION, definition.description())
                        .set(TOPICS.PARENT_ID, parentId)
                        .set(TOPICS.POSITION, position)
                        .setNull(TOPICS.ARCHIVED_AT)
                        .set(TOPICS.UPDATED_AT, time)
                        .where(TOPICS.ID.eq(id))
                        .execute();
            }
            if (definition.xp().isPresent()) {
                XpSettings xp = definition.xp().get();
                // one list of values for the insert and the update, so the two cannot drift apart
                var values = new java.util.LinkedHashMap<org.jooq.Field<?>, Object>();
                values.put(TOPIC_XP_SETTINGS.MAX_XP, xp.maxXp());
                values.put(TOPIC_XP_SETTINGS.BASE_TASK_XP, xp.baseTaskXp());
                values.put(TOPIC_XP_SETTINGS.DAILY_FULL_TASKS, xp.dailyFullTasks());
                values.put(TOPIC_XP_SETTINGS.DAILY_HALF_TASKS, xp.dailyHalfTasks());
                values.put(TOPIC_XP_SETTINGS.MULTIPLIER_FULL, xp.multiplierFull());
                values.put(TOPIC_XP_SETTINGS.MULTIPLIER_HALF, xp.multiplierHalf());
                values.put(TOPIC_XP_SETTINGS.MULTIPLIER_LOW, xp.multiplierLow());
                values.put(TOPIC_XP_SETTINGS.MULTIPLIER_EARLY, xp.multiplierEarly());
                values.put(TOPIC_XP_SETTINGS.DAILY_XP_DECAY, xp.dailyXpDecay());
                values.put(TOPIC_XP_SETTINGS.MIN_XP_PERCENT, xp.minXpPercent());
                values.put(TOPIC_XP_SETTINGS.LEVEL_THRESHOLDS, xp.levelThresholds().toArray(Integer[]::new));
                values.put(TOPIC_XP_SETTINGS.REVIEW_INTERVALS, xp.reviewIntervals().toArray(Integer[]::new));
                values.put(TOPIC_XP_SETTINGS.UPDATED_AT, time);
                dsl.insertInto(TOPIC_XP_SETTINGS)
                        .set(TOPIC_XP_SETTINGS.TOPIC_ID, id)
                        .set(values)
                        .onConflict(TOPIC_XP_SETTINGS.TOPIC_ID).doUpdate()
                        .set(values)
                        .execute();
            } else {
                dsl.deleteFrom(TOPIC_XP_SETTINGS).where(TOPIC_XP_SETTINGS.TOPIC_ID.eq(id)).execute();
            }
        }
        var kept = topics.stream().map(definition -> definition.slug().value()).toList();
        dsl.update(TOPICS)
                .set(TOPICS.ARCHIVED_AT, time)
                .set(TOPICS.UPDATED_AT, time)
                .where(TOPICS.ARCHIVED_AT.isNull())
                .and(TOPICS.SLUG.notIn(kept))
                .and(TOPICS.SLUG.ne(GENERAL))
                .execute();
    }
}
