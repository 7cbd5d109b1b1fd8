import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * A site's headcount (its employees who have not left) is read by the home page and the organisation pages for
 * every site a user sees: counted from the employees on each request it took about 60 ms at a million
 * employees. site_headcounts keeps it, exact through statement-level triggers on employees (a hire, a leave, a
 * move to another site, a deletion, a truncation), each change applied by one set-based statement (no
 * temporary table, so thousands of one-row writes in a transaction hold no extra locks).
 * `site_headcounts_rebuild()` recomputes it from the rows (`steward summaries rebuild`, a bulk load with
 * triggers off, a restore).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table site_headcounts (
      site_id uuid primary key references sites (id) on delete cascade,
      employees integer not null
    );

    create function site_headcounts_rebuild() returns void
    language plpgsql as $$
    begin
      delete from site_headcounts;
      insert into site_headcounts (site_id, employees)
        select site_id, count(*) from employees where leave_date is null group by site_id;
    end
    $$;

    create function site_headcounts_trigger() returns trigger
    language plpgsql as $$
    begin
      if tg_op = 'TRUNCATE' then
        delete from site_headcounts;
        return null;
      end if;
      -- The statement's rows as they are now count once, as they were count minus once.
      execute format($q$
        insert into site_headcounts as h (site_id, employees)
          select site_id, sum(sign)::integer from (%s) changed
          where leave_date is null group by site_id
        on conflict (site_id) do update set employees = h.employees + excluded.employees$q$,
        concat_ws(' union all ',
          case when tg_op in ('INSERT', 'UPDATE') then 'select site_id, leave_date, 1 as sign from new_rows' end,
          case when tg_op in ('DELETE', 'UPDATE') then 'select site_id, leave_date, -1 as sign from old_rows' end));
      return null;
    end
    $$;

    create trigger site_headcounts_insert after insert on employees
      referencing new table as new_rows for each statement execute function site_headcounts_trigger();
    create trigger site_headcounts_update after update on employees
      referencing old table as old_rows new table as new_rows
      for each statement execute function site_headcounts_trigger();
    create trigger site_headcounts_delete after delete on employees
      referencing old table as old_rows for each statement execute function site_headcounts_trigger();
    create trigger site_headcounts_truncate after truncate on employees
      for each statement execute function site_headcounts_trigger();

    select site_headcounts_rebuild();
  `,
  );
}
