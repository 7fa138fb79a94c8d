-- The learning loop (PR1-PR6, SC1-SC5, GA1-GA4): each learner's state in the slices the domain's
-- reducer reads and writes (learner-wide row, per problem, per topic), every submission, the events,
-- idempotency keys and the period boards.
--
-- Concurrency: every write of a learner's progress first locks that learner's learner_states row
-- (SELECT ... FOR UPDATE), so one learner's submissions apply one after the other while different
-- learners never wait for each other. Once-only awards are also unique keys.

-- The learner-wide slice, and the lock. `stats` holds the counters achievement rules read
-- (the domain's LearnerStats) as JSON: {"solvedBy": [{"topic","difficulty","count"}], "perfectWithoutHints",
-- "fastestSolveSeconds", "levelByTopic": {"topic": level}}.
create table learner_states (
    user_id          uuid        primary key references users (id) on delete cascade,
    points           bigint      not null default 0 check (points >= 0),
    solved           int         not null default 0 check (solved >= 0),
    submissions      int         not null default 0 check (submissions >= 0),
    streak_last_day  date,
    streak_current   int         not null default 0 check (streak_current >= 0),
    streak_longest   int         not null default 0 check (streak_longest >= streak_current),
    badge_level      int         not null default 0 check (badge_level >= 0),
    stats            jsonb       not null default '{}',
    updated_at       timestamptz not null
);

-- The global board: points, then the longer longest streak (GA4).
create index learner_states_board_idx on learner_states (points desc, streak_longest desc, user_id);

