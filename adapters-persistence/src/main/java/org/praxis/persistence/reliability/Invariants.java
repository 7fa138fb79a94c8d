package org.praxis.persistence.reliability;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.praxis.domain.gamification.BadgeLadder;
import org.praxis.persistence.common.Jooq;

/**
 * What must hold between the learning loop's tables whatever happened (concurrency, retries, crashes),
 * checked in SQL over the whole database. Each invariant is one query that returns the learners it does
 * not hold for, with a detail saying what was found, so a healthy database answers an empty list.
 *
 * <p>The counters in {@code learner_states} and {@code board_period_scores} are derived data: every check
 * recomputes one of them from the facts it was derived from (per-problem awards, submissions, events,
 * held achievements and badges, active days). Rows that must exist once are guarded by primary keys; the
 * checks here look at what keys cannot see.
 */
public final class Invariants {
    private final DSLContext dsl;

    public Invariants(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl);
    }

    public static Invariants over(DataSource dataSource) {
        return new Invariants(Jooq.over(dataSource));
    }

    /** One rule: its name, what it says, and a query selecting (user_id uuid, detail text) for every breach. */
    public record Invariant(String name, String rule, String violations) {
        public Invariant {
            Objects.requireNonNull(name);
            Objects.requireNonNull(rule);
            Objects.requireNonNull(violations);
        }
    }

    /** One breach of one invariant by one learner (or by no learner: {@code learner} null). */
    public record Violation(String invariant, UUID learner, String detail) {
        @Override
        public String toString() {
            return invariant + ": learner " + learner + ": " + detail;
        }
    }

    // Rewards of the achievements a learner holds: part of the total, never of a problem's award.
    private static final String REWARDS = "(select la.user_id, sum(a.points_reward) as rewards from learner_achievements la "
            + "join achievements a on a.code = la.code group by la.user_id)";

    // The ladder in force: the synced ranks, else the default one (as the learning loop awards them). A content
    // folder whose ladder equals the default stores no ranks, so the default must count here too.
    private static final String LADDER = "(select level, required_points, required_solved from badge_ranks union all "
            + "select * from (values " + BadgeLadder.DEFAULT.ranks().stream()
                    .map(r -> "(" + r.level() + ", " + r.requiredPoints() + "::bigint, " + r.requiredSolved() + ")")
                    .collect(Collectors.joining(", "))
            + ") d (level, required_points, required_solved) where not exists (select 1 from badge_ranks))";

    public static final List<Invariant> ALL = List.of(
            new Invariant("points-are-problem-awards-plus-rewards",
                    "learner_states.points = sum of problem_progress.points_earned + rewards of the achievements held",
                    "select s.user_id, format('points %s, problems %s + rewards %s', s.points, coalesce(p.earned, 0), coalesce(r.rewards, 0)) "
                            + "from learner_states s "
                            + "left join (select user_id, sum(points_earned) as earned from problem_progress group by user_id) p on p.user_id = s.user_id "
                            + "left join " + REWARDS + " r on r.user_id = s.user_id "
                            + "where s.points <> coalesce(p.earned, 0) + coalesce(r.rewards, 0)"),
            new Invariant("points-are-submission-awards-plus-rewards",
                    "learner_states.points = sum of submissions.points_awarded + rewards of the achievements held",
                    "select s.user_id, format('points %s, submissions %s + rewards %s', s.points, coalesce(x.awarded, 0), coalesce(r.rewards, 0)) "
                            + "from learner_states s "
                            + "left join (select user_id, sum(points_awarded) as awarded from submissions group by user_id) x on x.user_id = s.user_id "
                            + "left join " + REWARDS + " r on r.user_id = s.user_id "
                            + "where s.points <> coalesce(x.awarded, 0) + coalesce(r.rewards, 0)"),
            new Invariant("problem-award-is-its-submissions-awards",
                    "problem_progress.points_earned = sum of the points_awarded of that learner's submissions on that problem",
                    "select pp.user_id, format('problem %s: earned %s, submissions awarded %s', pp.problem_id, pp.points_earned, coalesce(x.awarded, 0)) "
                            + "from problem_progress pp "
                            + "left join (select user_id, problem_id, sum(points_awarded) as awarded from submissions group by user_id, problem_id) x "
                            + "on x.user_id = pp.user_id and x.problem_id = pp.problem_id "
                            + "where pp.points_earned <> coalesce(x.awarded, 0)"),
            new Invariant("solved-is-completed-problems",
                    "learner_states.solved = the number of completed problem_progress rows",
                    "select s.user_id, format('solved %s, completed problems %s', s.solved, coalesce(p.completed, 0)) "
                            + "from learner_states s "
                            + "left join (select user_id, count(*) as completed from problem_progress where status = 'completed' group by user_id) p "
                            + "on p.user_id = s.user_id where s.solved <> coalesce(p.completed, 0)"),
            new Invariant("submission-count-is-submissions",
                    "learner_states.submissions = the number of submission rows",
                    "select s.user_id, format('submissions %s, rows %s', s.submissions, coalesce(x.n, 0)) "
                            + "from learner_states s "
                            + "left join (select user_id, count(*) as n from submissions group by user_id) x on x.user_id = s.user_id "
                            + "where s.submissions <> coalesce(x.n, 0)"),
            new Invariant("every-submission-has-a-state",
                    "a learner with submissions has a learner_states row (the lock every submission takes)",
                    "select distinct x.user_id, 'submissions without a learner_states row' from submissions x "
                            + "where not exists (select 1 from learner_states s where s.user_id = x.user_id)"),
            new Invariant("submission-events-are-well-formed",
                    "each submission's events (submissions.events) are a list of {type, fields} objects whose first is answerGraded",
                    "select x.user_id, format('submission %s: %s events, the first %s', x.id, json_array_length(x.events), "
                            + "coalesce(x.events -> 0 ->> 'type', 'missing')) "
                            + "from submissions x where coalesce(x.events -> 0 ->> 'type', '') <> 'answerGraded' "
                            + "or exists (select 1 from json_array_elements(x.events) as e (value) where json_typeof(e.value) <> 'object' "
                            + "or e.value ->> 'type' is null or json_typeof(e.value -> 'fields') is distinct from 'object')"),
            new Invariant("solution-award-events-match-submissions",
                    "the solution pointsAwarded events of a submission add up to its points_awarded",
                    "select x.user_id, format('submission %s: points_awarded %s, events %s', x.id, x.points_awarded, "
                            + "coalesce(sum((e.value->'fields'->>'points')::int), 0)) "
                            + "from submissions x left join lateral json_array_elements(x.events) as e (value) on e.value->>'type' = 'pointsAwarded' "
                            + "and e.value->'fields'->>'source' = 'solution' "
                            + "group by x.user_id, x.id, x.points_awarded "
                            + "having x.points_awarded <> coalesce(sum((e.value->'fields'->>'points')::int), 0)"),
            new Invariant("achievements-unlocked-once",
                    "each achievement held has exactly one achievementUnlocked event, and each such event an achievement held",
                    "select coalesce(a.user_id, e.user_id), format('achievement %s: held %s, unlocked %s times', coalesce(a.code, e.code), "
                            + "a.code is not null, coalesce(e.n, 0)) "
                            + "from learner_achievements a full join (select user_id, payload->>'code' as code, count(*) as n from learner_events "
                            + "where type = 'achievementUnlocked' group by user_id, payload->>'code') e on e.user_id = a.user_id and e.code = a.code "
                            + "where a.code is null or coalesce(e.n, 0) <> 1"),
            new Invariant("achievement-rewards-awarded-once",
                    "each achievement held with a reward has exactly one pointsAwarded event of that reward",
                    "select a.user_id, format('achievement %s (reward %s): reward events %s', a.code, ac.points_reward, "
                            + "(select string_agg(e.payload->>'points', ',') from learner_events e where e.user_id = a.user_id "
                            + "and e.type = 'pointsAwarded' and e.payload->>'achievement' = a.code)) "
                            + "from learner_achievements a join achievements ac on ac.code = a.code where ac.points_reward > 0 "
                            + "and coalesce((select string_agg(e.payload->>'points', ',') from learner_events e where e.user_id = a.user_id "
                            + "and e.type = 'pointsAwarded' and e.payload->>'achievement' = a.code), '') <> ac.points_reward::text"),
            new Invariant("problems-solved-once",
                    "each completed problem has exactly one problemSolved event, and no other problem has one",
                    "select coalesce(pp.user_id, e.user_id), format('problem %s: completed %s, solved events %s', coalesce(pp.slug, e.problem), "
                            + "pp.slug is not null, coalesce(e.n, 0)) "
                            + "from (select p.user_id, pr.slug from problem_progress p join problems pr on pr.id = p.problem_id where p.status = 'completed') pp "
                            + "full join (select user_id, payload->>'problem' as problem, count(*) as n from learner_events where type = 'problemSolved' "
                            + "group by user_id, payload->>'problem') e on e.user_id = pp.user_id and e.problem = pp.slug "
                            + "where pp.slug is null or coalesce(e.n, 0) <> 1"),
            new Invariant("modules-completed-once",
                    "each module completion has exactly one moduleCompleted event, and each such event a completion",
                    "select coalesce(mc.user_id, e.user_id), format('module %s: completed %s, events %s', coalesce(mc.slug, e.module), "
                            + "mc.slug is not null, coalesce(e.n, 0)) "
                            + "from (select c.user_id, m.slug from module_completions c join modules m on m.id = c.module_id) mc "
                            + "full join (select user_id, payload->>'module' as module, count(*) as n from learner_events where type = 'moduleCompleted' "
                            + "group by user_id, payload->>'module') e on e.user_id = mc.user_id and e.module = mc.slug "
                            + "where mc.slug is null or coalesce(e.n, 0) <> 1"),
            new Invariant("badges-earned-once",
                    "each badge held has exactly one badgeEarned event, and each such event a badge held",
                    "select coalesce(b.user_id, e.user_id), format('badge level %s: held %s, events %s', coalesce(b.level, e.level), "
                            + "b.level is not null, coalesce(e.n, 0)) "
                            + "from learner_badges b full join (select user_id, (payload->>'level')::int as level, count(*) as n from learner_events "
                            + "where type = 'badgeEarned' group by user_id, (payload->>'level')::int) e on e.user_id = b.user_id and e.level = b.level "
                            + "where b.level is null or coalesce(e.n, 0) <> 1"),
            new Invariant("badge-level-is-highest-badge",
                    "learner_states.badge_level = the highest level in learner_badges (0 without any)",
                    "select s.user_id, format('badge_level %s, highest badge %s', s.badge_level, coalesce(b.top, 0)) "
                            + "from learner_states s left join (select user_id, max(level) as top from learner_badges group by user_id) b "
                            + "on b.user_id = s.user_id where s.badge_level <> coalesce(b.top, 0)"),
            new Invariant("badges-are-earned-by-the-rules",
                    "every badge held is a rung of the ladder whose required points and solved the learner's totals meet",
                    "select b.user_id, format('badge level %s needs %s points and %s solved; has %s and %s', b.level, r.required_points, "
                            + "r.required_solved, s.points, s.solved) "
                            + "from learner_badges b join learner_states s on s.user_id = b.user_id left join " + LADDER + " r on r.level = b.level "
                            + "where r.level is null or s.points < r.required_points or s.solved < r.required_solved"),
            new Invariant("boards-agree-with-awards",
                    "each weekly and monthly board score = the points awarded (pointsAwarded events) in that UTC period",
                    "with awarded as (select e.user_id, b.board, case b.board when 'weekly' then to_char(e.occurred_at at time zone 'UTC', 'IYYY-\"W\"IW') "
                            + "else to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM') end as period, sum((e.payload->>'points')::bigint) as points "
                            + "from learner_events e cross join (values ('weekly'), ('monthly')) as b(board) where e.type = 'pointsAwarded' "
                            + "group by 1, 2, 3) "
                            + "select coalesce(s.user_id, a.user_id), format('%s %s: board %s, awarded %s', coalesce(s.board, a.board), "
                            + "coalesce(s.period, a.period), coalesce(s.score, 0), coalesce(a.points, 0)) "
                            + "from board_period_scores s full join awarded a on a.user_id = s.user_id and a.board = s.board and a.period = s.period "
                            + "where coalesce(s.score, 0) <> coalesce(a.points, 0)"),
            new Invariant("award-events-match-totals",
                    "the pointsAwarded events of a learner add up to learner_states.points (what the boards are credited from)",
                    "select s.user_id, format('points %s, pointsAwarded events %s', s.points, coalesce(e.points, 0)) "
                            + "from learner_states s left join (select user_id, sum((payload->>'points')::bigint) as points from learner_events "
                            + "where type = 'pointsAwarded' group by user_id) e on e.user_id = s.user_id where s.points <> coalesce(e.points, 0)"),
            new Invariant("streaks-agree-with-active-days",
                    "streak_last_day = the last active day; streak_current = the run of consecutive days ending there; "
                            + "streak_longest = the longest run",
                    "with runs as (select user_id, day - (row_number() over (partition by user_id order by day))::int as island, "
                            + "day from active_days), "
                            + "islands as (select user_id, island, count(*) as length, max(day) as last from runs group by user_id, island), "
                            + "facts as (select user_id, max(last) as last_day, max(length) as longest, "
                            + "(array_agg(length order by last desc))[1] as current from islands group by user_id) "
                            + "select s.user_id, format('streak last %s current %s longest %s; active days say last %s current %s longest %s', "
                            + "s.streak_last_day, s.streak_current, s.streak_longest, f.last_day, coalesce(f.current, 0), coalesce(f.longest, 0)) "
                            + "from learner_states s left join facts f on f.user_id = s.user_id "
                            + "where s.streak_last_day is distinct from f.last_day or s.streak_current <> coalesce(f.current, 0) "
                            + "or s.streak_longest <> coalesce(f.longest, 0)"),
            new Invariant("board-names-are-the-users",
                    "a learner on the global board carries the user name and display name of their account (the board's copies, V8 and V9)",
                    "select s.user_id, format('board has %s / %s, account %s / %s', s.username, s.display_name, u.username, u.display_name) "
                            + "from learner_states s join users u on u.id = s.user_id where s.submissions > 0 "
                            + "and (s.username is distinct from u.username or s.display_name is distinct from u.display_name)"),
            new Invariant("idempotency-keys-have-one-effect",
                    "every Idempotency-Key names one submission of its own learner, made at the recorded time, and no submission has two keys",
                    "select k.user_id, format('key %s names submission %s, which is not theirs at %s', k.key, k.submission_id, k.submitted_at) "
                            + "from idempotency_keys k where not exists (select 1 from submissions x where x.id = k.submission_id "
                            + "and x.user_id = k.user_id and x.submitted_at = k.submitted_at) "
                            + "union all select k.user_id, format('submission %s has %s keys', k.submission_id, count(*)) "
                            + "from idempotency_keys k group by k.user_id, k.submission_id having count(*) > 1"));

    /** Every breach of every invariant, in the order of {@link #ALL}; empty when the database is healthy. */
    public List<Violation> check() {
        return ALL.stream().flatMap(invariant -> dsl.resultQuery(invariant.violations()).fetch()
                .map(r -> new Violation(invariant.name(), r.get(0, UUID.class), r.get(1, String.class))).stream()).toList();
    }

    public int count() {
        return ALL.size();
    }
}
