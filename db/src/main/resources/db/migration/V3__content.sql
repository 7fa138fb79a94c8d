-- Content (CU1-CU5, CU7, GA1, GA2, SC3): the topic tree with per-topic XP settings, tracks with their
-- ordered modules (and prerequisites), lessons and problems, problems with every version ever
-- published, official solutions, the badge ladder and achievements.
--
-- Nothing here is deleted once something may point at it: content leaves the catalogue by being
-- archived (state 'archived', or archived_at set). Problem content rows are immutable: every draft
-- an author saves and every version published points at one, so "what did version 3 say" has one
-- answer forever and a draft overwritten by a content sync stays in the history.
--
-- Slugs follow the domain's rule: lower-case letters, digits and single hyphens, at most 100 characters.

create domain content_slug as text
    check (length(value) <= 100 and value ~ '^[a-z0-9]+(-[a-z0-9]+)*$');

create domain publication_state as text
    check (value in ('draft', 'published', 'archived'));

-- The topic tree. A topic no longer in the content folder is archived (problems may still point at it).
create table topics (
    id          bigint generated always as identity primary key,
    slug        content_slug not null unique,
    title       text        not null check (length(title) between 1 and 200),
    description text        not null default '',
    parent_id   bigint      references topics (id),
    position    int         not null,                 -- order among its siblings, from 0
    archived_at timestamptz,
    updated_at  timestamptz not null,
    check (parent_id is distinct from id)
);

create index topics_parent_idx on topics (parent_id, position);

-- Problems that name no topic belong here; it always exists and is never archived.
insert into topics (slug, title, description, position, updated_at)
values ('general', 'General', 'Problems that belong to no particular topic.', 1000000, now());

-- Per-topic XP settings (SC3, SC4, SC5; seed 004 TopicXpConfig). A topic without a row inherits its
-- parent's settings; a root without one uses the defaults of the domain (XpSettings.DEFAULT).
-- Decimals are unconstrained numeric so that they come back exactly as written (1.00 stays 1.00).
create table topic_xp_settings (
    topic_id         bigint  primary key references topics (id),
    max_xp           int     not null check (max_xp >= 0),
    base_task_xp     int     not null check (base_task_xp >= 0),
    daily_full_tasks int     not null check (daily_full_tasks >= 0),
    daily_half_tasks int     not null check (daily_half_tasks >= 0),
    multiplier_full  numeric not null,
    multiplier_half  numeric not null,
    multiplier_low   numeric not null,
    multiplier_early numeric not null,
    daily_xp_decay   numeric not null check (daily_xp_decay between 0 and 1),
    min_xp_percent   numeric not null check (min_xp_percent between 0 and 100),
    level_thresholds int[]   not null,
    review_intervals int[]   not null,
    updated_at       timestamptz not null
);

-- Problems (CU2-CU4). `draft_content_id` is what authors edit; `published_content_id` is the content
-- of the latest version, the one learners see while the state is 'published'. `synced` marks a
-- problem managed by a content folder: a sync archives it when it leaves the folder.
create table problems (
    id                   bigint generated always as identity primary key,
    slug                 content_slug      not null unique,
    state                publication_state not null,
    draft_content_id     bigint,           -- set in the transaction that creates the problem
    latest_version       int               check (latest_version >= 1),
    published_content_id bigint,
    synced               boolean           not null default false,
    created_at           timestamptz       not null,
    updated_at           timestamptz       not null,
    check (state <> 'published' or (latest_version is not null and published_content_id is not null))
);

create index problems_published_idx on problems (slug) where state = 'published';

-- One immutable piece of problem content: every field of CU2. `grader` holds the grader settings as
-- a content file writes them (reference answers, hidden test cases): server side only, never sent
-- to learners. `fingerprint` (SHA-256 of the canonical document) lets identical content share a row.
create table problem_contents (
    id                bigint generated always as identity primary key,
    problem_id        bigint      not null references problems (id),
    fingerprint       text        not null,
    title             text        not null check (length(title) between 1 and 200),
    statement         text        not null,
    kind              text        not null check (kind in ('answer', 'numeric', 'choice', 'sql', 'code', 'code-review',
                                                           'diagnosis', 'free-text')),
    difficulty        text        not null check (difficulty in ('beginner', 'intermediate', 'advanced', 'expert')),
    topic_id          bigint      not null references topics (id),
    hints             jsonb       not null check (jsonb_typeof(hints) = 'array'),   -- [{text, penalty}] in reveal order
    grader            jsonb       not null check (jsonb_typeof(grader) = 'object' and grader ? 'type'),
    base_points       int         not null check (base_points >= 0),
    time_bonus_points int         not null check (time_bonus_points >= 0),
    estimated_seconds int         not null check (estimated_seconds >= 1),
    premium           boolean     not null,
    tags              text[]      not null,
    company           text,
    starter_code      text        not null,
    created_at        timestamptz not null,
    created_by        uuid        references users (id) on delete set null,   -- a deleted author is anonymised
    unique (problem_id, fingerprint)
);

