-- A submission's events live in its own row. They were rows of learner_events (V5), about five per
-- submission, each with three index entries in a monthly partition: half of the writing a submission
-- costs, for rows that were only ever read with their submission (a replayed or listed submission, the
-- learner's export) or by `praxis check`. Now a submission is one row: `events` holds the events the
-- learning loop returned, in order, each as {"type": ..., "fields": {...}} (json, not jsonb: the
-- fields keep the order clients saw). The view learner_events lists them one per row, as the table
-- did, for SQL readers (the export, `praxis check`, operators).
--
-- Every event the service wrote belongs to a submission of its learner, at the submission's time. An
-- event that does not would have nowhere to go, so the migration stops (and changes nothing) rather
-- than drop it; `praxis check` of the release before names such rows.
do $$
declare
    strays bigint;
begin
    select count(*) into strays from learner_events e
     where not exists (select 1 from submissions x
                        where x.id = e.submission_id and x.user_id = e.user_id and x.submitted_at = e.occurred_at);
    if strays > 0 then
        raise exception 'V13: % learner_events row(s) belong to no submission of their learner at its time; '
                        'nothing was changed (see docs/operations.md, Migrations)', strays;
    end if;
end $$;

alter table submissions add column events json;

-- written as the service writes them (no spaces), so a migrated row reads as a new one
update submissions x
   set events = coalesce((select '[' || string_agg(format('{"type":%s,"fields":%s}', to_json(e.type), e.payload), ',' order by e.position) || ']'
                            from learner_events e
                           where e.submission_id = x.id and e.user_id = x.user_id and e.occurred_at = x.submitted_at), '[]')::json;

alter table submissions alter column events set not null;
alter table submissions add constraint submissions_events_are_a_list check (json_typeof(events) = 'array');

drop table learner_events;

create view learner_events as
select x.user_id, x.id as submission_id, (e.ordinality - 1)::int as position, e.value ->> 'type' as type,
       e.value -> 'fields' as payload, x.submitted_at as occurred_at
  from submissions x
 cross join lateral json_array_elements(x.events) with ordinality as e (value, ordinality);
