package org.praxis.persistence.progress;

import static org.praxis.persistence.schema.Tables.ACTIVE_DAYS;
import static org.praxis.persistence.schema.Tables.IDEMPOTENCY_KEYS;
import static org.praxis.persistence.schema.Tables.LEARNER_ACHIEVEMENTS;
import static org.praxis.persistence.schema.Tables.LEARNER_BADGES;
import static org.praxis.persistence.schema.Tables.LEARNER_STATES;
import static org.praxis.persistence.schema.Tables.MODULES;
import static org.praxis.persistence.schema.Tables.MODULE_COMPLETIONS;
import static org.praxis.persistence.schema.Tables.PROBLEMS;
import static org.praxis.persistence.schema.Tables.PROBLEM_PROGRESS;
import static org.praxis.persistence.schema.Tables.REVIEW_ITEMS;
import static org.praxis.persistence.schema.Tables.TOPICS;
import static org.praxis.persistence.schema.Tables.TOPIC_STATISTICS;
import static org.praxis.persistence.schema.Tables.TOPIC_XP;
import static org.praxis.persistence.schema.Tables.TRACKS;
import static org.praxis.persistence.schema.Tables.TRACK_COMPLETIONS;
import static org.praxis.persistence.schema.Tables.USERS;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.praxis.application.common.NotFound;
import org.praxis.application.progress.port.out.LearnerStates;
import org.praxis.application.progress.port.out.Submissions;
import org.praxis.persistence.common.AfterCommit;
import org.praxis.persistence.common.Pipeline;
import org.praxis.persistence.common.RenderedSql;
import org.praxis.persistence.schema.tables.records.LearnerStatesRecord;
import org.praxis.persistence.schema.tables.records.TopicStatisticsRecord;
import org.praxis.application.progress.port.out.PracticeProblems.PracticeProblem;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.gamification.AchievementCode;
import org.praxis.domain.gamification.StreakState;
import org.praxis.domain.grading.Score;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.progress.CourseProgress;
import org.praxis.domain.progress.DomainEvent;
import org.praxis.domain.progress.LearnerState;
import org.praxis.domain.progress.LearnerTotals;
import org.praxis.domain.progress.Outcome;
import org.praxis.domain.progress.ProblemProgress;
import org.praxis.domain.progress.ProgressStatus;
import org.praxis.domain.progress.SubmissionId;
import org.praxis.domain.progress.TopicStatistics;
import org.praxis.domain.review.ReviewItem;
import org.praxis.domain.scoring.TopicXp;

/**
 * The reducer's slices in their tables; the learner_states row is the per-learner lock. A submission
 * reads in one round trip ({@link #lockAndLoad}) and its writes are deferred ({@link Pipeline#write}) so
 * that they leave together with the other ports' writes in one more.
 */
public final class JooqLearnerStates implements LearnerStates {
    private final DSLContext dsl;
    private final BoardKeyCommitted boardKeyCommitted;
    private final RenderedSql sql;
    /** The board row of the learner this thread's transaction locked last ({@link #lockAndLoad}), for {@link #save}. */
    private final ThreadLocal<LockedRow> locked = new ThreadLocal<>();

    /**
     * Told after the commit of a save that changed a learner's global board key (points, longest streak, on
     * the board at all), with the key, the names and a stamp no newer than the one the database gave the
     * change: the stamp of the change before it (read under the row's lock) plus one microsecond.
     */
    @FunctionalInterface
    public interface BoardKeyCommitted {
        void committed(UUID learner, long points, int longestStreak, boolean onBoard, long stamp, String username,
                Optional<String> displayName);
    }

    private record LockedRow(UUID learner, long stamp, String username, Optional<String> displayName) {
    }

    public JooqLearnerStates(DSLContext dsl) {
        this(dsl, (learner, points, longestStreak, onBoard, stamp, username, displayName) -> {
        });
    }

    /** {@code boardKeyCommitted}: see {@link BoardKeyCommitted} (the global board index of this instance). */
    public JooqLearnerStates(DSLContext dsl, BoardKeyCommitted boardKeyCommitted) {
        this.dsl = Objects.requireNonNull(dsl);
        this.boardKeyCommitted = Objects.requireNonNull(boardKeyCommitted);
        this.sql = new RenderedSql(dsl);
    }

