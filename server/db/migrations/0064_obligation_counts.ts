import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * The obligations summary (overdue, due soon, upcoming, done this year in the user's scope) counted every open
 * obligation of the scope on each request: about 50 ms of SQL alone for a group at scale, seconds under load.
 * Two small tables keep the counts instead, exact through statement-level triggers on obligations:
 * - obligation_open_counts: open obligations with a due date only (no due time), by site, kind, due date and
 *   grace days. "Overdue" and "due soon" depend on today in each site's time zone, so the summary compares the
 *   kept due dates with today when it reads; nothing is rewritten when the day changes.
 * - obligation_done_counts: obligations done, by site, kind and UTC year of completion.
 * Open obligations with a due time (a few, hours-long deadlines) are read from the rows by a partial index.
 * Each statement's changes are applied by set-based statements (no temporary table, so thousands of one-row
 * writes in one transaction hold no extra locks); a count that reaches zero is removed, so the tables hold
 * only what is open or done. `obligation_counts_rebuild()` recomputes both (`steward summaries rebuild`, a bulk
 * load with triggers off, a restore).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table obligation_open_counts (
      site_id uuid references sites (id) on delete cascade,
      kind text not null,
      due_date date not null,
      grace_days integer not null,
      open integer not null,
      constraint obligation_open_counts_key unique nulls not distinct (site_id, kind, due_date, grace_days)
    );
    create index obligation_open_counts_zero_idx on obligation_open_counts (kind) where open = 0;

    create table obligation_done_counts (
      site_id uuid references sites (id) on delete cascade,
      kind text not null,
      year integer not null,
      done integer not null,
      constraint obligation_done_counts_key unique nulls not distinct (site_id, kind, year)
    );
    create index obligation_done_counts_zero_idx on obligation_done_counts (kind) where done = 0;

    create index obligations_open_due_at_idx on obligations (site_id) where state = 'open' and due_at is not null;

    create function obligation_counts_rebuild() returns void
    language plpgsql as $$
    begin
      delete from obligation_open_counts;
      delete from obligation_done_counts;
      insert into obligation_open_counts (site_id, kind, due_date, grace_days, open)
        select site_id, kind, due_date, grace_days, count(*) from obligations
        where state = 'open' and due_at is null
        group by site_id, kind, due_date, grace_days;
      insert into obligation_done_counts (site_id, kind, year, done)
        select site_id, kind, extract(year from done_at at time zone 'UTC')::integer, count(*) from obligations
        where state = 'done' and done_at is not null
        group by 1, 2, 3;
    end
    $$;

    create function obligation_counts_trigger() returns trigger
    language plpgsql as $$
    declare
      changed text;
    begin
      if tg_op = 'TRUNCATE' then
        delete from obligation_open_counts;
        delete from obligation_done_counts;
        return null;
      end if;
      -- The statement's rows as they are now count once, as they were count minus once.
      changed := concat_ws(' union all ',
        case when tg_op in ('INSERT', 'UPDATE')
          then 'select site_id, kind, due_date, grace_days, due_at, state, done_at, 1 as sign from new_rows' end,
        case when tg_op in ('DELETE', 'UPDATE')
          then 'select site_id, kind, due_date, grace_days, due_at, state, done_at, -1 as sign from old_rows' end);
      execute format($q$
        insert into obligation_open_counts as c (site_id, kind, due_date, grace_days, open)
          select site_id, kind, due_date, grace_days, sum(sign)::integer from (%s) changed
          where state = 'open' and due_at is null
          group by site_id, kind, due_date, grace_days having sum(sign) <> 0
        on conflict (site_id, kind, due_date, grace_days) do update set open = c.open + excluded.open$q$,
        changed);
      execute format($q$
        insert into obligation_done_counts as c (site_id, kind, year, done)
          select site_id, kind, extract(year from done_at at time zone 'UTC')::integer, sum(sign)::integer
          from (%s) changed
          where state = 'done' and done_at is not null
          group by 1, 2, 3 having sum(sign) <> 0
        on conflict (site_id, kind, year) do update set done = c.done + excluded.done$q$,
        changed);
      delete from obligation_open_counts where open = 0;
      delete from obligation_done_counts where done = 0;
      return null;
    end
    $$;

    create trigger obligation_counts_insert after insert on obligations
      referencing new table as new_rows for each statement execute function obligation_counts_trigger();
    create trigger obligation_counts_update after update on obligations
      referencing old table as old_rows new table as new_rows
      for each statement execute function obligation_counts_trigger();
    create trigger obligation_counts_delete after delete on obligations
      referencing old table as old_rows for each statement execute function obligation_counts_trigger();
    create trigger obligation_counts_truncate after truncate on obligations
      for each statement execute function obligation_counts_trigger();

    select obligation_counts_rebuild();
  `,
  );
}
