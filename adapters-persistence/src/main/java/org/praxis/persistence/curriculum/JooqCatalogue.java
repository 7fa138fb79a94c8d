package org.praxis.persistence.curriculum;

import static org.praxis.persistence.schema.Tables.LESSONS;
import static org.praxis.persistence.schema.Tables.LESSON_PROBLEMS;
import static org.praxis.persistence.schema.Tables.MODULES;
import static org.praxis.persistence.schema.Tables.MODULE_PREREQUISITES;
import static org.praxis.persistence.schema.Tables.OFFICIAL_SOLUTIONS;
import static org.praxis.persistence.schema.Tables.PROBLEMS;
import static org.praxis.persistence.schema.Tables.PROBLEM_CONTENTS;
import static org.praxis.persistence.schema.Tables.PROBLEM_VERSIONS;
import static org.praxis.persistence.schema.Tables.TOPICS;
import static org.praxis.persistence.schema.Tables.TRACKS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.praxis.application.curriculum.document.ProblemDocument;
import org.praxis.application.curriculum.port.out.Awards;
import org.praxis.application.curriculum.port.out.Awards.AchievementDefinition;
import org.praxis.application.curriculum.port.out.Catalogue;
import org.praxis.application.curriculum.port.out.Topics;
import org.praxis.application.curriculum.port.out.Topics.TopicDefinition;
import org.praxis.application.curriculum.port.out.Tracks.ModuleDefinition;
import org.praxis.application.curriculum.port.out.Tracks.TrackDefinition;
import org.praxis.domain.curriculum.Lesson;
import org.praxis.domain.curriculum.LessonSlug;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.gamification.BadgeLadder;

/**
 * {@link Catalogue} on PostgreSQL: only rows of published problems and tracks, each problem at its latest
 * version. Tracks are read from their layout tables, not from the documents.
 */
public final class JooqCatalogue implements Catalogue {
    private static final String PUBLISHED = "published";

    private final DSLContext dsl;
    private final Topics topics;
    private final Awards awards;

