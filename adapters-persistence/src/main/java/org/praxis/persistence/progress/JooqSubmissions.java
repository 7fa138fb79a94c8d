package org.praxis.persistence.progress;

import static org.praxis.persistence.schema.Tables.IDEMPOTENCY_KEYS;
import static org.praxis.persistence.schema.Tables.PROBLEMS;
import static org.praxis.persistence.schema.Tables.SUBMISSIONS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.praxis.application.grading.port.out.GraderIdentity;
import org.praxis.application.progress.port.in.EventView;
import org.praxis.application.progress.port.in.SubmissionView;
import org.praxis.application.progress.port.out.Submissions;
import org.praxis.persistence.common.Pipeline;
import org.praxis.persistence.common.RenderedSql;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.grading.TestResult;
import org.praxis.domain.grading.Verdict;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.progress.ProgressStatus;
import org.praxis.domain.progress.SubmissionId;

/** Submissions, each with its events (the learner's append-only log), and idempotency keys. */
public final class JooqSubmissions implements Submissions {
    private final DSLContext dsl;
    private final RenderedSql sql;

    public JooqSubmissions(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl);
        this.sql = new RenderedSql(dsl);
    }

    @Override
    public Optional<KeyUse> byKey(LearnerId learner, String key) {
        return dsl.select(IDEMPOTENCY_KEYS.SUBMISSION_ID, IDEMPOTENCY_KEYS.REQUEST_HASH).from(IDEMPOTENCY_KEYS)
                .where(IDEMPOTENCY_KEYS.USER_ID.eq(learner.value()).and(IDEMPOTENCY_KEYS.KEY.eq(key)))
                .fetchOptional(r -> new KeyUse(new SubmissionId(r.value1()), r.value2()));
    }

    @Override
    public void record(LearnerId learnerId, SubmissionView s, long problemId, Optional<String> key, byte[] requestHash) {
        var at = Rows.utc(s.submittedAt());
        var learner = learnerId.value();
        Pipeline.write(sql.query("record", b -> dsl.insertInto(SUBMISSIONS)
                .set(SUBMISSIONS.ID, b.val(s.id().value(), SUBMISSIONS.ID))
                .set(SUBMISSIONS.USER_ID, b.val(learner, SUBMISSIONS.USER_ID))
                .set(SUBMISSIONS.PROBLEM_ID, b.val(problemId, SUBMISSIONS.PROBLEM_ID))
                .set(SUBMISSIONS.PROBLEM_VERSION, b.val(s.problemVersion(), SUBMISSIONS.PROBLEM_VERSION))
                .set(SUBMISSIONS.ANSWER, b.val(s.answer(), SUBMISSIONS.ANSWER))
                .set(SUBMISSIONS.VERDICT, b.val(s.verdict().name().toLowerCase(Locale.ROOT), SUBMISSIONS.VERDICT))
                .set(SUBMISSIONS.SCORE, b.val(s.score(), SUBMISSIONS.SCORE))
                .set(SUBMISSIONS.FEEDBACK, b.val(s.feedback(), SUBMISSIONS.FEEDBACK))
                .set(SUBMISSIONS.TESTS, b.val(StatsJson.json(s.tests().stream().map(JooqSubmissions::test).toList()), SUBMISSIONS.TESTS))
                .set(SUBMISSIONS.RUN_MS, b.val(s.runMillis().orElse(null), SUBMISSIONS.RUN_MS))
                .set(SUBMISSIONS.POINTS_AWARDED, b.val(s.pointsAwarded(), SUBMISSIONS.POINTS_AWARDED))
                .set(SUBMISSIONS.XP_AWARDED, b.val(s.xpAwarded(), SUBMISSIONS.XP_AWARDED))
                .set(SUBMISSIONS.GRADER, b.val(s.grader().id(), SUBMISSIONS.GRADER))
                .set(SUBMISSIONS.GRADER_VERSION, b.val(s.grader().version(), SUBMISSIONS.GRADER_VERSION))
                .set(SUBMISSIONS.REVIEW, b.val(s.review(), SUBMISSIONS.REVIEW))
                .set(SUBMISSIONS.PROGRESS_STATUS, b.val(s.progress().status().name().toLowerCase(Locale.ROOT), SUBMISSIONS.PROGRESS_STATUS))
                .set(SUBMISSIONS.PROGRESS_ATTEMPTS, b.val(s.progress().attempts(), SUBMISSIONS.PROGRESS_ATTEMPTS))
                .set(SUBMISSIONS.PROGRESS_BEST_SCORE, b.val(s.progress().bestScore(), SUBMISSIONS.PROGRESS_BEST_SCORE))
                .set(SUBMISSIONS.TOTAL_POINTS, b.val(s.totals().points(), SUBMISSIONS.TOTAL_POINTS))
                .set(SUBMISSIONS.TOTAL_SOLVED, b.val(s.totals().solved(), SUBMISSIONS.TOTAL_SOLVED))
                .set(SUBMISSIONS.CURRENT_STREAK, b.val(s.totals().currentStreak(), SUBMISSIONS.CURRENT_STREAK))
                .set(SUBMISSIONS.LONGEST_STREAK, b.val(s.totals().longestStreak(), SUBMISSIONS.LONGEST_STREAK))
                .set(SUBMISSIONS.EVENTS, b.val(StatsJson.json(s.events().stream().map(JooqSubmissions::event).toList()), SUBMISSIONS.EVENTS))
                .set(SUBMISSIONS.SUBMITTED_AT, b.val(at, SUBMISSIONS.SUBMITTED_AT))));
        key.ifPresent(k -> Pipeline.write(sql.query("key", b -> dsl.insertInto(IDEMPOTENCY_KEYS)
                .set(IDEMPOTENCY_KEYS.USER_ID, b.val(learner, IDEMPOTENCY_KEYS.USER_ID)).set(IDEMPOTENCY_KEYS.KEY, b.val(k, IDEMPOTENCY_KEYS.KEY))
                .set(IDEMPOTENCY_KEYS.REQUEST_HASH, b.val(requestHash, IDEMPOTENCY_KEYS.REQUEST_HASH))
                .set(IDEMPOTENCY_KEYS.SUBMISSION_ID, b.val(s.id().value(), IDEMPOTENCY_KEYS.SUBMISSION_ID))
                .set(IDEMPOTENCY_KEYS.SUBMITTED_AT, b.val(at, IDEMPOTENCY_KEYS.SUBMITTED_AT))
                .set(IDEMPOTENCY_KEYS.CREATED_AT, b.val(at, IDEMPOTENCY_KEYS.CREATED_AT)))));
    }

    @Override
    public Optional<SubmissionView> find(LearnerId learner, SubmissionId id) {
        return selectRows(SUBMISSIONS.USER_ID.eq(learner.value()).and(SUBMISSIONS.ID.eq(id.value())), 1).fetchOptional(JooqSubmissions::view);
    }

    @Override
    public List<SubmissionView> history(LearnerId learner, Optional<ProblemSlug> problem, Optional<Cursor> after, int limit) {
        Condition where = SUBMISSIONS.USER_ID.eq(learner.value());
        if (problem.isPresent()) {
            where = where.and(PROBLEMS.SLUG.eq(problem.get().value()));
        }
        if (after.isPresent()) {
            where = where.and(DSL.row(SUBMISSIONS.SUBMITTED_AT, SUBMISSIONS.ID)
                    .lt(Rows.utc(after.get().submittedAt()), after.get().id().value()));
        }
        return select(where, limit);
    }

    private List<SubmissionView> select(Condition where, int limit) {
        return selectRows(where, limit).fetch(JooqSubmissions::view);
    }

    private org.jooq.ResultQuery<Record> selectRows(Condition where, int limit) {
        return dsl.select(SUBMISSIONS.fields()).select(PROBLEMS.SLUG)
                .from(SUBMISSIONS).join(PROBLEMS).on(PROBLEMS.ID.eq(SUBMISSIONS.PROBLEM_ID))
                .where(where)
                .orderBy(SUBMISSIONS.SUBMITTED_AT.desc(), SUBMISSIONS.ID.desc())
                .limit(limit);
    }

    @SuppressWarnings("unchecked")
    private static SubmissionView view(Record r) {
        var events = StatsJson.list(r.get(SUBMISSIONS.EVENTS)).stream().map(o -> {
            var e = (Map<String, Object>) o;
            return new EventView((String) e.get("type"), (Map<String, Object>) e.get("fields"));
        }).toList();
        var tests = StatsJson.list(r.get(SUBMISSIONS.TESTS)).stream().map(o -> {
            var t = (Map<String, Object>) o;
            return new TestResult((String) t.get("name"), (Boolean) t.get("passed"), (Boolean) t.get("hidden"),
                    (String) t.getOrDefault("message", ""), ((Number) t.get("runMillis")).longValue());
        }).toList();
        return new SubmissionView(new SubmissionId(r.get(SUBMISSIONS.ID)), new ProblemSlug(r.get(PROBLEMS.SLUG)),
                r.get(SUBMISSIONS.PROBLEM_VERSION), r.get(SUBMISSIONS.ANSWER),
                Verdict.Outcome.valueOf(r.get(SUBMISSIONS.VERDICT).toUpperCase(Locale.ROOT)), r.get(SUBMISSIONS.SCORE),
                r.get(SUBMISSIONS.FEEDBACK), tests, Optional.ofNullable(r.get(SUBMISSIONS.RUN_MS)),
                r.get(SUBMISSIONS.POINTS_AWARDED), r.get(SUBMISSIONS.XP_AWARDED), r.get(SUBMISSIONS.REVIEW),
                new GraderIdentity(r.get(SUBMISSIONS.GRADER), r.get(SUBMISSIONS.GRADER_VERSION)),
                new SubmissionView.Progress(ProgressStatus.valueOf(r.get(SUBMISSIONS.PROGRESS_STATUS).toUpperCase(Locale.ROOT)),
                        r.get(SUBMISSIONS.PROGRESS_ATTEMPTS), r.get(SUBMISSIONS.PROGRESS_BEST_SCORE)),
                new SubmissionView.Totals(r.get(SUBMISSIONS.TOTAL_POINTS), r.get(SUBMISSIONS.TOTAL_SOLVED),
                        r.get(SUBMISSIONS.CURRENT_STREAK), r.get(SUBMISSIONS.LONGEST_STREAK)),
                events, r.get(SUBMISSIONS.SUBMITTED_AT).toInstant());
    }

    /** An event as {@code submissions.events} holds it (V13). */
    public static Map<String, Object> event(EventView e) {
        var json = new LinkedHashMap<String, Object>();
        json.put("type", e.type());
        json.put("fields", e.fields());
        return json;
    }

    public static Map<String, Object> test(TestResult t) {
        var json = new LinkedHashMap<String, Object>();
        json.put("name", t.name());
        json.put("passed", t.passed());
        json.put("hidden", t.hidden());
        json.put("message", t.message());
        json.put("runMillis", t.runMillis());
        return json;
    }

}
