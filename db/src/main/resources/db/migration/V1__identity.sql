-- Identity: users, their password credentials, bearer sessions, roles, external identities,
-- one-time tokens (e-mail verification, password reset) and failed sign-in counters.
--
-- Deleting a user deletes every private row that references it (on delete cascade). Tables of
-- public community content added later reference users with `on delete set null`, so a deleted
-- author's posts stay, shown as by a deleted user (docs/security.md, "Account deletion").
-- Secrets are never stored: tokens are kept as SHA-256 hashes, passwords as argon2id hashes
-- whose parameters are part of the stored string so they can be raised later.

create table roles (
    name        text primary key,
    description text not null
);

insert into roles (name, description) values
    ('learner', 'Solves problems; reads and writes only their own progress'),
    ('author',  'Writes and publishes content'),
    ('admin',   'Everything, including granting roles');

create table users (
    id                uuid        primary key,
    username          text        not null check (username ~ '^[A-Za-z0-9_.-]{3,32}$'),
    -- null only for users provisioned by an identity provider that gave no (unused) e-mail
    email             text        check (length(email) <= 254 and email like '%_@_%'),
    display_name      text        check (length(display_name) <= 100),
    time_zone         text        not null default 'UTC',
    avatar_url        text        check (length(avatar_url) <= 2048),
    bio               text        check (length(bio) <= 2000),
    role              text        not null default 'learner' references roles (name),
    premium           boolean     not null default false,
    email_verified_at timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);

-- Unique regardless of case (ID1): "Alice" and "alice" are the same user name.
create unique index users_username_ci_key on users (lower(username));
create unique index users_email_ci_key on users (lower(email));

create table password_credentials (
    user_id    uuid        primary key references users (id) on delete cascade,
    hash       text        not null,
    updated_at timestamptz not null
);

create table sessions (
    id           uuid        primary key,
    user_id      uuid        not null references users (id) on delete cascade,
    token_hash   bytea       not null unique,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    user_agent   text
);

create index sessions_user_idx on sessions (user_id) where revoked_at is null;

create table external_identities (
    provider  text        not null,
    subject   text        not null,
    user_id   uuid        not null references users (id) on delete cascade,
    linked_at timestamptz not null,
    primary key (provider, subject)
);

create index external_identities_user_idx on external_identities (user_id);

create table one_time_tokens (
    token_hash bytea       primary key,
    user_id    uuid        not null references users (id) on delete cascade,
    purpose    text        not null check (purpose in ('verify_email', 'reset_password')),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

create index one_time_tokens_user_idx on one_time_tokens (user_id, purpose);

-- Failed sign-ins by key: 'login:<sha-256 of the lower-cased login typed>' or 'address:<client address>'.
-- In the database, not in memory, so throttling holds across every instance of the service.
create table sign_in_failures (
    key             text        primary key,
    failures        integer     not null check (failures > 0),
    last_failure_at timestamptz not null,
    locked_until    timestamptz not null
);

create index sign_in_failures_stale_idx on sign_in_failures (last_failure_at);
