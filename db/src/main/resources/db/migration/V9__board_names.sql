-- Names on the global board (issue 8, docs/performance.md "Boards and ranks").
--
-- 1. Each service instance serves the board's first page from memory and drops it when a change that may
--    touch it reaches its index, which follows board_changed_at (V8). V8 copied a new user name into
--    learner_states without stamping the change, and a new display name touched nothing there: both now
--    stamp board_changed_at of a learner on the board, so the change travels like any other (same key,
--    newer stamp).
-- 2. The display name is copied into learner_states too (as V8 copies the user name), and the board index
--    carries it with the learner's id: a learner's neighbours, and the first page, are then read from the
--    index alone (index-only scans), without a lookup in users for each entry.

alter table learner_states add column display_name text;

update learner_states s set display_name = u.display_name
  from users u where u.id = s.user_id and s.username is not null and u.display_name is not null;

drop index learner_states_board_idx;
create index learner_states_board_idx on learner_states (points desc, streak_longest desc, username)
    include (user_id, display_name) where submissions > 0;

-- V8's: a row that starts on the board (a loader's) takes both names from users
create or replace function learner_states_board_username() returns trigger language plpgsql as $$
begin
    if new.username is null then
        select username, display_name into new.username, new.display_name from users where id = new.user_id;
    end if;
    return new;
end
$$;

-- V8's: a learner joining the board takes both names from users
create or replace function learner_states_board_touch() returns trigger language plpgsql as $$
begin
    new.board_changed_at := clock_timestamp();
    if new.username is null then
        select username, display_name into new.username, new.display_name from users where id = new.user_id;
    end if;
    return new;
end
$$;

create or replace function users_board_rename() returns trigger language plpgsql as $$
begin
    update learner_states set username = new.username,
        board_changed_at = case when submissions > 0 then clock_timestamp() else board_changed_at end
     where user_id = new.id;
    return null;
end
$$;

create function users_board_display_name() returns trigger language plpgsql as $$
begin
    update learner_states set display_name = new.display_name,
        board_changed_at = case when submissions > 0 then clock_timestamp() else board_changed_at end
     where user_id = new.id;
    return null;
end
$$;

create trigger users_board_display_name after update of display_name on users for each row
    when (new.display_name is distinct from old.display_name)
    execute function users_board_display_name();
