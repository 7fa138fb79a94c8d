-- A rename copies both names to the learner's board row (V9's rename copied only the user name). A learner
-- renamed before joining the board would otherwise keep a board row whose user name is set and whose
-- display name is not: the triggers that fill the names on joining only look when the user name is missing.

create or replace function users_board_rename() returns trigger language plpgsql as $$
begin
    update learner_states set username = new.username, display_name = new.display_name,
        board_changed_at = case when submissions > 0 then clock_timestamp() else board_changed_at end
     where user_id = new.id;
    return null;
end
$$;

-- rows left so by V9
update learner_states s set display_name = u.display_name
  from users u where u.id = s.user_id and s.username is not null and s.display_name is distinct from u.display_name;
