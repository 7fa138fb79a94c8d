package org.praxis.persistence.operations;

import static org.praxis.persistence.schema.Tables.MODULES;
import static org.praxis.persistence.schema.Tables.PROBLEMS;
import static org.praxis.persistence.schema.Tables.TOPICS;
import static org.praxis.persistence.schema.Tables.TRACKS;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.praxis.application.operations.port.out.SampleData;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.progress.ProgressStatus;
import org.praxis.persistence.common.Jooq;
import org.praxis.persistence.progress.JooqSubmissions;
import org.praxis.persistence.progress.Rows;
import org.praxis.persistence.progress.StatsJson;

/**
 * Sample learners through COPY: each batch on its own connection, in one transaction, table after table
 * in foreign-key order, with the same column values the learning loop's adapters write (encoded by
 * {@link CopyText}, {@link CopyBinary} and {@link EventJson}, byte for byte what those adapters store). Durability is
 * relaxed for these transactions only ({@code synchronous_commit = off}): a crash loses at most the
 * last batches, never half of one. Where the user may, the transactions also skip per-row triggers and
 * foreign-key checks ({@code session_replication_role = replica}, local to the transaction, so a dead
 * load leaves nothing behind): the rows are consistent by construction, and the board columns the V8
 * triggers would fill are written here.
 */