    @Override
    public ZoneId lock(LearnerId learner) {
        ensureState(learner).execute();
        var zone = lockQuery(learner).fetchOptional(USERS.TIME_ZONE)
                .orElseThrow(() -> new NotFound("learner", "There is no such learner."));
        return ZoneId.of(zone);
    }

    /**
     * One round trip: the statements below go with one Sync and run in order, each with its own
     * snapshot, so the reads after the FOR UPDATE see what the lock's previous holder committed.
     */
    @Override
    public Snapshot lockAndLoad(LearnerId learner, PracticeProblem problem, Optional<String> key) {
        UUID id = learner.value();
        TopicSlug topic = problem.content().topic();
        var queries = new ArrayList<Query>();
        queries.add(ensureState(learner));
        queries.add(lockQuery(learner));
        queries.add(key.isPresent()
                ? sql.resultQuery("keyUse", b -> dsl.select(IDEMPOTENCY_KEYS.SUBMISSION_ID, IDEMPOTENCY_KEYS.REQUEST_HASH).from(IDEMPOTENCY_KEYS)
                        .where(IDEMPOTENCY_KEYS.USER_ID.eq(b.val(id, IDEMPOTENCY_KEYS.USER_ID))
                                .and(IDEMPOTENCY_KEYS.KEY.eq(b.val(key.get(), IDEMPOTENCY_KEYS.KEY)))))
                : sql.resultQuery("noKeyUse", b -> dsl.select(IDEMPOTENCY_KEYS.SUBMISSION_ID, IDEMPOTENCY_KEYS.REQUEST_HASH).from(IDEMPOTENCY_KEYS)
                        .where(DSL.falseCondition())));
        queries.add(sql.resultQuery("completedModules", b -> dsl.select(MODULES.SLUG).from(MODULE_COMPLETIONS)
                .join(MODULES).on(MODULES.ID.eq(MODULE_COMPLETIONS.MODULE_ID))
                .where(MODULE_COMPLETIONS.USER_ID.eq(b.val(id, MODULE_COMPLETIONS.USER_ID)))));
        queries.addAll(stateQueries(learner, problem));
        var results = Pipeline.fetch(dsl, queries);

        var lockedRow = results.get(1).stream().findFirst()
                .orElseThrow(() -> new NotFound("learner", "There is no such learner."));
        var zone = ZoneId.of(lockedRow.get(USERS.TIME_ZONE));
        var changed = lockedRow.get(LEARNER_STATES.BOARD_CHANGED_AT);
        locked.set(new LockedRow(id, changed.toEpochSecond() * 1_000_000 + changed.getNano() / 1_000, lockedRow.get(USERS.USERNAME),
                Optional.ofNullable(lockedRow.get(USERS.DISPLAY_NAME))));
        var keyUse = results.get(2).stream().findFirst()
                .map(r -> new Submissions.KeyUse(new SubmissionId(r.get(IDEMPOTENCY_KEYS.SUBMISSION_ID)), r.get(IDEMPOTENCY_KEYS.REQUEST_HASH)));
        var modules = results.get(3).stream().map(r -> new ModuleSlug(r.get(MODULES.SLUG))).collect(Collectors.toCollection(TreeSet::new));
        return new Snapshot(zone, keyUse, modules, state(learner, problem, results.subList(4, results.size())));
    }