create index problem_contents_topic_idx on problem_contents (topic_id);
create index problem_contents_tags_idx on problem_contents using gin (tags);

alter table problems
    add foreign key (draft_content_id) references problem_contents (id),
    add foreign key (published_content_id) references problem_contents (id);

-- The official solution and explanation of a piece of content (CU7), kept apart from the content so
-- that no catalogue query can select it by accident.
create table official_solutions (
    content_id bigint primary key references problem_contents (id),
    body       text   not null check (length(body) > 0)
);

-- Every published version (CU4): version n+1 on each publish; a rollback is a new version carrying an
-- older version's content (restored_from). Submissions will point at (problem_id, version).
create table problem_versions (
    problem_id    bigint      not null references problems (id),
    version       int         not null check (version >= 1),
    content_id    bigint      not null references problem_contents (id),
    published_at  timestamptz not null,
    published_by  uuid        references users (id) on delete set null,
    restored_from int,
    primary key (problem_id, version),
    foreign key (problem_id, restored_from) references problem_versions (problem_id, version),
    check (restored_from is null or restored_from < version)
);

-- Tracks (CU1). `draft` is the track document being edited and `published` the one learners see (both
-- in the shape of tracks/<slug>.yaml). While a track is published, its definition is also laid out in
-- modules, module_prerequisites, lessons and lesson_problems: what catalogue queries, progress and
-- the "one lesson per problem" rule use. Archiving a track clears that layout, not the document.
create table tracks (
    id           bigint generated always as identity primary key,
    slug         content_slug      not null unique,
    state        publication_state not null,
    draft        jsonb             not null check (jsonb_typeof(draft) = 'object'),
    published    jsonb             check (jsonb_typeof(published) = 'object'),
    title        text              check (length(title) between 1 and 200),   -- of the published definition
    description  text              not null default '',
    synced       boolean           not null default false,
    published_at timestamptz,
    created_at   timestamptz       not null,
    updated_at   timestamptz       not null,
    check (state <> 'published' or (published is not null and title is not null and published_at is not null))
);

-- Module slugs are unique across all tracks (the prerequisite graph spans the curriculum). A module
-- dropped from its track's published definition keeps its row (progress may point at it), with
-- removed_at set; publishing a track that has it again brings it back.
create table modules (
    id          bigint generated always as identity primary key,
    slug        content_slug not null unique,
    track_id    bigint       not null references tracks (id),
    position    int          not null,
    title       text         not null check (length(title) between 1 and 200),
    description text         not null default '',
    removed_at  timestamptz
);

create index modules_track_idx on modules (track_id, position) where removed_at is null;

create table module_prerequisites (
    module_id       bigint not null references modules (id),
    prerequisite_id bigint not null references modules (id),
    position        int    not null,
    primary key (module_id, prerequisite_id),
    check (module_id <> prerequisite_id)
);

create table lessons (
    id        bigint generated always as identity primary key,
    module_id bigint       not null references modules (id) on delete cascade,
    slug      content_slug not null,
    position  int          not null,
    title     text         not null check (length(title) between 1 and 200),
    unique (module_id, slug)
);

-- A problem is placed in at most one lesson of all published tracks. Checked at commit, so that one
-- transaction (a content sync) can move a problem from one track to another in any order.
create table lesson_problems (
    lesson_id  bigint not null references lessons (id) on delete cascade,
    position   int    not null,
    problem_id bigint not null references problems (id),
    primary key (lesson_id, position),
    constraint lesson_problems_problem_key unique (problem_id) deferrable initially deferred
);

-- The badge ladder (GA1). A rung the folder no longer defines is archived (learners may hold it).
create table badge_ranks (
    level           int         primary key check (level >= 1),
    name            text        not null check (length(name) between 1 and 100),
    required_points bigint      not null check (required_points >= 0),
    required_solved int         not null check (required_solved >= 0),
    archived_at     timestamptz,
    updated_at      timestamptz not null
);

-- Achievements (GA2) with their rule criteria as JSON (the domain's Criterion.toJson()).
create table achievements (
    code          text        primary key check (length(code) <= 100 and code ~ '^[a-z0-9]+([_-][a-z0-9]+)*$'),
    title         text        not null check (length(title) between 1 and 200),
    description   text        not null default '',
    rarity        text        not null check (rarity in ('common', 'rare', 'epic', 'legendary')),
    points_reward int         not null check (points_reward >= 0),
    criterion     jsonb       not null check (jsonb_typeof(criterion) = 'object' and criterion ? 'type'),
    position      int         not null,
    archived_at   timestamptz,
    updated_at    timestamptz not null
);
