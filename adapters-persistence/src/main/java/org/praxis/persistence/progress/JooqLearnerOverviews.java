package org.praxis.persistence.progress;

import static org.praxis.persistence.schema.Tables.ENROLMENTS;
import static org.praxis.persistence.schema.Tables.LESSONS;
import static org.praxis.persistence.schema.Tables.LESSON_PROBLEMS;
import static org.praxis.persistence.schema.Tables.MODULES;
import static org.praxis.persistence.schema.Tables.MODULE_COMPLETIONS;
import static org.praxis.persistence.schema.Tables.MODULE_PREREQUISITES;
import static org.praxis.persistence.schema.Tables.PROBLEMS;
import static org.praxis.persistence.schema.Tables.PROBLEM_CONTENTS;
import static org.praxis.persistence.schema.Tables.PROBLEM_PROGRESS;
import static org.praxis.persistence.schema.Tables.REVIEW_ITEMS;
import static org.praxis.persistence.schema.Tables.TOPICS;
import static org.praxis.persistence.schema.Tables.TOPIC_STATISTICS;
import static org.praxis.persistence.schema.Tables.TOPIC_XP;
import static org.praxis.persistence.schema.Tables.TRACKS;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.praxis.application.progress.port.in.LearnerDashboardUseCase.CompletedModule;
import org.praxis.application.progress.port.in.LearnerDashboardUseCase.DueReview;
import org.praxis.application.progress.port.in.LearnerDashboardUseCase.TopicStatistics;
import org.praxis.application.progress.port.out.LearnerOverviews;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.identity.LearnerId;

/** The learner's own read models, each one query over the learning-loop tables. */
public final class JooqLearnerOverviews implements LearnerOverviews {
    private final DSLContext dsl;