    /** The reads of {@link #state}, in its order: learner row, progress, review, topic XP, topic statistics, achievements, course. */
    private List<Query> stateQueries(LearnerId learner, PracticeProblem problem) {
        UUID id = learner.value();
        String topic = problem.content().topic().value();
        var queries = new ArrayList<Query>();
        queries.add(sql.resultQuery("state", b -> dsl.selectFrom(LEARNER_STATES).where(LEARNER_STATES.USER_ID.eq(b.val(id, LEARNER_STATES.USER_ID)))));
        queries.add(sql.resultQuery("progress", b -> dsl.selectFrom(PROBLEM_PROGRESS)
                .where(PROBLEM_PROGRESS.USER_ID.eq(b.val(id, PROBLEM_PROGRESS.USER_ID))
                        .and(PROBLEM_PROGRESS.PROBLEM_ID.eq(b.val(problem.id(), PROBLEM_PROGRESS.PROBLEM_ID))))));
        queries.add(sql.resultQuery("review", b -> dsl.selectFrom(REVIEW_ITEMS)
                .where(REVIEW_ITEMS.USER_ID.eq(b.val(id, REVIEW_ITEMS.USER_ID))
                        .and(REVIEW_ITEMS.PROBLEM_ID.eq(b.val(problem.id(), REVIEW_ITEMS.PROBLEM_ID))))));
        queries.add(sql.resultQuery("topicXp", b -> dsl.select(TOPIC_XP.fields()).from(TOPIC_XP).join(TOPICS).on(TOPICS.ID.eq(TOPIC_XP.TOPIC_ID))
                .where(TOPIC_XP.USER_ID.eq(b.val(id, TOPIC_XP.USER_ID)).and(TOPICS.SLUG.eq(b.val(topic, TOPICS.SLUG))))));
        queries.add(sql.resultQuery("topicStatistics", b -> dsl.select(TOPIC_STATISTICS.fields()).from(TOPIC_STATISTICS)
                .join(TOPICS).on(TOPICS.ID.eq(TOPIC_STATISTICS.TOPIC_ID))
                .where(TOPIC_STATISTICS.USER_ID.eq(b.val(id, TOPIC_STATISTICS.USER_ID)).and(TOPICS.SLUG.eq(b.val(topic, TOPICS.SLUG))))));
        queries.add(sql.resultQuery("achievements", b -> dsl.select(LEARNER_ACHIEVEMENTS.CODE).from(LEARNER_ACHIEVEMENTS)
                .where(LEARNER_ACHIEVEMENTS.USER_ID.eq(b.val(id, LEARNER_ACHIEVEMENTS.USER_ID)))));
        problem.placement().ifPresent(placement -> {
            var slugs = placement.trackProblems().stream().map(ProblemSlug::value).toList();
            // the IN list's length is part of the text
            queries.add(sql.resultQuery("trackProgress " + slugs.size(), b -> dsl.select(PROBLEMS.SLUG).select(PROBLEM_PROGRESS.fields())
                    .from(PROBLEM_PROGRESS).join(PROBLEMS).on(PROBLEMS.ID.eq(PROBLEM_PROGRESS.PROBLEM_ID))
                    .where(PROBLEM_PROGRESS.USER_ID.eq(b.val(id, PROBLEM_PROGRESS.USER_ID))
                            .and(PROBLEMS.SLUG.in(slugs.stream().map(slug -> b.val(slug, PROBLEMS.SLUG)).toList())))));
        });
        return queries;
    }

    /** The learner's state from the results of {@link #stateQueries}. */
    private static LearnerState state(LearnerId learner, PracticeProblem problem, List<Result<Record>> results) {
        TopicSlug topic = problem.content().topic();
        var row = results.get(0).stream().findFirst().map(r -> r.into(LEARNER_STATES));
        var progress = results.get(1).stream().findFirst().map(r -> progress(learner, problem.slug(), r))
                .orElse(ProblemProgress.notStarted(learner, problem.slug()));
        var review = results.get(2).stream().findFirst().map(r -> r.into(REVIEW_ITEMS)).map(r -> new ReviewItem(problem.slug(), r.getStage(),
                r.getNextReviewOn(), r.getReviewCount(), r.getLastPracticedOn()));
        var xp = results.get(3).stream().findFirst().map(r -> r.into(TOPIC_XP))
                .map(r -> new TopicXp(topic, r.getXp(), r.getLevel(), Optional.ofNullable(r.getTasksDay()), r.getTasksThatDay()));
        var statistics = results.get(4).stream().findFirst().map(r -> r.into(TOPIC_STATISTICS)).map(r -> statistics(learner, topic, r));
        var achievements = results.get(5).stream().map(r -> new AchievementCode(r.get(LEARNER_ACHIEVEMENTS.CODE)))
                .collect(Collectors.toCollection(TreeSet::new));
        var course = problem.placement().isEmpty() ? CourseProgress.NONE : course(learner, problem, results.get(6));
        var totals = row.map(r -> new LearnerTotals(r.getPoints(), r.getSolved(), r.getSubmissions())).orElse(LearnerTotals.ZERO);
        var streak = row.map(r -> new StreakState(Optional.ofNullable(r.getStreakLastDay()), r.getStreakCurrent(), r.getStreakLongest()))
                .orElse(StreakState.NONE);
        int badgeLevel = row.map(r -> r.getBadgeLevel()).orElse(0);
        var stats = row.map(r -> StatsJson.read(r.getStats())).orElse(org.praxis.domain.progress.LearnerStats.EMPTY);
        return new LearnerState(learner, totals, progress, review, xp, statistics, streak, badgeLevel, achievements, stats, course);
    }

