-- Learners with equal board keys are listed by user name. The service orders them in memory (its board
-- index, docs/performance.md "Boards and ranks") by the names' code points; the board's SQL must order
-- them the same way whatever the database's default collation is, so the board's copy of the name
-- compares byte by byte (UTF-8: code point order). The index on it is rebuilt; the rows stay. The
-- trigger whose WHEN reads the column is dropped for the change and made again as V8 made it.
drop trigger learner_states_board_username on learner_states;

alter table learner_states alter column username type text collate "C";

create trigger learner_states_board_username before insert on learner_states for each row
    when (new.submissions > 0 and new.username is null)
    execute function learner_states_board_username();