    public JooqLearnerOverviews(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl);
    }

    @Override
    public Optional<EnrolResult> enrol(LearnerId learner, TrackSlug track, Instant at) {
        var trackId = dsl.select(TRACKS.ID).from(TRACKS).where(TRACKS.SLUG.eq(track.value()).and(TRACKS.STATE.eq("published")))
                .fetchOptional(TRACKS.ID);
        if (trackId.isEmpty()) {
            return Optional.empty();
        }
        int inserted = dsl.insertInto(ENROLMENTS)
                .set(ENROLMENTS.USER_ID, learner.value()).set(ENROLMENTS.TRACK_ID, trackId.get()).set(ENROLMENTS.ENROLLED_AT, Rows.utc(at))
                .onConflictDoNothing().execute();
        var enrolledAt = dsl.select(ENROLMENTS.ENROLLED_AT).from(ENROLMENTS)
                .where(ENROLMENTS.USER_ID.eq(learner.value()).and(ENROLMENTS.TRACK_ID.eq(trackId.get())))
                .fetchOne(ENROLMENTS.ENROLLED_AT).toInstant();
        return Optional.of(new EnrolResult(enrolledAt, inserted == 1));
    }

    @Override
    public List<EnrolledTrack> enrolledTracks(LearnerId learner) {
        var tracks = dsl.select(TRACKS.ID, TRACKS.SLUG, TRACKS.TITLE, ENROLMENTS.ENROLLED_AT)
                .from(ENROLMENTS).join(TRACKS).on(TRACKS.ID.eq(ENROLMENTS.TRACK_ID))
                .where(ENROLMENTS.USER_ID.eq(learner.value()).and(TRACKS.STATE.eq("published")))
                .orderBy(ENROLMENTS.ENROLLED_AT, TRACKS.SLUG)
                .fetch();
        if (tracks.isEmpty()) {
            return List.of();
        }
        var trackIds = tracks.map(r -> r.value1());
        // modules in order with their published problems in order
        var modules = new LinkedHashMap<Long, LinkedHashMap<String, List<ProblemRef>>>();
        dsl.select(MODULES.TRACK_ID, MODULES.SLUG, PROBLEMS.SLUG, PROBLEM_CONTENTS.TITLE)
                .from(MODULES)
                .leftJoin(LESSONS).on(LESSONS.MODULE_ID.eq(MODULES.ID))
                .leftJoin(LESSON_PROBLEMS).on(LESSON_PROBLEMS.LESSON_ID.eq(LESSONS.ID))
                .leftJoin(PROBLEMS).on(PROBLEMS.ID.eq(LESSON_PROBLEMS.PROBLEM_ID).and(PROBLEMS.STATE.eq("published")))
                .leftJoin(PROBLEM_CONTENTS).on(PROBLEM_CONTENTS.ID.eq(PROBLEMS.PUBLISHED_CONTENT_ID))
                .where(MODULES.TRACK_ID.in(trackIds).and(MODULES.REMOVED_AT.isNull()))
                .orderBy(MODULES.TRACK_ID, MODULES.POSITION, LESSONS.POSITION, LESSON_PROBLEMS.POSITION)
                .fetch()
                .forEach(r -> {
                    var problems = modules.computeIfAbsent(r.value1(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(r.value2(), k -> new ArrayList<>());
                    if (r.value3() != null) {
                        problems.add(new ProblemRef(new ProblemSlug(r.value3()), r.value4()));
                    }
                });
        var required = MODULES.as("required");
        var prerequisites = new HashMap<String, Set<ModuleSlug>>();
        dsl.select(MODULES.SLUG, required.SLUG)
                .from(MODULE_PREREQUISITES)
                .join(MODULES).on(MODULES.ID.eq(MODULE_PREREQUISITES.MODULE_ID))
                .join(required).on(required.ID.eq(MODULE_PREREQUISITES.PREREQUISITE_ID))
                .where(MODULES.TRACK_ID.in(trackIds))
                .fetch()
                .forEach(r -> prerequisites.computeIfAbsent(r.value1(), k -> new TreeSet<>()).add(new ModuleSlug(r.value2())));
        return tracks.map(t -> new EnrolledTrack(new TrackSlug(t.value2()), t.value3(), t.value4().toInstant(),
                modules.getOrDefault(t.value1(), new LinkedHashMap<>()).entrySet().stream()
                        .map(m -> new ModuleOutline(new ModuleSlug(m.getKey()), prerequisites.getOrDefault(m.getKey(), Set.of()),
                                m.getValue()))
                        .toList()));
    }

    @Override
    public Set<ProblemSlug> completedProblems(LearnerId learner) {
        return dsl.select(PROBLEMS.SLUG).from(PROBLEM_PROGRESS).join(PROBLEMS).on(PROBLEMS.ID.eq(PROBLEM_PROGRESS.PROBLEM_ID))
                .where(PROBLEM_PROGRESS.USER_ID.eq(learner.value()).and(PROBLEM_PROGRESS.STATUS.eq("completed")))
                .fetch(r -> new ProblemSlug(r.value1())).stream().collect(Collectors.toSet());
    }

    @Override
    public List<CompletedModule> completedModules(LearnerId learner) {
        return dsl.select(MODULES.SLUG, MODULE_COMPLETIONS.COMPLETED_AT, MODULE_COMPLETIONS.TIME_SPENT_MS,
                        MODULE_COMPLETIONS.FINAL_SCORE, MODULE_COMPLETIONS.POINTS)
                .from(MODULE_COMPLETIONS).join(MODULES).on(MODULES.ID.eq(MODULE_COMPLETIONS.MODULE_ID))
                .where(MODULE_COMPLETIONS.USER_ID.eq(learner.value()))
                .orderBy(MODULE_COMPLETIONS.COMPLETED_AT)
                .fetch(r -> new CompletedModule(new ModuleSlug(r.value1()), r.value2().toInstant(), r.value3() / 1000, r.value4(),
                        r.value5()));
    }

    @Override
    public List<DueReview> dueReviews(LearnerId learner, LocalDate onOrBefore) {
        return dsl.select(PROBLEMS.SLUG, PROBLEM_CONTENTS.TITLE, REVIEW_ITEMS.NEXT_REVIEW_ON, REVIEW_ITEMS.STAGE)
                .from(REVIEW_ITEMS)
                .join(PROBLEMS).on(PROBLEMS.ID.eq(REVIEW_ITEMS.PROBLEM_ID).and(PROBLEMS.STATE.eq("published")))
                .join(PROBLEM_CONTENTS).on(PROBLEM_CONTENTS.ID.eq(PROBLEMS.PUBLISHED_CONTENT_ID))
                .where(REVIEW_ITEMS.USER_ID.eq(learner.value()).and(REVIEW_ITEMS.NEXT_REVIEW_ON.le(onOrBefore)))
                .orderBy(REVIEW_ITEMS.NEXT_REVIEW_ON, PROBLEMS.SLUG)
                .fetch(r -> new DueReview(new ProblemSlug(r.value1()), r.value2(), r.value3(), r.value4()));
    }

    @Override
    public List<TopicStatistics> topicStatistics(LearnerId learner) {
        return dsl.select(TOPICS.SLUG).select(TOPIC_STATISTICS.fields()).select(TOPIC_XP.XP, TOPIC_XP.LEVEL)
                .from(TOPIC_STATISTICS)
                .join(TOPICS).on(TOPICS.ID.eq(TOPIC_STATISTICS.TOPIC_ID))
                .leftJoin(TOPIC_XP).on(TOPIC_XP.USER_ID.eq(TOPIC_STATISTICS.USER_ID).and(TOPIC_XP.TOPIC_ID.eq(TOPIC_STATISTICS.TOPIC_ID)))
                .where(TOPIC_STATISTICS.USER_ID.eq(learner.value()))
                .orderBy(TOPICS.SLUG)
                .fetch(r -> {
                    int submissions = r.get(TOPIC_STATISTICS.SUBMISSIONS);
                    int correct = r.get(TOPIC_STATISTICS.CORRECT_SUBMISSIONS);
                    int timed = r.get(TOPIC_STATISTICS.TIMED_SUBMISSIONS);
                    int attempted = r.get(TOPIC_STATISTICS.PROBLEMS_ATTEMPTED);
                    Integer xp = r.get(TOPIC_XP.XP);
                    Integer level = r.get(TOPIC_XP.LEVEL);
                    return new TopicStatistics(new TopicSlug(r.get(TOPICS.SLUG)), attempted,
                            r.get(TOPIC_STATISTICS.PROBLEMS_SOLVED), submissions,
                            submissions == 0 ? 0 : (int) (100L * correct / submissions),
                            timed == 0 ? Optional.empty() : Optional.of(r.get(TOPIC_STATISTICS.TOTAL_RUN_MS) / timed),
                            Optional.ofNullable(r.get(TOPIC_STATISTICS.BEST_RUN_MS)),
                            r.get(TOPIC_STATISTICS.HINTS_USED),
                            attempted == 0 ? 0.0 : Math.round(100.0 * submissions / attempted) / 100.0,
                            Optional.ofNullable(r.get(TOPIC_STATISTICS.CURRENT_DIFFICULTY)).map(Rows::difficulty),
                            Optional.ofNullable(r.get(TOPIC_STATISTICS.HIGHEST_DIFFICULTY_SOLVED)).map(Rows::difficulty),
                            xp == null ? 0 : xp, level == null ? 1 : level);
                });
    }
}