-- Local days (in the learner's zone at the time) with at least one correct submission: the facts
-- streaks are computed from, so a streak can always be checked against them.
create table active_days (
    user_id uuid not null references users (id) on delete cascade,
    day     date not null,
    primary key (user_id, day)
);

create table enrolments (
    user_id     uuid        not null references users (id) on delete cascade,
    track_id    bigint      not null references tracks (id),
    enrolled_at timestamptz not null,
    primary key (user_id, track_id)
);

-- Per problem and learner (PR1, PR3): status, attempts, the problem session (started_at), time spent,
-- best score, the points this problem counts in the total, the best submission and revealed hints.
create table problem_progress (
    user_id            uuid        not null references users (id) on delete cascade,
    problem_id         bigint      not null references problems (id),
    status             text        not null check (status in ('not_started', 'in_progress', 'completed')),
    attempts           int         not null default 0 check (attempts >= 0),
    started_at         timestamptz,
    first_attempt_at   timestamptz,
    completed_at       timestamptz,
    time_spent_ms      bigint      not null default 0 check (time_spent_ms >= 0),
    best_score         int         not null default 0 check (best_score between 0 and 100),
    points_earned      int         not null default 0 check (points_earned >= 0),
    best_submission_id uuid,
    hints_revealed     int[]       not null default '{}',
    updated_at         timestamptz not null,
    primary key (user_id, problem_id)
);

-- The per-problem board: best score, then the earliest completion.
create index problem_progress_board_idx on problem_progress (problem_id, best_score desc, completed_at, user_id)
    where status = 'completed';
create index problem_progress_recent_idx on problem_progress (user_id, updated_at desc);

-- Spaced review (SC5), one item per solved problem.
create table review_items (
    user_id           uuid   not null references users (id) on delete cascade,
    problem_id        bigint not null references problems (id),
    stage             int    not null check (stage >= 0),
    next_review_on    date   not null,
    review_count      int    not null check (review_count >= 0),
    last_practiced_on date   not null,
    primary key (user_id, problem_id)
);

create index review_items_due_idx on review_items (user_id, next_review_on);

-- Topic XP and level (SC3, SC4), with the count of tasks of the learner's current local day.
create table topic_xp (
    user_id        uuid   not null references users (id) on delete cascade,
    topic_id       bigint not null references topics (id),
    xp             int    not null check (xp >= 0),
    level          int    not null check (level >= 1),
    tasks_day      date,
    tasks_that_day int    not null default 0 check (tasks_that_day >= 0),
    primary key (user_id, topic_id)
);

-- The per-topic board.
create index topic_xp_board_idx on topic_xp (topic_id, xp desc, user_id);

-- Per-topic statistics (PR5).
create table topic_statistics (
    user_id                   uuid        not null references users (id) on delete cascade,
    topic_id                  bigint      not null references topics (id),
    problems_attempted        int         not null,
    problems_solved           int         not null,
    submissions               int         not null,
    correct_submissions       int         not null,
    timed_submissions         int         not null,
    total_run_ms              bigint      not null,
    best_run_ms               bigint,
    hints_used                int         not null,
    time_spent_ms             bigint      not null,
    current_difficulty        text,
    highest_difficulty_solved text,
    first_attempt_at          timestamptz,
    last_activity_at          timestamptz,
    primary key (user_id, topic_id)
);

-- Earned at most once: the keys say so, whatever the code does.
create table learner_achievements (
    user_id   uuid        not null references users (id) on delete cascade,
    code      text        not null references achievements (code),
    earned_at timestamptz not null,
    primary key (user_id, code)
);

create table learner_badges (
    user_id   uuid        not null references users (id) on delete cascade,
    level     int         not null,
    name      text        not null,
    earned_at timestamptz not null,
    primary key (user_id, level)
);

create table module_completions (
    user_id       uuid        not null references users (id) on delete cascade,
    module_id     bigint      not null references modules (id),
    completed_at  timestamptz not null,
    time_spent_ms bigint      not null,
    final_score   int         not null,
    points        int         not null,
    primary key (user_id, module_id)
);

create table track_completions (
    user_id      uuid        not null references users (id) on delete cascade,
    track_id     bigint      not null references tracks (id),
    completed_at timestamptz not null,
    primary key (user_id, track_id)
);

-- Every submission (PR2), append-only and partitioned by month. It records the version it was graded
-- on, the grader, and the learner's totals right after it, so that a replayed request is answered
-- exactly as the first time.
create table submissions (
    id              uuid        not null,
    user_id         uuid        not null,
    problem_id      bigint      not null,
    problem_version int         not null,
    answer          text        not null,
    verdict         text        not null check (verdict in ('correct', 'incorrect', 'error')),
    score           int         not null check (score between 0 and 100),
    feedback        text        not null,
    tests           json        not null,   -- json, not jsonb: a replayed response keeps its field order
    run_ms          bigint,
    points_awarded  int         not null check (points_awarded >= 0),
    xp_awarded      int         not null check (xp_awarded >= 0),
    grader          text        not null,
    grader_version  text        not null,
    review          boolean     not null,
    progress_status text        not null,
    progress_attempts int       not null,
    progress_best_score int     not null,
    total_points    bigint      not null,
    total_solved    int         not null,
    current_streak  int         not null,
    longest_streak  int         not null,
    submitted_at    timestamptz not null,
    primary key (id, submitted_at),
    foreign key (user_id) references users (id) on delete cascade,
    foreign key (problem_id, problem_version) references problem_versions (problem_id, version)
) partition by range (submitted_at);

create index submissions_learner_idx on submissions (user_id, submitted_at desc, id);
create index submissions_learner_problem_idx on submissions (user_id, problem_id, submitted_at desc, id);

-- Every domain event, append-only per learner: the source of the activity feed and integrations.
create table learner_events (
    id            bigint generated always as identity,
    user_id       uuid        not null,
    submission_id uuid,
    position      int         not null,
    type          text        not null,
    payload       json        not null,     -- json keeps the field order clients saw
    occurred_at   timestamptz not null,
    primary key (id, occurred_at),
    foreign key (user_id) references users (id) on delete cascade
) partition by range (occurred_at);

create index learner_events_learner_idx on learner_events (user_id, occurred_at desc);
create index learner_events_submission_idx on learner_events (submission_id, position) where submission_id is not null;

-- Monthly partitions from 2025 to 2030, and a default one so that no write can fail for want of a
-- partition; a later migration (or operations, see docs/operations.md) adds the following years.
do $$
declare
    month date := date '2025-01-01';
begin
    while month < date '2031-01-01' loop
        execute format('create table submissions_%s partition of submissions for values from (%L) to (%L)',
                       to_char(month, 'YYYY_MM'), month, month + interval '1 month');
        execute format('create table learner_events_%s partition of learner_events for values from (%L) to (%L)',
                       to_char(month, 'YYYY_MM'), month, month + interval '1 month');
        month := month + interval '1 month';
    end loop;
end $$;

create table submissions_default partition of submissions default;
create table learner_events_default partition of learner_events default;

-- Idempotency-Key (per learner): the request it was first used with and the submission it made.
create table idempotency_keys (
    user_id       uuid        not null references users (id) on delete cascade,
    key           text        not null check (length(key) between 1 and 200),
    request_hash  bytea       not null,
    submission_id uuid        not null,
    submitted_at  timestamptz not null,
    created_at    timestamptz not null,
    primary key (user_id, key)
);

-- Weekly and monthly boards (GA4): points earned in the period, one row per learner and period,
-- maintained on write so a board is fresh after every submission.
create table board_period_scores (
    board   text   not null check (board in ('weekly', 'monthly')),
    period  text   not null,
    user_id uuid   not null references users (id) on delete cascade,
    score   bigint not null check (score >= 0),
    primary key (board, period, user_id)
);

create index board_period_scores_rank_idx on board_period_scores (board, period, score desc, user_id);
