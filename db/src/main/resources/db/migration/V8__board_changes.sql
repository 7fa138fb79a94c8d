-- The global board read from an in-process rank index (issue 8, docs/performance.md "Boards and ranks"):
-- every service instance keeps its own index and follows the committed changes of the rows it holds.
-- The database clocks each change of a learner's board key, so followers need no clock of their own and
-- instances whose clocks disagree still agree on what changed when.

-- When the learner's board key (points, longest streak, on the board at all) last changed, by the
-- database's clock. Only those changes move it: a wrong answer leaves it, and the row's indexed columns,
-- alone, so such updates stay HOT.
alter table learner_states add column board_changed_at timestamptz not null default clock_timestamp();

create index learner_states_board_changes_idx on learner_states (board_changed_at);

-- The board lists equal keys by user name: a copy of it here lets one index hold the whole board order,
-- so a page and the neighbours of any learner (even among a hundred thousand equals) are index range
-- reads of a few rows. Filled when the learner joins the board, kept in step with renames below.
alter table learner_states add column username text;

update learner_states s set username = u.username from users u where u.id = s.user_id and s.submissions > 0;

drop index learner_states_board_idx;
create index learner_states_board_idx on learner_states (points desc, streak_longest desc, username) where submissions > 0;

create function learner_states_board_username() returns trigger language plpgsql as $$
begin
    if new.username is null then
        select username into new.username from users where id = new.user_id;
    end if;
    return new;
end
$$;

-- only rows that start on the board (a loader's) look the name up; the learning loop inserts before any submission
create trigger learner_states_board_username before insert on learner_states for each row
    when (new.submissions > 0 and new.username is null)
    execute function learner_states_board_username();

create function learner_states_board_touch() returns trigger language plpgsql as $$
begin
    new.board_changed_at := clock_timestamp();
    if new.username is null then
        select username into new.username from users where id = new.user_id;
    end if;
    return new;
end
$$;

create trigger learner_states_board_touch before update on learner_states for each row
    when (new.points <> old.points or new.streak_longest <> old.streak_longest
          or (new.submissions > 0) <> (old.submissions > 0))
    execute function learner_states_board_touch();

create function users_board_rename() returns trigger language plpgsql as $$
begin
    update learner_states set username = new.username where user_id = new.id;
    return null;
end
$$;

create trigger users_board_rename after update of username on users for each row
    when (new.username is distinct from old.username)
    execute function users_board_rename();

-- Learners who left the global board by deletion (account erasure cascades here): a follower cannot see
-- a row that is gone, so the deletion leaves a note. Rare; notes older than a day are pruned by the
-- followers (an instance that was away longer rebuilds its index at start).
create table board_departures (
    user_id     uuid        not null,
    departed_at timestamptz not null default clock_timestamp()
);

create index board_departures_at_idx on board_departures (departed_at);

create function learner_states_board_departure() returns trigger language plpgsql as $$
begin
    insert into board_departures (user_id) values (old.user_id);
    return null;
end
$$;

create trigger learner_states_board_departure after delete on learner_states for each row
    when (old.submissions > 0)
    execute function learner_states_board_departure();