    private Query ensureState(LearnerId learner) {
        return sql.query("ensureState", b -> dsl.insertInto(LEARNER_STATES, LEARNER_STATES.USER_ID, LEARNER_STATES.UPDATED_AT)
                .select(dsl.select(USERS.ID, DSL.currentOffsetDateTime()).from(USERS).where(USERS.ID.eq(b.val(learner.value(), USERS.ID))))
                .onConflictDoNothing());
    }

    private ResultQuery<Record> lockQuery(LearnerId learner) {
        return sql.resultQuery("lock", b -> dsl.select(USERS.TIME_ZONE, USERS.USERNAME, USERS.DISPLAY_NAME, LEARNER_STATES.BOARD_CHANGED_AT)
                .from(LEARNER_STATES).join(USERS).on(USERS.ID.eq(LEARNER_STATES.USER_ID))
                .where(LEARNER_STATES.USER_ID.eq(b.val(learner.value(), LEARNER_STATES.USER_ID)))
                .forUpdate().of(LEARNER_STATES));
    }

    private ResultQuery<Record1<String>> completedModulesQuery(LearnerId learner) {
        return dsl.select(MODULES.SLUG).from(MODULE_COMPLETIONS).join(MODULES).on(MODULES.ID.eq(MODULE_COMPLETIONS.MODULE_ID))
                .where(MODULE_COMPLETIONS.USER_ID.eq(learner.value()));
    }

    private static TopicStatistics statistics(LearnerId learner, TopicSlug topic, TopicStatisticsRecord r) {
        return new TopicStatistics(learner, topic, r.getProblemsAttempted(), r.getProblemsSolved(), r.getSubmissions(),
                r.getCorrectSubmissions(), r.getTimedSubmissions(), Duration.ofMillis(r.getTotalRunMs()),
                Optional.ofNullable(r.getBestRunMs()).map(Duration::ofMillis), r.getHintsUsed(),
                Duration.ofMillis(r.getTimeSpentMs()),
                Optional.ofNullable(r.getCurrentDifficulty()).map(Rows::difficulty),
                Optional.ofNullable(r.getHighestDifficultySolved()).map(Rows::difficulty),
                Rows.instant(r.getFirstAttemptAt()), Rows.instant(r.getLastActivityAt()));
    }

    @Override
    public ZoneId zoneOf(LearnerId learner) {
        return ZoneId.of(dsl.select(USERS.TIME_ZONE).from(USERS).where(USERS.ID.eq(learner.value()))
                .fetchOptional(USERS.TIME_ZONE).orElse("UTC"));
    }