    public JooqCatalogue(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl);
        this.topics = new JooqTopics(dsl);
        this.awards = new JooqAwards(dsl);
    }

    @Override
    public Optional<PublishedProblem> problem(ProblemSlug slug) {
        Record r = dsl.select(ProblemContentRows.fields()).select(PROBLEM_VERSIONS.VERSION, PROBLEM_VERSIONS.PUBLISHED_AT)
                .from(PROBLEMS)
                .join(PROBLEM_VERSIONS).on(PROBLEM_VERSIONS.PROBLEM_ID.eq(PROBLEMS.ID).and(PROBLEM_VERSIONS.VERSION.eq(PROBLEMS.LATEST_VERSION)))
                .join(PROBLEM_CONTENTS).on(PROBLEM_CONTENTS.ID.eq(PROBLEM_VERSIONS.CONTENT_ID))
                .join(TOPICS).on(TOPICS.ID.eq(PROBLEM_CONTENTS.TOPIC_ID))
                .leftJoin(OFFICIAL_SOLUTIONS).on(OFFICIAL_SOLUTIONS.CONTENT_ID.eq(PROBLEM_CONTENTS.ID))
                .where(PROBLEMS.SLUG.eq(slug.value()).and(PROBLEMS.STATE.eq(PUBLISHED)))
                .fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        return Optional.of(new PublishedProblem(slug, r.get(PROBLEM_VERSIONS.VERSION), r.get(PROBLEM_VERSIONS.PUBLISHED_AT).toInstant(),
                ProblemContentRows.read(r)));
    }

    @Override
    public List<ProblemCard> problems(ProblemQuery query) {
        Condition where = PROBLEMS.STATE.eq(PUBLISHED);
        if (!query.topics().isEmpty()) {
            where = where.and(TOPICS.SLUG.in(query.topics().stream().map(TopicSlug::value).toList()));
        }
        if (query.difficulty().isPresent()) {
            where = where.and(PROBLEM_CONTENTS.DIFFICULTY.eq(ProblemDocument.difficultyName(query.difficulty().get())));
        }
        if (query.tag().isPresent()) {
            where = where.and(DSL.condition("exists (select 1 from unnest({0}) as tag where lower(tag) = lower({1}))",
                    PROBLEM_CONTENTS.TAGS, DSL.val(query.tag().get())));
        }
        if (query.after().isPresent()) {
            where = where.and(PROBLEMS.SLUG.gt(query.after().get().value()));
        }
        return dsl.select(PROBLEMS.SLUG, PROBLEM_CONTENTS.TITLE, PROBLEM_CONTENTS.KIND, PROBLEM_CONTENTS.DIFFICULTY, TOPICS.SLUG,
                        PROBLEM_CONTENTS.TAGS, PROBLEM_CONTENTS.PREMIUM)
                .from(PROBLEMS)
                .join(PROBLEM_CONTENTS).on(PROBLEM_CONTENTS.ID.eq(PROBLEMS.PUBLISHED_CONTENT_ID))
                .join(TOPICS).on(TOPICS.ID.eq(PROBLEM_CONTENTS.TOPIC_ID))
                .where(where)
                .orderBy(PROBLEMS.SLUG)
                .limit(query.limit())
                .fetch(JooqCatalogue::card);
    }

    private static ProblemCard card(Record r) {
        return new ProblemCard(new ProblemSlug(r.get(PROBLEMS.SLUG)), r.get(PROBLEM_CONTENTS.TITLE),
                ProblemDocument.kind(r.get(PROBLEM_CONTENTS.KIND)), ProblemDocument.difficulty(r.get(PROBLEM_CONTENTS.DIFFICULTY)),
                new TopicSlug(r.get(TOPICS.SLUG)), Arrays.asList(r.get(PROBLEM_CONTENTS.TAGS)), r.get(PROBLEM_CONTENTS.PREMIUM));
    }

    @Override
    public List<TrackCard> tracks(Optional<TrackSlug> after, int limit) {
        Condition where = TRACKS.STATE.eq(PUBLISHED);
        if (after.isPresent()) {
            where = where.and(TRACKS.SLUG.gt(after.get().value()));
        }
        return dsl.select(TRACKS.SLUG, TRACKS.TITLE, TRACKS.DESCRIPTION).from(TRACKS)
                .where(where)
                .orderBy(TRACKS.SLUG)
                .limit(limit)
                .fetch(r -> new TrackCard(new TrackSlug(r.value1()), r.value2(), r.value3()));
    }

    @Override
    public Optional<PublishedTrack> track(TrackSlug slug) {
        var track = dsl.selectFrom(TRACKS).where(TRACKS.SLUG.eq(slug.value()).and(TRACKS.STATE.eq(PUBLISHED))).fetchOne();
        if (track == null) {
            return Optional.empty();
        }
        var modules = dsl.selectFrom(MODULES)
                .where(MODULES.TRACK_ID.eq(track.getId()).and(MODULES.REMOVED_AT.isNull()))
                .orderBy(MODULES.POSITION)
                .fetch();
        var moduleIds = modules.map(m -> m.getId());
        var moduleSlugs = new HashMap<Long, ModuleSlug>();
        modules.forEach(m -> moduleSlugs.put(m.getId(), new ModuleSlug(m.getSlug())));
        var prerequisites = new HashMap<Long, List<ModuleSlug>>();
        dsl.selectFrom(MODULE_PREREQUISITES).where(MODULE_PREREQUISITES.MODULE_ID.in(moduleIds))
                .orderBy(MODULE_PREREQUISITES.MODULE_ID, MODULE_PREREQUISITES.POSITION)
                .forEach(p -> prerequisites.computeIfAbsent(p.getModuleId(), id -> new ArrayList<>()).add(moduleSlugs.get(p.getPrerequisiteId())));
        var lessons = dsl.selectFrom(LESSONS).where(LESSONS.MODULE_ID.in(moduleIds)).orderBy(LESSONS.MODULE_ID, LESSONS.POSITION).fetch();
        var lessonProblems = new HashMap<Long, List<ProblemSlug>>();
        dsl.select(LESSON_PROBLEMS.LESSON_ID, PROBLEMS.SLUG)
                .from(LESSON_PROBLEMS)
                .join(PROBLEMS).on(PROBLEMS.ID.eq(LESSON_PROBLEMS.PROBLEM_ID))
                .where(LESSON_PROBLEMS.LESSON_ID.in(lessons.map(l -> l.getId())))
                .orderBy(LESSON_PROBLEMS.LESSON_ID, LESSON_PROBLEMS.POSITION)
                .forEach(r -> lessonProblems.computeIfAbsent(r.value1(), id -> new ArrayList<>()).add(new ProblemSlug(r.value2())));
        var lessonsByModule = new LinkedHashMap<Long, List<Lesson>>();
        for (var lesson : lessons) {
            lessonsByModule.computeIfAbsent(lesson.getModuleId(), id -> new ArrayList<>()).add(new Lesson(new LessonSlug(lesson.getSlug()),
                    lesson.getTitle(), lessonProblems.getOrDefault(lesson.getId(), List.of())));
        }
        var definitions = new ArrayList<ModuleDefinition>();
        for (var module : modules) {
            definitions.add(new ModuleDefinition(new ModuleSlug(module.getSlug()), module.getTitle(), module.getDescription(),
                    prerequisites.getOrDefault(module.getId(), List.of()), lessonsByModule.getOrDefault(module.getId(), List.of())));
        }
        var definition = new TrackDefinition(slug, track.getTitle(), track.getDescription(), definitions);
        var cards = new HashMap<ProblemSlug, ProblemCard>();
        dsl.select(PROBLEMS.SLUG, PROBLEM_CONTENTS.TITLE, PROBLEM_CONTENTS.KIND, PROBLEM_CONTENTS.DIFFICULTY, TOPICS.SLUG,
                        PROBLEM_CONTENTS.TAGS, PROBLEM_CONTENTS.PREMIUM)
                .from(PROBLEMS)
                .join(PROBLEM_CONTENTS).on(PROBLEM_CONTENTS.ID.eq(PROBLEMS.PUBLISHED_CONTENT_ID))
                .join(TOPICS).on(TOPICS.ID.eq(PROBLEM_CONTENTS.TOPIC_ID))
                .where(PROBLEMS.STATE.eq(PUBLISHED))
                .and(PROBLEMS.SLUG.in(definition.problems().stream().map(ProblemSlug::value).toList()))
                .forEach(r -> {
                    ProblemCard card = card(r);
                    cards.put(card.slug(), card);
                });
        return Optional.of(new PublishedTrack(definition, cards));
    }

    @Override
    public List<TopicDefinition> topics() {
        return topics.all();
    }

    @Override
    public BadgeLadder badgeLadder() {
        return awards.ladder();
    }

    @Override
    public List<AchievementDefinition> achievements() {
        return awards.achievements();
    }
}
