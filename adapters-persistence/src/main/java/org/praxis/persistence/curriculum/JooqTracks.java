package org.praxis.persistence.curriculum;

import static org.praxis.persistence.schema.Tables.LESSONS;
import static org.praxis.persistence.schema.Tables.LESSON_PROBLEMS;
import static org.praxis.persistence.schema.Tables.MODULES;
import static org.praxis.persistence.schema.Tables.MODULE_PREREQUISITES;
import static org.praxis.persistence.schema.Tables.PROBLEMS;
import static org.praxis.persistence.schema.Tables.TRACKS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jooq.DSLContext;
import org.praxis.application.curriculum.document.TrackDocument;
import org.praxis.application.curriculum.port.out.Tracks;
import org.praxis.domain.curriculum.Lesson;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.PublicationState;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.persistence.schema.tables.records.TracksRecord;

/**
 * {@link Tracks} on PostgreSQL. The draft and published documents live on the track row; while the
 * track is published its definition is also laid out in {@code modules} (stable rows, found again
 * by slug, so progress can point at them), {@code module_prerequisites}, {@code lessons} and
 * {@code lesson_problems} (rewritten on each publish).
 */
public final class JooqTracks implements Tracks {
    private final DSLContext dsl;

    public JooqTracks(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl);
    }

    @Override
    public Optional<StoredTrack> find(TrackSlug slug) {
        return Optional.ofNullable(dsl.selectFrom(TRACKS).where(TRACKS.SLUG.eq(slug.value())).fetchOne()).map(JooqTracks::stored);
    }

    @Override
    public List<StoredTrack> all() {
        return dsl.selectFrom(TRACKS).orderBy(TRACKS.SLUG).fetch(JooqTracks::stored);
    }

    private static StoredTrack stored(TracksRecord r) {
        var slug = new TrackSlug(r.getSlug());
        return new StoredTrack(slug, JooqProblems.state(r.getState()), TrackDocument.fromStored(slug, JsonValues.map(r.getDraft())),
                Optional.ofNullable(r.getPublished()).map(json -> TrackDocument.fromStored(slug, JsonValues.map(json))),
                Optional.ofNullable(r.getPublishedAt()).map(OffsetDateTime::toInstant), r.getSynced());
    }

    @Override
    public List<TrackSlug> synced() {
        return dsl.select(TRACKS.SLUG).from(TRACKS).where(TRACKS.SYNCED).orderBy(TRACKS.SLUG).fetch(r -> new TrackSlug(r.value1()));
    }

    @Override
    public void save(StoredTrack track, Instant at) {
        var time = ProblemContentRows.utc(at);
        var published = track.published();
        var draft = JsonValues.jsonb(TrackDocument.write(track.draft()));
        var publishedJson = published.map(definition -> JsonValues.jsonb(TrackDocument.write(definition))).orElse(null);
        String title = published.map(TrackDefinition::title).orElse(null);
        String description = published.map(TrackDefinition::description).orElse("");
        OffsetDateTime publishedAt = track.publishedAt().map(ProblemContentRows::utc).orElse(null);
        long id = dsl.insertInto(TRACKS)
                .set(TRACKS.SLUG, track.slug().value())
                .set(TRACKS.STATE, JooqProblems.name(track.state()))
                .set(TRACKS.DRAFT, draft)
                .set(TRACKS.PUBLISHED, publishedJson)
                .set(TRACKS.TITLE, title)
                .set(TRACKS.DESCRIPTION, description)
                .set(TRACKS.SYNCED, track.synced())
                .set(TRACKS.PUBLISHED_AT, publishedAt)
                .set(TRACKS.CREATED_AT, time)
                .set(TRACKS.UPDATED_AT, time)
                .onConflict(TRACKS.SLUG).doUpdate()
                .set(TRACKS.STATE, JooqProblems.name(track.state()))
                .set(TRACKS.DRAFT, draft)
                .set(TRACKS.PUBLISHED, publishedJson)
                .set(TRACKS.TITLE, title)
                .set(TRACKS.DESCRIPTION, description)
                .set(TRACKS.SYNCED, track.synced())
                .set(TRACKS.PUBLISHED_AT, publishedAt)
                .set(TRACKS.UPDATED_AT, time)
                .returning(TRACKS.ID)
                .fetchOne()
                .getId();
        if (track.state() == PublicationState.PUBLISHED) {
            layOut(id, published.orElseThrow(), time);
        } else {
            clearLayout(id, time);
        }
    }

    /** Modules upserted by slug (their ids stay), the rest of the layout rewritten. */
    private void layOut(long trackId, TrackDefinition definition, OffsetDateTime time) {
        clearLayout(trackId, time);
        var moduleIds = new HashMap<ModuleSlug, Long>();
        int position = 0;
        for (ModuleDefinition module : definition.modules()) {
            long moduleId = dsl.insertInto(MODULES)
                    .set(MODULES.SLUG, module.slug().value())
                    .set(MODULES.TRACK_ID, trackId)
                    .set(MODULES.POSITION, position)
                    .set(MODULES.TITLE, module.title())
                    .set(MODULES.DESCRIPTION, module.description())
                    .onConflict(MODULES.SLUG).doUpdate()
                    .set(MODULES.TRACK_ID, trackId)
                    .set(MODULES.POSITION, position)
                    .set(MODULES.TITLE, module.title())
                    .set(MODULES.DESCRIPTION, module.description())
                    .setNull(MODULES.REMOVED_AT)
                    .returning(MODULES.ID)
                    .fetchOne()
                    .getId();
            moduleIds.put(module.slug(), moduleId);
            position++;
        }
        var problemIds = new HashMap<String, Long>();
        dsl.select(PROBLEMS.SLUG, PROBLEMS.ID).from(PROBLEMS)
                .where(PROBLEMS.SLUG.in(definition.problems().stream().map(ProblemSlug::value).toList()))
                .forEach(r -> problemIds.put(r.value1(), r.value2()));
        for (ModuleDefinition module : definition.modules()) {
            long moduleId = moduleIds.get(module.slug());
            int prerequisitePosition = 0;
            for (ModuleSlug prerequisite : module.prerequisites()) {
                dsl.insertInto(MODULE_PREREQUISITES)
                        .set(MODULE_PREREQUISITES.MODULE_ID, moduleId)
                        .set(MODULE_PREREQUISITES.PREREQUISITE_ID, moduleIds.get(prerequisite))
                        .set(MODULE_PREREQUISITES.POSITION, prerequisitePosition++)
                        .execute();
            }
            int lessonPosition = 0;
            for (Lesson lesson : module.lessons()) {
                long lessonId = dsl.insertInto(LESSONS)
                        .set(LESSONS.MODULE_ID, moduleId)
                        .set(LESSONS.SLUG, lesson.slug().value())
                        .set(LESSONS.POSITION, lessonPosition++)
                        .set(LESSONS.TITLE, lesson.title())
                        .returning(LESSONS.ID)
                        .fetchOne()
                        .getId();
                int problemPosition = 0;
                for (ProblemSlug problem : lesson.problems()) {
                    Long problemId = problemIds.get(problem.value());
                    if (problemId == null) {
                        throw new IllegalStateException("track " + definition.slug() + " lists problem " + problem + ", which does not exist");
                    }
                    dsl.insertInto(LESSON_PROBLEMS)
                            .set(LESSON_PROBLEMS.LESSON_ID, lessonId)
                            .set(LESSON_PROBLEMS.POSITION, problemPosition++)
                            .set(LESSON_PROBLEMS.PROBLEM_ID, problemId)
                            .execute();
                }
            }
        }
    }

    /** Marks the track's modules removed and drops its lessons and prerequisites; publishing lays them out again. */
    private void clearLayout(long trackId, OffsetDateTime time) {
        var modules = dsl.select(MODULES.ID).from(MODULES).where(MODULES.TRACK_ID.eq(trackId));
        dsl.deleteFrom(MODULE_PREREQUISITES).where(MODULE_PREREQUISITES.MODULE_ID.in(modules)).execute();
        dsl.deleteFrom(LESSONS).where(LESSONS.MODULE_ID.in(modules)).execute();
        dsl.update(MODULES).set(MODULES.REMOVED_AT, time)
                .where(MODULES.TRACK_ID.eq(trackId)).and(MODULES.REMOVED_AT.isNull())
                .execute();
    }

    @Override
    public Map<ProblemSlug, TrackSlug> placements() {
        var placements = new HashMap<ProblemSlug, TrackSlug>();
        dsl.select(PROBLEMS.SLUG, TRACKS.SLUG)
                .from(LESSON_PROBLEMS)
                .join(PROBLEMS).on(PROBLEMS.ID.eq(LESSON_PROBLEMS.PROBLEM_ID))
                .join(LESSONS).on(LESSONS.ID.eq(LESSON_PROBLEMS.LESSON_ID))
                .join(MODULES).on(MODULES.ID.eq(LESSONS.MODULE_ID))
                .join(TRACKS).on(TRACKS.ID.eq(MODULES.TRACK_ID))
                .where(TRACKS.STATE.eq("published"))
                .forEach(r -> placements.put(new ProblemSlug(r.value1()), new TrackSlug(r.value2())));
        return placements;
    }

    @Override
    public Map<ModuleSlug, TrackSlug> moduleOwners() {
        var owners = new HashMap<ModuleSlug, TrackSlug>();
        dsl.select(MODULES.SLUG, TRACKS.SLUG)
                .from(MODULES)
                .join(TRACKS).on(TRACKS.ID.eq(MODULES.TRACK_ID))
                .where(MODULES.REMOVED_AT.isNull()).and(TRACKS.STATE.eq("published"))
                .forEach(r -> owners.put(new ModuleSlug(r.value1()), new TrackSlug(r.value2())));
        return owners;
    }
}