    @Override
    public Set<ModuleSlug> completedModules(LearnerId learner) {
        return completedModulesQuery(learner).fetch(r -> new ModuleSlug(r.value1())).stream()
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public LearnerState load(LearnerId learner, PracticeProblem problem) {
        return state(learner, problem, Pipeline.fetch(dsl, stateQueries(learner, problem)));
    }

    @Override
    public void save(LearnerState before, Outcome outcome, PracticeProblem problem) {
        var after = outcome.newState();
        var learner = after.learner().value();
        Instant at = outcome.events().isEmpty() ? Instant.EPOCH : outcome.events().get(0).at();
        Pipeline.write(sql.query("saveState", b -> dsl.update(LEARNER_STATES)
                .set(LEARNER_STATES.POINTS, b.val(after.totals().points(), LEARNER_STATES.POINTS))
                .set(LEARNER_STATES.SOLVED, b.val(after.totals().solved(), LEARNER_STATES.SOLVED))
                .set(LEARNER_STATES.SUBMISSIONS, b.val(after.totals().submissions(), LEARNER_STATES.SUBMISSIONS))
                .set(LEARNER_STATES.STREAK_LAST_DAY, b.val(after.streak().lastActiveDay().orElse(null), LEARNER_STATES.STREAK_LAST_DAY))
                .set(LEARNER_STATES.STREAK_CURRENT, b.val(after.streak().current(), LEARNER_STATES.STREAK_CURRENT))
                .set(LEARNER_STATES.STREAK_LONGEST, b.val(after.streak().longest(), LEARNER_STATES.STREAK_LONGEST))
                .set(LEARNER_STATES.BADGE_LEVEL, b.val(after.badgeLevel(), LEARNER_STATES.BADGE_LEVEL))
                .set(LEARNER_STATES.STATS, b.val(StatsJson.write(after.stats()), LEARNER_STATES.STATS))
                .set(LEARNER_STATES.UPDATED_AT, b.val(Rows.utc(at), LEARNER_STATES.UPDATED_AT))
                .where(LEARNER_STATES.USER_ID.eq(b.val(learner, LEARNER_STATES.USER_ID)))));
        var row = locked.get();
        locked.remove();
        if (row != null && row.learner().equals(learner) && (after.totals().points() != before.totals().points()
                || after.streak().longest() != before.streak().longest()
                || (after.totals().submissions() > 0) != (before.totals().submissions() > 0))) {
            // without the locked row (a save not after lockAndLoad), the other instances' way: the next poll
            AfterCommit.run(() -> boardKeyCommitted.committed(learner, after.totals().points(), after.streak().longest(),
                    after.totals().submissions() > 0, row.stamp() + 1, row.username(), row.displayName()));
        }
        if (!after.progress().equals(before.progress())) {
            saveProgress(after.progress(), problem.id());
        }
        if (after.review().isPresent() && !after.review().equals(before.review())) {
            var r = after.review().get();
            Pipeline.write(sql.query("saveReview", b -> dsl.insertInto(REVIEW_ITEMS)
                    .set(REVIEW_ITEMS.USER_ID, b.val(learner, REVIEW_ITEMS.USER_ID)).set(REVIEW_ITEMS.PROBLEM_ID, b.val(problem.id(), REVIEW_ITEMS.PROBLEM_ID))
                    .set(REVIEW_ITEMS.STAGE, b.val(r.stage(), REVIEW_ITEMS.STAGE)).set(REVIEW_ITEMS.NEXT_REVIEW_ON, b.val(r.nextReviewOn(), REVIEW_ITEMS.NEXT_REVIEW_ON))
                    .set(REVIEW_ITEMS.REVIEW_COUNT, b.val(r.reviewCount(), REVIEW_ITEMS.REVIEW_COUNT)).set(REVIEW_ITEMS.LAST_PRACTICED_ON, b.val(r.lastPracticedOn(), REVIEW_ITEMS.LAST_PRACTICED_ON))
                    .onConflict(REVIEW_ITEMS.USER_ID, REVIEW_ITEMS.PROBLEM_ID).doUpdate()
                    .set(REVIEW_ITEMS.STAGE, b.val(r.stage(), REVIEW_ITEMS.STAGE)).set(REVIEW_ITEMS.NEXT_REVIEW_ON, b.val(r.nextReviewOn(), REVIEW_ITEMS.NEXT_REVIEW_ON))
                    .set(REVIEW_ITEMS.REVIEW_COUNT, b.val(r.reviewCount(), REVIEW_ITEMS.REVIEW_COUNT)).set(REVIEW_ITEMS.LAST_PRACTICED_ON, b.val(r.lastPracticedOn(), REVIEW_ITEMS.LAST_PRACTICED_ON))));
        }
        if (after.topicXp().isPresent() && !after.topicXp().equals(before.topicXp())) {
            var x = after.topicXp().get();
            Pipeline.write(sql.query("saveTopicXp", b -> dsl.insertInto(TOPIC_XP)
                    .set(TOPIC_XP.USER_ID, b.val(learner, TOPIC_XP.USER_ID)).set(TOPIC_XP.TOPIC_ID, topicId(b, x.topic()))
                    .set(TOPIC_XP.XP, b.val(x.xp(), TOPIC_XP.XP)).set(TOPIC_XP.LEVEL, b.val(x.level(), TOPIC_XP.LEVEL))
                    .set(TOPIC_XP.TASKS_DAY, b.val(x.tasksDay().orElse(null), TOPIC_XP.TASKS_DAY)).set(TOPIC_XP.TASKS_THAT_DAY, b.val(x.tasksThatDay(), TOPIC_XP.TASKS_THAT_DAY))
                    .onConflict(TOPIC_XP.USER_ID, TOPIC_XP.TOPIC_ID).doUpdate()
                    .set(TOPIC_XP.XP, b.val(x.xp(), TOPIC_XP.XP)).set(TOPIC_XP.LEVEL, b.val(x.level(), TOPIC_XP.LEVEL))
                    .set(TOPIC_XP.TASKS_DAY, b.val(x.tasksDay().orElse(null), TOPIC_XP.TASKS_DAY)).set(TOPIC_XP.TASKS_THAT_DAY, b.val(x.tasksThatDay(), TOPIC_XP.TASKS_THAT_DAY))));
        }
        if (after.topicStatistics().isPresent() && !after.topicStatistics().equals(before.topicStatistics())) {
            saveStatistics(after.topicStatistics().get());
        }
        for (var code : after.achievements()) {
            if (!before.achievements().contains(code)) {
                Pipeline.write(sql.query("saveAchievement", b -> dsl.insertInto(LEARNER_ACHIEVEMENTS)
                        .set(LEARNER_ACHIEVEMENTS.USER_ID, b.val(learner, LEARNER_ACHIEVEMENTS.USER_ID)).set(LEARNER_ACHIEVEMENTS.CODE, b.val(code.value(), LEARNER_ACHIEVEMENTS.CODE))
                        .set(LEARNER_ACHIEVEMENTS.EARNED_AT, b.val(Rows.utc(at), LEARNER_ACHIEVEMENTS.EARNED_AT))));
            }
        }
        if (after.streak().lastActiveDay().isPresent() && !after.streak().lastActiveDay().equals(before.streak().lastActiveDay())) {
            Pipeline.write(sql.query("saveActiveDay", b -> dsl.insertInto(ACTIVE_DAYS)
                    .set(ACTIVE_DAYS.USER_ID, b.val(learner, ACTIVE_DAYS.USER_ID)).set(ACTIVE_DAYS.DAY, b.val(after.streak().lastActiveDay().get(), ACTIVE_DAYS.DAY))
                    .onConflictDoNothing()));
        }
        for (var event : outcome.events()) {
            if (event instanceof DomainEvent.BadgeEarned e) {
                Pipeline.write(dsl.insertInto(LEARNER_BADGES)
                        .set(LEARNER_BADGES.USER_ID, learner).set(LEARNER_BADGES.LEVEL, e.rank().level())
                        .set(LEARNER_BADGES.NAME, e.rank().name()).set(LEARNER_BADGES.EARNED_AT, Rows.utc(e.at()))
                        .onConflictDoNothing());
            } else if (event instanceof DomainEvent.ModuleCompleted e) {
                Pipeline.write(dsl.insertInto(MODULE_COMPLETIONS)
                        .select(dsl.select(org.jooq.impl.DSL.val(learner), MODULES.ID, org.jooq.impl.DSL.val(Rows.utc(e.completion().completedAt())),
                                        org.jooq.impl.DSL.val(e.completion().timeSpent().toMillis()),
                                        org.jooq.impl.DSL.val(e.completion().finalScore().value()), org.jooq.impl.DSL.val(e.completion().points()))
                                .from(MODULES).where(MODULES.SLUG.eq(e.completion().module().value())))
                        .onConflictDoNothing());
            } else if (event instanceof DomainEvent.TrackCompleted e) {
                Pipeline.write(dsl.insertInto(TRACK_COMPLETIONS)
                        .select(dsl.select(org.jooq.impl.DSL.val(learner), TRACKS.ID, org.jooq.impl.DSL.val(Rows.utc(e.at())))
                                .from(TRACKS).where(TRACKS.SLUG.eq(e.track().value())))
                        .onConflictDoNothing());
            }
        }
    }

    @Override
    public void saveProgress(ProblemProgress p, long problemId) {
        var hints = p.hintsRevealed().stream().sorted().toArray(Integer[]::new);
        var status = p.status().name().toLowerCase(java.util.Locale.ROOT);
        Pipeline.write(sql.query("saveProgress", b -> {
            // one list of values for the insert and the update, so that the two cannot drift apart
            var values = new java.util.LinkedHashMap<org.jooq.Field<?>, Object>();
            values.put(PROBLEM_PROGRESS.STATUS, b.val(status, PROBLEM_PROGRESS.STATUS));
            values.put(PROBLEM_PROGRESS.ATTEMPTS, b.val(p.attempts(), PROBLEM_PROGRESS.ATTEMPTS));
            values.put(PROBLEM_PROGRESS.STARTED_AT, b.val(Rows.utc(p.startedAt()), PROBLEM_PROGRESS.STARTED_AT));
            values.put(PROBLEM_PROGRESS.FIRST_ATTEMPT_AT, b.val(Rows.utc(p.firstAttemptAt()), PROBLEM_PROGRESS.FIRST_ATTEMPT_AT));
            values.put(PROBLEM_PROGRESS.COMPLETED_AT, b.val(Rows.utc(p.completedAt()), PROBLEM_PROGRESS.COMPLETED_AT));
            values.put(PROBLEM_PROGRESS.TIME_SPENT_MS, b.val(p.timeSpent().toMillis(), PROBLEM_PROGRESS.TIME_SPENT_MS));
            values.put(PROBLEM_PROGRESS.BEST_SCORE, b.val(p.bestScore().value(), PROBLEM_PROGRESS.BEST_SCORE));
            values.put(PROBLEM_PROGRESS.POINTS_EARNED, b.val(p.pointsEarned(), PROBLEM_PROGRESS.POINTS_EARNED));
            values.put(PROBLEM_PROGRESS.BEST_SUBMISSION_ID,
                    b.val(p.bestSubmission().map(SubmissionId::value).orElse(null), PROBLEM_PROGRESS.BEST_SUBMISSION_ID));
            values.put(PROBLEM_PROGRESS.HINTS_REVEALED, b.val(hints, PROBLEM_PROGRESS.HINTS_REVEALED));
            values.put(PROBLEM_PROGRESS.UPDATED_AT, org.jooq.impl.DSL.currentOffsetDateTime());
            return dsl.insertInto(PROBLEM_PROGRESS)
                    .set(PROBLEM_PROGRESS.USER_ID, b.val(p.learner().value(), PROBLEM_PROGRESS.USER_ID))
                    .set(PROBLEM_PROGRESS.PROBLEM_ID, b.val(problemId, PROBLEM_PROGRESS.PROBLEM_ID))
                    .set(values)
                    .onConflict(PROBLEM_PROGRESS.USER_ID, PROBLEM_PROGRESS.PROBLEM_ID).doUpdate()
                    .set(values);
        }));
    }

    private void saveStatistics(TopicStatistics s) {
        var record = dsl.newRecord(TOPIC_STATISTICS);
        record.setUserId(s.learner().value());
        record.setProblemsAttempted(s.problemsAttempted());
        record.setProblemsSolved(s.problemsSolved());
        record.setSubmissions(s.submissions());
        record.setCorrectSubmissions(s.correctSubmissions());
        record.setTimedSubmissions(s.timedSubmissions());
        record.setTotalRunMs(s.totalRunTime().toMillis());
        record.setBestRunMs(s.bestRunTime().map(Duration::toMillis).orElse(null));
        record.setHintsUsed(s.hintsUsed());
        record.setTimeSpentMs(s.timeSpent().toMillis());
        record.setCurrentDifficulty(s.currentDifficulty().map(Rows::difficulty).orElse(null));
        record.setHighestDifficultySolved(s.highestDifficultySolved().map(Rows::difficulty).orElse(null));
        record.setFirstAttemptAt(Rows.utc(s.firstAttemptAt()));
        record.setLastActivityAt(Rows.utc(s.lastActivityAt()));
        Pipeline.write(sql.query("saveStatistics", b -> dsl.insertInto(TOPIC_STATISTICS).set(TOPIC_STATISTICS.TOPIC_ID, topicId(b, s.topic()))
                .set(changedValues(b, record))
                .onConflict(TOPIC_STATISTICS.USER_ID, TOPIC_STATISTICS.TOPIC_ID).doUpdate().set(changedValues(b, record))));
    }

    /** What {@code set(record)} sets (the record's changed fields, in its order), each as a wrapped bind value. */
    private static Map<Field<?>, Field<?>> changedValues(RenderedSql.Binds b, Record record) {
        var values = new LinkedHashMap<Field<?>, Field<?>>();
        for (var field : record.fields()) {
            if (record.changed(field)) {
                values.put(field, value(b, record, field));
            }
        }
        return values;
    }

    private static <T> Field<T> value(RenderedSql.Binds b, Record record, Field<T> field) {
        return b.val(record.get(field), field);
    }

    static ProblemProgress progress(LearnerId learner, ProblemSlug slug, Record r) {
        UUID best = r.get(PROBLEM_PROGRESS.BEST_SUBMISSION_ID);
        return new ProblemProgress(learner, slug,
                ProgressStatus.valueOf(r.get(PROBLEM_PROGRESS.STATUS).toUpperCase(java.util.Locale.ROOT)),
                r.get(PROBLEM_PROGRESS.ATTEMPTS),
                Rows.instant(r.get(PROBLEM_PROGRESS.STARTED_AT)),
                Rows.instant(r.get(PROBLEM_PROGRESS.FIRST_ATTEMPT_AT)),
                Rows.instant(r.get(PROBLEM_PROGRESS.COMPLETED_AT)),
                Duration.ofMillis(r.get(PROBLEM_PROGRESS.TIME_SPENT_MS)),
                new Score(r.get(PROBLEM_PROGRESS.BEST_SCORE)),
                r.get(PROBLEM_PROGRESS.POINTS_EARNED),
                Optional.ofNullable(best).map(SubmissionId::new),
                new HashSet<>(Arrays.asList(r.get(PROBLEM_PROGRESS.HINTS_REVEALED))));
    }

    private static CourseProgress course(LearnerId learner, PracticeProblem problem, Result<Record> trackProgress) {
        var placement = problem.placement().orElseThrow();
        var others = placement.moduleProblems().stream().filter(p -> !p.equals(problem.slug())).map(ProblemSlug::value).toList();
        var moduleProblems = new HashMap<ProblemSlug, ProblemProgress>();
        var completedInTrack = new HashSet<ProblemSlug>();
        trackProgress.forEach(r -> {
            var slug = new ProblemSlug(r.get(PROBLEMS.SLUG));
            var progress = progress(learner, slug, r);
            if (others.contains(slug.value())) {
                moduleProblems.put(slug, progress);
            }
            if (progress.isCompleted() && !slug.equals(problem.slug())) {
                completedInTrack.add(slug);
            }
        });
        for (var other : others) {
            moduleProblems.putIfAbsent(new ProblemSlug(other), ProblemProgress.notStarted(learner, new ProblemSlug(other)));
        }
        return new CourseProgress(moduleProblems, completedInTrack);
    }

    /** The topic's id as a subquery, so that writes need no read first. */
    private org.jooq.Select<Record1<Long>> topicId(RenderedSql.Binds b, TopicSlug topic) {
        return dsl.select(TOPICS.ID).from(TOPICS).where(TOPICS.SLUG.eq(b.val(topic.value(), TOPICS.SLUG)));
    }
}
