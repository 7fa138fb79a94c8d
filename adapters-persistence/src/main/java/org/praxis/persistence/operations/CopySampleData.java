package org.praxis.persistence.operations;

import static org.praxis.persistence.schema.Tables.MODULES;
import static org.praxis.persistence.schema.Tables.PROBLEMS;
import static org.praxis.persistence.schema.Tables.TOPICS;
import static org.praxis.persistence.schema.Tables.TRACKS;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.praxis.application.operations.port.out.SampleData;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.persistence.common.Jooq;
import org.praxis.persistence.progress.JooqSubmissions;
import org.praxis.persistence.progress.Rows;
import org.praxis.persistence.progress.StatsJson;

/**
 * Sample learners through COPY: each batch on its own connection, in one transaction, table after table
 * in foreign-key order, with the same column values the learning loop's adapters write (their JSON and
 * conversions are reused). Durability is relaxed for these transactions only
 * ({@code synchronous_commit = off}): a crash loses at most the last batches, never half of one.
 */
public final class CopySampleData implements SampleData {
    private static final int CHUNK = 1 << 16;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CopySampleData.class);

    private final DataSource dataSource;
    private final DSLContext dsl;
    private volatile Map<String, Long> tracks;
    private volatile Map<String, Long> modules;
    private volatile Map<String, Long> topics;

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
                + "learner_events, board_period_scores");
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
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing sample learners failed: " + e.getMessage(), e);
        }
    }

    private void copyAll(Connection connection, List<Learner> learners) throws SQLException {
        var api = connection.unwrap(PGConnection.class).getCopyAPI();
        Table table = new Table(api.copyIn("copy users (id, username, email, display_name, time_zone, role, created_at, updated_at) "
                + "from stdin"));
        for (var l : learners) {
            table.value(l.id().value()).value(l.username()).value(l.username() + "@sample.invalid")
                    .value("Learner " + l.username().substring("learner-".length())).value(l.zone().getId()).value("learner")
                    .value(l.joinedAt()).last(l.joinedAt());
        }
        table.end();

        each(api.copyIn("copy enrolments (user_id, track_id, enrolled_at) from stdin"), learners, (l, t) ->
                l.enrolments().forEach((track, at) -> t.value(l.id().value()).value(id(tracks, track.value())).last(at)));

        each(api.copyIn("copy learner_states (user_id, points, solved, submissions, streak_last_day, streak_current, streak_longest, "
                + "badge_level, stats, updated_at) from stdin"), learners, (l, t) -> {
                    var s = l.state();
                    t.value(l.id().value()).value(s.totals().points()).value(s.totals().solved()).value(s.totals().submissions())
                            .value(s.streak().lastActiveDay().orElse(null)).value(s.streak().current()).value(s.streak().longest())
                            .value(s.badgeLevel()).value(StatsJson.write(s.stats()).data()).last(s.updatedAt());
                });

        each(api.copyIn("copy active_days (user_id, day) from stdin"), learners, (l, t) ->
                l.state().activeDays().forEach(day -> t.value(l.id().value()).last(day)));

        each(api.copyIn("copy problem_progress (user_id, problem_id, status, attempts, started_at, first_attempt_at, completed_at, "
                + "time_spent_ms, best_score, points_earned, best_submission_id, hints_revealed, updated_at) from stdin"), learners, (l, t) -> {
                    for (var row : l.state().progress()) {
                        var p = row.progress();
                        t.value(l.id().value()).value(row.problemId()).value(p.status().name().toLowerCase(Locale.ROOT))
                                .value(p.attempts()).value(p.startedAt()).value(p.firstAttemptAt()).value(p.completedAt())
                                .value(p.timeSpent().toMillis()).value(p.bestScore().value()).value(p.pointsEarned())
                                .value(p.bestSubmission().map(b -> b.value()).orElse(null))
                                .value(p.hintsRevealed().stream().sorted().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                                .last(row.updatedAt());
                    }
                });

        each(api.copyIn("copy review_items (user_id, problem_id, stage, next_review_on, review_count, last_practiced_on) from stdin"),
                learners, (l, t) -> {
                    for (var review : l.state().reviews()) {
                        var r = review.item();
                        t.value(l.id().value()).value(review.problemId()).value(r.stage()).value(r.nextReviewOn())
                                .value(r.reviewCount()).last(r.lastPracticedOn());
                    }
                });

        each(api.copyIn("copy topic_xp (user_id, topic_id, xp, level, tasks_day, tasks_that_day) from stdin"), learners, (l, t) ->
                l.state().topicXp().values().forEach(x -> t.value(l.id().value()).value(id(topics, x.topic().value())).value(x.xp())
                        .value(x.level()).value(x.tasksDay().orElse(null)).last(x.tasksThatDay())));

        each(api.copyIn("copy topic_statistics (user_id, topic_id, problems_attempted, problems_solved, submissions, correct_submissions, "
                + "timed_submissions, total_run_ms, best_run_ms, hints_used, time_spent_ms, current_difficulty, highest_difficulty_solved, "
                + "first_attempt_at, last_activity_at) from stdin"), learners, (l, t) ->
                l.state().topicStatistics().values().forEach(s -> t.value(l.id().value()).value(id(topics, s.topic().value()))
                        .value(s.problemsAttempted()).value(s.problemsSolved()).value(s.submissions()).value(s.correctSubmissions())
                        .value(s.timedSubmissions()).value(s.totalRunTime().toMillis()).value(s.bestRunTime().map(Duration::toMillis).orElse(null))
                        .value(s.hintsUsed()).value(s.timeSpent().toMillis())
                        .value(s.currentDifficulty().map(Rows::difficulty).orElse(null))
                        .value(s.highestDifficultySolved().map(Rows::difficulty).orElse(null))
                        .value(s.firstAttemptAt()).last(s.lastActivityAt())));

        each(api.copyIn("copy learner_achievements (user_id, code, earned_at) from stdin"), learners, (l, t) ->
                l.state().achievements().forEach((code, at) -> t.value(l.id().value()).value(code.value()).last(at)));

        each(api.copyIn("copy learner_badges (user_id, level, name, earned_at) from stdin"), learners, (l, t) ->
                l.state().badges().forEach(b -> t.value(l.id().value()).value(b.rank().level()).value(b.rank().name()).last(b.earnedAt())));

        each(api.copyIn("copy module_completions (user_id, module_id, completed_at, time_spent_ms, final_score, points) from stdin"),
                learners, (l, t) -> l.state().modules().forEach(m -> t.value(l.id().value()).value(id(modules, m.module().value()))
                        .value(m.completedAt()).value(m.timeSpent().toMillis()).value(m.finalScore().value()).last(m.points())));

        each(api.copyIn("copy track_completions (user_id, track_id, completed_at) from stdin"), learners, (l, t) ->
                l.state().tracks().forEach((track, at) -> t.value(l.id().value()).value(id(tracks, track.value())).last(at)));

        table = new Table(api.copyIn("copy submissions (id, user_id, problem_id, problem_version, answer, verdict, score, feedback, tests, "
                + "run_ms, points_awarded, xp_awarded, grader, grader_version, review, progress_status, progress_attempts, "
                + "progress_best_score, total_points, total_solved, current_streak, longest_streak, submitted_at) from stdin"));
        for (var l : learners) {
            for (var submitted : l.submissions()) {
                var s = submitted.view();
                table.value(s.id().value()).value(l.id().value()).value(submitted.problemId()).value(s.problemVersion()).value(s.answer())
                        .value(s.verdict().name().toLowerCase(Locale.ROOT)).value(s.score()).value(s.feedback())
                        .value(StatsJson.json(s.tests().stream().map(JooqSubmissions::test).toList()).data())
                        .value(s.runMillis().orElse(null)).value(s.pointsAwarded()).value(s.xpAwarded()).value(s.grader().id())
                        .value(s.grader().version()).value(s.review()).value(s.progress().status().name().toLowerCase(Locale.ROOT))
                        .value(s.progress().attempts()).value(s.progress().bestScore()).value(s.totals().points())
                        .value(s.totals().solved()).value(s.totals().currentStreak()).value(s.totals().longestStreak())
                        .last(s.submittedAt());
            }
        }
        table.end();

        table = new Table(api.copyIn("copy learner_events (user_id, submission_id, position, type, payload, occurred_at) from stdin"));
        for (var l : learners) {
            for (var submitted : l.submissions()) {
                var s = submitted.view();
                for (int i = 0; i < s.events().size(); i++) {
                    var event = s.events().get(i);
                    table.value(l.id().value()).value(s.id().value()).value(i).value(event.type())
                            .value(StatsJson.json(event.fields()).data()).last(s.submittedAt());
                }
            }
        }
        table.end();

        each(api.copyIn("copy board_period_scores (board, period, user_id, score) from stdin"), learners, (l, t) ->
                l.state().boards().forEach((key, score) -> t.value(key.board()).value(key.period()).value(l.id().value()).last(score)));
    }

    /** One table's rows from the learners who submitted (the others have no state). */
    private static void each(CopyIn copy, List<Learner> learners, BiConsumer<Learner, Table> rows) throws SQLException {
        var table = new Table(copy);
        for (var l : learners) {
            if (l.state() != null) {
                rows.accept(l, table);
            }
        }
        table.end();
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

    private static long id(Map<String, Long> ids, String slug) {
        var id = ids.get(slug);
        if (id == null) {
            throw new IllegalStateException("'" + slug + "' is not in the database");
        }
        return id;
    }

    /**
     * Rows in COPY's text format, sent to the server in chunks as they are made: tab between values,
     * newline after each row, {@code \N} for null, and backslash escapes for the characters that would
     * break the format.
     */
    private static final class Table {
        private final CopyIn copy;
        private final StringBuilder text = new StringBuilder(CHUNK + 4096);

        private final long start = System.nanoTime();

        Table(CopyIn copy) {
            this.copy = copy;
        }

        Table value(Object value) {
            append(value);
            text.append('\t');
            return this;
        }

        void last(Object value) {
            append(value);
            text.append('\n');
            if (text.length() >= CHUNK) {
                flush();
            }
        }

        private void append(Object value) {
            if (value == null) {
                text.append("\\N");
            } else if (value instanceof Optional<?> optional) {
                append(optional.orElse(null));
            } else if (value instanceof String s) {
                escape(s);
            } else if (value instanceof Instant || value instanceof LocalDate || value instanceof Number || value instanceof Boolean
                    || value instanceof java.util.UUID) {
                text.append(value);
            } else {
                throw new IllegalArgumentException("no COPY text for " + value.getClass());
            }
        }

        private void escape(String s) {
            if (plain(s)) {
                text.append(s);
                return;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        }

        private static boolean plain(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                    return false;
                }
            }
            return true;
        }

        private void flush() {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            text.setLength(0);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
            }
        }

        void end() throws SQLException {
            try {
                flush();
                long rows = copy.endCopy();
                if (LOG.isTraceEnabled()) {
                    LOG.trace("{} rows in {} ms", rows, (System.nanoTime() - start) / 1_000_000);
                }
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
    }

}
