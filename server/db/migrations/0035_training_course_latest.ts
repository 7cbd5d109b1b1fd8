import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * A course's campaign progress (per site, of the active employees it concerns, how many hold a current
 * completion) joined every employee with all of the course's completions: 8.8 s a request at a million
 * employees and four million completions.
 *
 * training_course_latest keeps, per course and person (the campaign reads its employees), the date of the latest completion that is not failed.
 * Whether a person is current depends on today (completed within the course's recurrence before today), so the
 * table holds no figure that goes stale: the campaign reads the range of dates after the window's start from
 * (course_id, latest_on), and checks live the few people whose latest date lies after today (a completion
 * entered ahead), whose earlier completions may still be current.
 *
 * Triggers keep it exact: statement-level ones on training_completions recompute the latest date of each
 * (course, person) a statement touched (an insert can only raise it, a set-based upsert); courses' deletion
 * cascades, employees' deletion takes their rows. `training_course_latest_rebuild()` recomputes it from the
 * rows (`steward summaries rebuild`, a bulk load with triggers off, a restore). No temporary table, so a
 * transaction of thousands of one-row writes holds no lock per statement (see 0017).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table training_course_latest (
      course_id uuid not null references training_courses(id) on delete cascade,
      person_id uuid not null,
      latest_on date not null,
      primary key (course_id, person_id)
    );
    create index training_course_latest_on_idx on training_course_latest (course_id, latest_on) include (person_id);

    create function training_course_latest_rebuild() returns void
    language plpgsql as $$
      -- The table from the completions themselves.
    begin
      delete from training_course_latest;
      insert into training_course_latest (course_id, person_id, latest_on)
      select course_id, person_id, max(completed_on) from training_completions
      where result <> 'failed'
      group by course_id, person_id;
    end
    $$;

    create function training_course_latest_refresh_sql(keys text) returns text
    language sql immutable as $$
      -- The statements that set the latest date of each (course_id, person_id) of a relation from the
      -- completions as they stand: those left with none lose their row.
      select format($q$
        with k as (select distinct course_id, person_id from (%1$s) k),
        latest as (
          select k.course_id, k.person_id,
                 (select max(tc.completed_on) from training_completions tc
                  where tc.course_id = k.course_id and tc.person_id = k.person_id and tc.result <> 'failed') as latest_on
          from k
        ),
        gone as (
          delete from training_course_latest l using latest
          where l.course_id = latest.course_id and l.person_id = latest.person_id and latest.latest_on is null
        )
        insert into training_course_latest as l (course_id, person_id, latest_on)
        select course_id, person_id, latest_on from latest where latest_on is not null
        on conflict (course_id, person_id) do update set latest_on = excluded.latest_on$q$, keys)
    $$;

    create function training_course_latest_trigger() returns trigger
    language plpgsql as $$
      -- Transition tables are visible to the trigger function's own statements only.
    begin
      if tg_op = 'TRUNCATE' then
        -- DELETE, not TRUNCATE: a restore truncates this table in the same statement.
        delete from training_course_latest;
        return null;
      end if;
      if tg_op = 'INSERT' then
        -- New completions can only raise a latest date: no need to read the others.
        insert into training_course_latest as l (course_id, person_id, latest_on)
        select course_id, person_id, max(completed_on) from new_rows
        where result <> 'failed'
        group by course_id, person_id
        on conflict (course_id, person_id) do update set latest_on = greatest(l.latest_on, excluded.latest_on);
        return null;
      end if;
      execute training_course_latest_refresh_sql(case tg_op
        when 'UPDATE' then 'select course_id, person_id from old_rows union all select course_id, person_id from new_rows'
        else 'select course_id, person_id from old_rows' end);
      return null;
    end
    $$;

    create trigger training_course_latest_insert after insert on training_completions
      referencing new table as new_rows for each statement execute function training_course_latest_trigger();
    create trigger training_course_latest_update after update on training_completions
      referencing old table as old_rows new table as new_rows
      for each statement execute function training_course_latest_trigger();
    create trigger training_course_latest_delete after delete on training_completions
      referencing old table as old_rows for each statement execute function training_course_latest_trigger();
    create trigger training_course_latest_truncate after truncate on training_completions
      for each statement execute function training_course_latest_trigger();

    create function training_course_latest_employees_gone() returns trigger
    language plpgsql as $$
      -- A deleted employee's rows go with them (completions name people without a foreign key).
    begin
      delete from training_course_latest l using old_rows o where l.person_id = o.id;
      return null;
    end
    $$;
    create trigger training_course_latest_employees_delete after delete on employees
      referencing old table as old_rows for each statement execute function training_course_latest_employees_gone();

    select training_course_latest_rebuild();
  `,
  );
}