public final class CopySampleData implements SampleData {
    private static final String[] STATUS = Arrays.stream(ProgressStatus.values()).map(v -> v.name().toLowerCase(Locale.ROOT))
            .toArray(String[]::new);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CopySampleData.class);

    private final DataSource dataSource;
    private final DSLContext dsl;
    private volatile Map<String, Long> tracks;
    private volatile Map<String, Long> modules;
    private volatile Map<String, Long> topics;
    private volatile Boolean replica;

    public CopySampleData(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.dsl = Jooq.over(dataSource);
    }

    @Override
    public List<ProblemSlug> publishedProblems() {
        return dsl.select(PROBLEMS.SLUG).from(PROBLEMS).where(PROBLEMS.STATE.eq("published")).orderBy(PROBLEMS.SLUG)
                .fetch(r -> new ProblemSlug(r.value1()));
    }

    @Override
    public long highestSampleLearner() {
        return dsl.resultQuery("select coalesce(max(substring(lower(username) from '^learner-([0-9]{1,7})$')::bigint), 0) from users")
                .fetchOne(0, Long.class);
    }

    @Override
    public void analyze() {
        dsl.execute("analyze users, enrolments, learner_states, active_days, problem_progress, review_items, topic_xp, "
                + "topic_statistics, learner_achievements, learner_badges, module_completions, track_completions, submissions, "
                + "board_period_scores");
    }

    @Override
    public void write(List<Learner> learners) {
        loadIds();
        try (var connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                try (var statement = connection.createStatement()) {
                    statement.execute("set local synchronous_commit = off");
                    if (withoutTriggers(connection)) {
                        statement.execute("set local session_replication_role = replica");
                    }
                }
                long start = System.nanoTime();
                copyAll(connection, learners);
                long copied = System.nanoTime();
                connection.commit();
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} learners: COPY {} ms, commit {} ms", learners.size(), (copied - start) / 1_000_000,
                            (System.nanoTime() - copied) / 1_000_000);
                }
            } catch (SQLException | RuntimeException e) {
                // the first failure is the one to report, whatever the rollback says
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing sample learners failed: " + e.getMessage(), e);
        }
    }

    /**
     * Whether this user may set {@code session_replication_role} (a superuser, such as the embedded
     * database's, or one granted it): then the batches skip the per-row triggers, foreign-key checks
     * included, which were most of the server's work. Asked once, in a transaction rolled back.
     */
    private boolean withoutTriggers(Connection connection) throws SQLException {
        Boolean allowed = replica;
        if (allowed == null) {
            synchronized (this) {
                if (replica == null) {
                    var savepoint = connection.setSavepoint();
                    try (var statement = connection.createStatement()) {
                        statement.execute("set local session_replication_role = replica");
                        statement.execute("set local session_replication_role = origin");
                        replica = true;
                    } catch (SQLException e) {
                        connection.rollback(savepoint);
                        replica = false;
                    }
                    LOG.info(replica ? "sample batches skip per-row triggers and foreign-key checks (session_replication_role = replica)"
                            : "sample batches run every trigger and foreign-key check: this user may not set session_replication_role");
                }
                allowed = replica;
            }
        }
        return allowed;
    }

    private void copyAll(Connection connection, List<Learner> learners) throws SQLException {
        var api = new Copies(connection.unwrap(PGConnection.class).getCopyAPI());
        try {
            copyAll(api, learners);
        } catch (SQLException | RuntimeException e) {
            api.cancel(e);
            throw e;
        }
    }

    /**
     * The COPYs of one batch; the last one is cancelled when the batch fails in its middle, as the
     * connection takes nothing else (its rollback included) while a COPY is open.
     */
    private static final class Copies {
        private final CopyManager manager;
        private CopyIn last;

        Copies(CopyManager manager) {
            this.manager = manager;
        }

        CopyIn copyIn(String sql) throws SQLException {
            last = manager.copyIn(sql);
            return last;
        }

        void cancel(Exception failure) {
            if (last != null && last.isActive()) {
                try {
                    last.cancelCopy();
                } catch (SQLException e) {
                    failure.addSuppressed(e);
                }
            }
        }
    }

    private void copyAll(Copies api, List<Learner> learners) throws SQLException {
        var users = new CopyText(api.copyIn("copy users (id, username, email, display_name, time_zone, role, created_at, updated_at) "
                + "from stdin"));
        for (var l : learners) {
            users.uuid(l.id().value()).text(l.username()).text(l.username() + "@sample.invalid")
                    .text(displayName(l)).text(l.zone().getId()).text("learner")
                    .instant(l.joinedAt()).instant(l.joinedAt()).endRow();
        }
        end(users);

        each(api.copyIn("copy enrolments (user_id, track_id, enrolled_at) from stdin"), learners, (l, t) ->
                l.enrolments().forEach((track, at) -> t.uuid(l.id().value()).number(id(tracks, track.value())).instant(at).endRow()));

        each(api.copyIn("copy active_days (user_id, day) from stdin"), learners, (l, t) ->
                l.state().activeDays().forEach(day -> t.uuid(l.id().value()).date(day).endRow()));

        each(api.copyIn("copy problem_progress (user_id, problem_id, status, attempts, started_at, first_attempt_at, completed_at, "
                + "time_spent_ms, best_score, points_earned, best_submission_id, hints_revealed, updated_at) from stdin"), learners, (l, t) -> {
                    for (var row : l.state().progress()) {
                        var p = row.progress();
                        t.uuid(l.id().value()).number(row.problemId()).text(STATUS[p.status().ordinal()])
                                .number(p.attempts()).value(p.startedAt()).value(p.firstAttemptAt()).value(p.completedAt())
                                .number(p.timeSpent().toMillis()).number(p.bestScore().value()).number(p.pointsEarned())
                                .value(p.bestSubmission().map(b -> b.value()).orElse(null))
                                .text(p.hintsRevealed().isEmpty() ? "{}"
                                        : p.hintsRevealed().stream().sorted().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                                .instant(row.updatedAt()).endRow();
                    }
                });

        each(api.copyIn("copy review_items (user_id, problem_id, stage, next_review_on, review_count, last_practiced_on) from stdin"),
                learners, (l, t) -> {
                    for (var review : l.state().reviews()) {
                        var r = review.item();
                        t.uuid(l.id().value()).number(review.problemId()).number(r.stage()).value(r.nextReviewOn())
                                .number(r.reviewCount()).value(r.lastPracticedOn()).endRow();
                    }
                });

        each(api.copyIn("copy topic_xp (user_id, topic_id, xp, level, tasks_day, tasks_that_day) from stdin"), learners, (l, t) ->
                l.state().topicXp().values().forEach(x -> t.uuid(l.id().value()).number(id(topics, x.topic().value())).number(x.xp())
                        .number(x.level()).value(x.tasksDay().orElse(null)).number(x.tasksThatDay()).endRow()));

        each(api.copyIn("copy topic_statistics (user_id, topic_id, problems_attempted, problems_solved, submissions, correct_submissions, "
                + "timed_submissions, total_run_ms, best_run_ms, hints_used, time_spent_ms, current_difficulty, highest_difficulty_solved, "
                + "first_attempt_at, last_activity_at) from stdin"), learners, (l, t) ->
                l.state().topicStatistics().values().forEach(s -> t.uuid(l.id().value()).number(id(topics, s.topic().value()))
                        .number(s.problemsAttempted()).number(s.problemsSolved()).number(s.submissions()).number(s.correctSubmissions())
                        .number(s.timedSubmissions()).number(s.totalRunTime().toMillis())
                        .value(s.bestRunTime().map(Duration::toMillis).orElse(null))
                        .number(s.hintsUsed()).number(s.timeSpent().toMillis())
                        .value(s.currentDifficulty().map(Rows::difficulty).orElse(null))
                        .value(s.highestDifficultySolved().map(Rows::difficulty).orElse(null))
                        .value(s.firstAttemptAt()).value(s.lastActivityAt()).endRow()));

        each(api.copyIn("copy learner_achievements (user_id, code, earned_at) from stdin"), learners, (l, t) ->
                l.state().achievements().forEach((code, at) -> t.uuid(l.id().value()).text(code.value()).instant(at).endRow()));

        each(api.copyIn("copy learner_badges (user_id, level, name, earned_at) from stdin"), learners, (l, t) ->
                l.state().badges().forEach(b -> t.uuid(l.id().value()).number(b.rank().level()).text(b.rank().name()).instant(b.earnedAt())
                        .endRow()));

        each(api.copyIn("copy module_completions (user_id, module_id, completed_at, time_spent_ms, final_score, points) from stdin"),
                learners, (l, t) -> l.state().modules().forEach(m -> t.uuid(l.id().value()).number(id(modules, m.module().value()))
                        .instant(m.completedAt()).number(m.timeSpent().toMillis()).number(m.finalScore().value()).number(m.points())
                        .endRow()));

        each(api.copyIn("copy track_completions (user_id, track_id, completed_at) from stdin"), learners, (l, t) ->
                l.state().tracks().forEach((track, at) -> t.uuid(l.id().value()).number(id(tracks, track.value())).instant(at).endRow()));

        // what an answer's submissions share (its problem, text, verdict, tests, grader) is encoded once
        var answers = new IdentityHashMap<Answer, byte[]>();
        var submissions = new CopyBinary(api.copyIn("copy submissions (problem_id, problem_version, answer, verdict, score, feedback, tests, "
                + "run_ms, grader, grader_version, id, user_id, points_awarded, xp_awarded, review, progress_status, progress_attempts, "
                + "progress_best_score, total_points, total_solved, current_streak, longest_streak, submitted_at, events) from stdin with (format binary)"));
        for (var l : learners) {
            for (var s : l.submissions()) {
                submissions.row(24).raw(answers.computeIfAbsent(s.answer(), CopySampleData::answer))
                        .uuid(s.id().value()).uuid(l.id().value()).int4(s.pointsAwarded()).int4(s.xpAwarded()).bool(s.review())
                        .text(STATUS[s.progress().status().ordinal()]).int4(s.progress().attempts()).int4(s.progress().bestScore())
                        .int8(s.totals().points()).int4(s.totals().solved()).int4(s.totals().currentStreak())
                        .int4(s.totals().longestStreak()).timestamptz(s.submittedAt());
                EventJson.writeAll(s.events(), submissions);
                submissions.endRow();
            }
        }
        end(submissions);

        each(api.copyIn("copy board_period_scores (board, period, user_id, score) from stdin"), learners, (l, t) ->
                l.state().boards().forEach((key, score) -> t.text(key.board()).text(key.period()).uuid(l.id().value()).number(score).endRow()));

        // Last, just before the commit: a row's board_changed_at (its default) is when the board's followers
        // take it to have changed, so the time between the two must stay within their overlap (V8).
        // The names are the board's copies (V8, V9): written here, so the insert trigger that would look
        // them up has nothing to do.
        each(api.copyIn("copy learner_states (user_id, points, solved, submissions, streak_last_day, streak_current, streak_longest, "
                + "badge_level, stats, updated_at, username, display_name) from stdin"), learners, (l, t) -> {
                    var s = l.state();
                    t.uuid(l.id().value()).number(s.totals().points()).number(s.totals().solved()).number(s.totals().submissions())
                            .value(s.streak().lastActiveDay().orElse(null)).number(s.streak().current()).number(s.streak().longest())
                            .number(s.badgeLevel()).text(StatsJson.write(s.stats()).data()).instant(s.updatedAt()).text(l.username())
                            .text(displayName(l)).endRow();
                });
    }

    /** The ten columns an answer's submissions share, in the order of the submissions' COPY (its first fields). */
    private static byte[] answer(Answer a) {
        var verdict = a.graded().verdict();
        var fields = new CopyBinary(null).int8(a.problemId()).int4(a.problemVersion()).text(a.text())
                .text(verdict.outcome().name().toLowerCase(Locale.ROOT)).int4(verdict.score().value()).text(verdict.feedback())
                .text(StatsJson.json(verdict.tests().stream().map(JooqSubmissions::test).toList()).data());
        (a.runMillis().isPresent() ? fields.int8(a.runMillis().get()) : fields.nul()).text(a.graded().grader().id())
                .text(a.graded().grader().version());
        return fields.bytes();
    }

    /** One table's rows from the learners who submitted (the others have no state). */
    private static void each(CopyIn copy, List<Learner> learners, BiConsumer<Learner, CopyText> rows) throws SQLException {
        var table = new CopyText(copy);
        for (var l : learners) {
            if (l.state() != null) {
                rows.accept(l, table);
            }
        }
        end(table);
    }

    private static void end(CopyBuffer table) throws SQLException {
        long start = System.nanoTime();
        long rows = table.end();
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} rows, last chunk and end in {} ms", rows, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private void loadIds() {
        if (topics == null) {
            synchronized (this) {
                if (topics == null) {
                    tracks = dsl.select(TRACKS.SLUG, TRACKS.ID).from(TRACKS).fetchMap(TRACKS.SLUG, TRACKS.ID);
                    modules = dsl.select(MODULES.SLUG, MODULES.ID).from(MODULES).fetchMap(MODULES.SLUG, MODULES.ID);
                    topics = dsl.select(TOPICS.SLUG, TOPICS.ID).from(TOPICS).fetchMap(TOPICS.SLUG, TOPICS.ID);
                }
            }
        }
    }

    /** "Learner 0000042" for learner-0000042: in users, and its copy on the board (V9). */
    private static String displayName(SampleData.Learner learner) {
        return "Learner " + learner.username().substring("learner-".length());
    }

    private static long id(Map<String, Long> ids, String slug) {
        var id = ids.get(slug);
        if (id == null) {
            throw new IllegalStateException("'" + slug + "' is not in the database");
        }
        return id;
    }

}
