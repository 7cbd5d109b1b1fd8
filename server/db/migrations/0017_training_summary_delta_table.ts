import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * The training summary's triggers gathered each statement's changes in a temporary table created and
 * dropped by that statement. Every dropped table keeps its lock until the transaction ends, so a transaction
 * of many single-row writes (20,000 one-row inserts) ran out of the server's lock table ("out of shared
 * memory"). The delta table is now made once per session and emptied before each use: one relation, however
 * many statements a transaction runs. The summary's arithmetic is unchanged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create or replace function training_year_delta_reset() returns void
    language plpgsql as $$
      -- The session's delta table, empty: created on first use, emptied (not dropped) afterwards.
    begin
      if to_regclass('pg_temp.training_year_delta') is null then
        create temporary table training_year_delta (
          year smallint, domain text, person_id uuid, site_key uuid,
          added integer, removed integer, hours numeric(14, 2)
        );
      else
        delete from training_year_delta;
      end if;
    end
    $$;

    create or replace function training_year_delta_sql(added text, removed text) returns text
    language sql immutable as $$
      -- One statement's changes per year, domain, person and site, from its added and removed rows (either
      -- may be null): the statement that fills the session's table training_year_delta.
      select format($q$
        insert into training_year_delta (year, domain, person_id, site_key, added, removed, hours)
        select year, domain, person_id, site_key,
               sum(added)::integer as added, sum(1 - added)::integer as removed,
               sum(case when added = 1 then hours else -hours end)::numeric(14, 2) as hours
        from (%s) changed
        group by 1, 2, 3, 4$q$,
        concat_ws(' union all ',
          case when added is not null then format('select *, 1 as added from (%s) a', training_year_rows_sql(added)) end,
          case when removed is not null then format('select *, 0 as added from (%s) r', training_year_rows_sql(removed)) end))
    $$;

    create or replace function training_year_summary_apply() returns void
    language plpgsql set work_mem = '64MB' set jit = off as $$
      -- Applies training_year_delta to the summary, then empties it.
    begin
      -- What each changed key holds now; before the statement it held now - added + removed.
      with held as (
        select d.year, d.domain, d.site_key, d.added, d.removed, d.hours, count(tc.id) as now
        from training_year_delta d
        left join training_completions tc
          on tc.person_id = d.person_id and tc.result <> 'failed'
          and tc.completed_on >= make_date(d.year, 1, 1) and tc.completed_on < make_date(d.year + 1, 1, 1)
          and coalesce(tc.site_id, '00000000-0000-0000-0000-000000000000'::uuid) = d.site_key
          and (d.domain = 'all' or exists (
            select 1 from training_courses c where c.id = tc.course_id and c.domain = d.domain))
        group by d.year, d.domain, d.person_id, d.site_key, d.added, d.removed, d.hours
      )
      insert into training_year_sites as s (year, site_key, domain, individuals, completions, hours)
      select year, site_key, domain,
             count(*) filter (where now > 0 and now - added + removed = 0)
               - count(*) filter (where now = 0 and now - added + removed > 0),
             sum(added - removed), sum(hours)
      from held group by 1, 2, 3
      on conflict (year, site_key, domain) do update set
        individuals = s.individuals + excluded.individuals,
        completions = s.completions + excluded.completions,
        hours = s.hours + excluded.hours;
      insert into training_year_movers (year, person_id)
      select distinct d.year, d.person_id from training_year_delta d
      where d.domain = 'all' and d.added > 0 and exists (
        select 1 from training_completions tc
        where tc.person_id = d.person_id and tc.result <> 'failed'
          and tc.completed_on >= make_date(d.year, 1, 1) and tc.completed_on < make_date(d.year + 1, 1, 1)
          and coalesce(tc.site_id, '00000000-0000-0000-0000-000000000000'::uuid) <> d.site_key)
      on conflict do nothing;
      delete from training_year_delta;
    end
    $$;

    create or replace function training_year_summary_add(source text) returns void
    language plpgsql set work_mem = '64MB' set jit = off as $$
      -- Adds the completions of a relation (as in training_year_rows_sql) that the summary does not count yet:
      -- a bulk import's rows, inserted while steward.training_summary_deferred was on.
    begin
      perform training_year_delta_reset();
      execute training_year_delta_sql(source, null);
      analyze training_year_delta;
      perform training_year_summary_apply();
    end
    $$;

    create or replace function training_year_summary_trigger() returns trigger
    language plpgsql set work_mem = '64MB' set jit = off as $$
      -- Transition tables are visible to the trigger function's own statements only: it gathers the delta.
      -- A bulk import defers the work (steward.training_summary_deferred) and adds its rows once at the end.
    declare
      changed bigint;
    begin
      if tg_op <> 'TRUNCATE' and current_setting('steward.training_summary_deferred', true) = 'on' then
        return null;
      end if;
      if tg_op = 'TRUNCATE' then
        -- DELETE, not TRUNCATE: a restore truncates these tables in the same statement.
        delete from training_year_sites;
        delete from training_year_movers;
        return null;
      end if;
      perform training_year_delta_reset();
      execute training_year_delta_sql(
        case when tg_op in ('INSERT', 'UPDATE') then 'new_rows' end,
        case when tg_op in ('DELETE', 'UPDATE') then 'old_rows' end);
      get diagnostics changed = row_count;
      -- A bulk statement's delta gets statistics, so that it is joined by hash rather than row by row.
      if changed > 1000 then
        analyze training_year_delta;
      end if;
      perform training_year_summary_apply();
      return null;
    end
    $$;
    `,
  );
}
