-- Every change that makes a bearer token stand for something else is announced on the channel
-- praxis_access, with the user's id, when it commits (NOTIFY is transactional, and repeated payloads of one
-- transaction are sent once): each service instance then drops what it cached of that user's token
-- checks (BearerCache). The triggers catch every writer, the other instances' and the command line's too.
-- A session's last use (last_used_at, recorded by the checks themselves) is not such a change.

create function announce_session_access_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('praxis_access', old.user_id::text);
    if tg_op = 'UPDATE' and new.user_id is distinct from old.user_id then
        perform pg_notify('praxis_access', new.user_id::text);
    end if;
    return null;
end
$$;

create trigger sessions_access_changed after update on sessions for each row
    when (old.revoked_at is distinct from new.revoked_at or old.expires_at is distinct from new.expires_at
          or old.token_hash is distinct from new.token_hash or old.user_id is distinct from new.user_id)
    execute function announce_session_access_change();

create trigger sessions_access_removed after delete on sessions for each row
    execute function announce_session_access_change();

create function announce_user_access_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('praxis_access', old.id::text);
    return null;
end
$$;

create trigger users_access_changed after update on users for each row
    when (old.role is distinct from new.role or old.premium is distinct from new.premium or old.id is distinct from new.id)
    execute function announce_user_access_change();

create trigger users_access_removed after delete on users for each row
    execute function announce_user_access_change();
