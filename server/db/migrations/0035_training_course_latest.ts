import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * A course's campaign progress (per site, of the active employees it concerns, how many hold a current
 * completion) joined every employee with all of the course's completions: 8.8 s a request at a million
 * employees and four million completions.
 *
 * Three tables, kept by statement-level triggers, hold nothing that depends on today:
 * - training_course_latest: per course and person, the date of the latest completion that is not failed
 *   (recomputed for each (course, person) a statement on training_completions touched; an insert can only
 *   raise it, a set-based upsert);
 * - training_campaign_people: employees without a leaving date, per site and month of hiring (triggers on
 *   employees);
 * - training_campaign_done: of those, the ones with a latest completion, per course, site, latest date and
 *   month of hiring (a constant unless the course is for new hires), moved by changes of the latest dates, of
 *   employees (site, hiring, leaving, deletion) and of a course's audience.
 * The campaign sums them over the window and counts the open cases live, in place of what the counts hold
 * for them: employees hired after today or with a leaving date, those hired in the month the new-hire window
 * cuts, and those whose latest completion lies after today (an earlier one may be current). They are few.
 *
 * `training_course_latest_rebuild()` recomputes the three from the rows (`steward summaries rebuild`, a bulk
 * load with triggers off, a restore). No temporary table, so a transaction of thousands of one-row writes
 * holds no lock per statement (see 0017). Completions name people without a foreign key: an employee's
 * deletion takes their latest dates.
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

    create table training_campaign_people (
      site_id uuid not null,
      hire_month date not null,
      people integer not null,
      primary key (site_id, hire_month)
    );
    create table training_campaign_done (
      course_id uuid not null references training_courses(id) on delete cascade,
      site_id uuid not null,
      hire_month date not null,
      latest_on date not null,
      people integer not null,
      primary key (course_id, latest_on, site_id, hire_month)
    );
    create index employees_staying_hire_idx on employees (hire_date) include (id, site_id, leave_date)
      -- The open cases the campaign reads live: employees hired after today or in a month the new-hire window
      -- cuts, and those with a leaving date.
      where leave_date is null;
    create index employees_leaving_idx on employees (leave_date) include (id, site_id, hire_date)
      where leave_date is not null;

    create function training_campaign_done_rows_sql(latest text, staff text) returns text
    language sql immutable as $$
      -- The employees without a leaving date of a relation of latest completions, per course, site, month of
      -- hiring (for a course for new hires; else a constant) and latest date.
      select format($q$
        select l.course_id, e.site_id,
               case when c.audience = 'new_hires' then date_trunc('month', e.hire_date)::date
                    else '0001-01-01'::date end as hire_month,
               l.latest_on
        from %s l join %s e on e.id = l.person_id join training_courses c on c.id = l.course_id
        where e.leave_date is null$q$, latest, staff)
    $$;

    create function training_campaign_done_apply_sql(added text, removed text) returns text
    language sql immutable as $$
      -- The statement that adds the rows of one query (as in training_campaign_done_rows_sql) to the counts
      -- of current completions and takes away those of another (either may be null). Run by the trigger
      -- function itself: only its own statements see the transition tables.
      select format($q$
        insert into training_campaign_done as s (course_id, site_id, hire_month, latest_on, people)
        select course_id, site_id, hire_month, latest_on, sum(sign)::integer from (%s) changed
        group by 1, 2, 3, 4
        on conflict (course_id, latest_on, site_id, hire_month) do update set people = s.people + excluded.people$q$,
        concat_ws(' union all ',
          case when added is not null then format('select *, 1 as sign from (%s) a', added) end,
          case when removed is not null then format('select *, -1 as sign from (%s) r', removed) end))
    $$;

    create function training_campaign_people_apply_sql(added text, removed text) returns text
    language sql immutable as $$
      -- The same for the counts of employees without a leaving date per site and month of hiring, from
      -- relations of employees.
      select format($q$
        insert into training_campaign_people as s (site_id, hire_month, people)
        select site_id, date_trunc('month', hire_date)::date, sum(sign)::integer from (%s) changed
        where leave_date is null group by 1, 2
        on conflict (site_id, hire_month) do update set people = s.people + excluded.people$q$,
        concat_ws(' union all ',
          case when added is not null
            then format('select site_id, hire_date, leave_date, 1 as sign from %s a', added) end,
          case when removed is not null
            then format('select site_id, hire_date, leave_date, -1 as sign from %s r', removed) end))
    $$;

    create function training_course_latest_rebuild() returns void
    language plpgsql as $$
      -- The table and the campaign's counts from the completions and employees themselves.
    begin
      perform set_config('steward.training_campaign_rebuilding', 'on', true);
      delete from training_campaign_done;
      delete from training_campaign_people;
      delete from training_course_latest;
      insert into training_course_latest (course_id, person_id, latest_on)
      select course_id, person_id, max(completed_on) from training_completions
      where result <> 'failed'
      group by course_id, person_id;
      execute training_campaign_done_apply_sql(
        training_campaign_done_rows_sql('training_course_latest', 'employees'), null);
      execute training_campaign_people_apply_sql('employees', null);
      perform set_config('steward.training_campaign_rebuilding', 'off', true);
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
      if current_setting('steward.training_campaign_rebuilding', true) = 'on' then
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

    create function training_campaign_latest_trigger() returns trigger
    language plpgsql as $$
      -- A change of latest dates moves the counts of the employees concerned.
    begin
      if current_setting('steward.training_campaign_rebuilding', true) = 'on' then
        return null;
      end if;
      if tg_op = 'TRUNCATE' then
        delete from training_campaign_done;
        return null;
      end if;
      -- Static statements (planned once a session, not per statement): a transaction of one-row writes
      -- runs this once per row.
      if tg_op = 'INSERT' then
        insert into training_campaign_done as s (course_id, site_id, hire_month, latest_on, people)
        select l.course_id, e.site_id,
               case when c.audience = 'new_hires' then date_trunc('month', e.hire_date)::date
                    else '0001-01-01'::date end,
               l.latest_on, count(*)::integer
        from new_rows l join employees e on e.id = l.person_id join training_courses c on c.id = l.course_id
        where e.leave_date is null
        group by 1, 2, 3, 4
        on conflict (course_id, latest_on, site_id, hire_month) do update set people = s.people + excluded.people;
      elsif tg_op = 'UPDATE' then
        insert into training_campaign_done as s (course_id, site_id, hire_month, latest_on, people)
        select l.course_id, e.site_id,
               case when c.audience = 'new_hires' then date_trunc('month', e.hire_date)::date
                    else '0001-01-01'::date end,
               l.latest_on, sum(l.sign)::integer
        from (select *, 1 as sign from new_rows union all select *, -1 as sign from old_rows) l
        join employees e on e.id = l.person_id join training_courses c on c.id = l.course_id
        where e.leave_date is null
        group by 1, 2, 3, 4
        on conflict (course_id, latest_on, site_id, hire_month) do update set people = s.people + excluded.people;
      else
        insert into training_campaign_done as s (course_id, site_id, hire_month, latest_on, people)
        select l.course_id, e.site_id,
               case when c.audience = 'new_hires' then date_trunc('month', e.hire_date)::date
                    else '0001-01-01'::date end,
               l.latest_on, -count(*)::integer
        from old_rows l join employees e on e.id = l.person_id join training_courses c on c.id = l.course_id
        where e.leave_date is null
        group by 1, 2, 3, 4
        on conflict (course_id, latest_on, site_id, hire_month) do update set people = s.people + excluded.people;
      end if;
      return null;
    end
    $$;
    create trigger training_campaign_latest_insert after insert on training_course_latest
      referencing new table as new_rows for each statement execute function training_campaign_latest_trigger();
    create trigger training_campaign_latest_update after update on training_course_latest
      referencing old table as old_rows new table as new_rows
      for each statement execute function training_campaign_latest_trigger();
    create trigger training_campaign_latest_delete after delete on training_course_latest
      referencing old table as old_rows for each statement execute function training_campaign_latest_trigger();
    create trigger training_campaign_latest_truncate after truncate on training_course_latest
      for each statement execute function training_campaign_latest_trigger();

    create function training_campaign_employees_trigger() returns trigger
    language plpgsql as $$
      -- An employee hired, moved, leaving or deleted moves the counts; a deleted one's latest dates go too.
      -- Of updated employees, only those whose site, hiring or leaving changed (a new name moves no count).
    declare
      moved_new text := '(select n.* from new_rows n join old_rows o on o.id = n.id
        where (n.site_id, n.hire_date, n.leave_date) is distinct from (o.site_id, o.hire_date, o.leave_date))';
      moved_old text := '(select o.* from new_rows n join old_rows o on o.id = n.id
        where (n.site_id, n.hire_date, n.leave_date) is distinct from (o.site_id, o.hire_date, o.leave_date))';
    begin
      if tg_op = 'INSERT' then
        execute training_campaign_done_apply_sql(
          training_campaign_done_rows_sql('training_course_latest', 'new_rows'), null);
        execute training_campaign_people_apply_sql('new_rows', null);
      elsif tg_op = 'UPDATE' then
        execute training_campaign_done_apply_sql(
          training_campaign_done_rows_sql('training_course_latest', moved_new),
          training_campaign_done_rows_sql('training_course_latest', moved_old));
        execute training_campaign_people_apply_sql(moved_new, moved_old);
      else
        execute training_campaign_done_apply_sql(
          null, training_campaign_done_rows_sql('training_course_latest', 'old_rows'));
        execute training_campaign_people_apply_sql(null, 'old_rows');
        -- Completions name people without a foreign key: the deleted employees' latest dates go with them
        -- (their counts are already taken away, and the employees are gone: the deletion moves no count).
        delete from training_course_latest l using old_rows o where l.person_id = o.id;
      end if;
      return null;
    end
    $$;
    create trigger training_campaign_employees_insert after insert on employees
      referencing new table as new_rows for each statement execute function training_campaign_employees_trigger();
    create trigger training_campaign_employees_update after update on employees
      referencing old table as old_rows new table as new_rows
      for each statement execute function training_campaign_employees_trigger();
    create trigger training_campaign_employees_delete after delete on employees
      referencing old table as old_rows for each statement execute function training_campaign_employees_trigger();

    create function training_campaign_courses_trigger() returns trigger
    language plpgsql as $$
      -- A course that becomes one for new hires (or stops being one) counts its people per month of hiring.
    begin
      delete from training_campaign_done d using new_rows n join old_rows o on o.id = n.id
      where d.course_id = n.id and (n.audience = 'new_hires') <> (o.audience = 'new_hires');
      execute training_campaign_done_apply_sql(training_campaign_done_rows_sql(
        '(select l.* from training_course_latest l join new_rows n on n.id = l.course_id join old_rows o on o.id = n.id
         where (n.audience = ''new_hires'') <> (o.audience = ''new_hires''))', 'employees'), null);
      return null;
    end
    $$;
    create trigger training_campaign_courses_update after update on training_courses
      referencing old table as old_rows new table as new_rows
      for each statement execute function training_campaign_courses_trigger();

    select training_course_latest_rebuild();
  `,
  );
}
