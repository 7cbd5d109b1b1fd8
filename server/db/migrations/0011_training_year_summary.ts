import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * The training figures of a year (individuals trained, counted once, with hours and completions per
 * domain) read a summary kept by triggers on training_completions instead of grouping a year's
 * completions on every request (4,000,000 a year at ten times the demo group: seconds a request).
 *
 * - training_year_sites: per year, site and domain ('all' for any domain) the individuals, completions and
 *   hours. Summing sites is exact except for people trained at two sites in one year;
 * - training_year_movers: those people, whose double count the figures take back (an entry left behind
 *   when such a person's completions go costs nothing: there is then nothing to take back).
 *
 * A statement's changes are gathered per year, domain, person and site: a person joins a site's count when
 * the site held none of their completions before the statement and holds some after it, and leaves it the
 * other way round. Failed attempts count nowhere; completions without a site sit under the nil uuid (never
 * a site in scope). Statement-level triggers see all rows of a statement at once, so a bulk import updates
 * the summary in two set-based statements per batch; restore loads the tables as they were, triggers lifted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table training_year_sites (
      year smallint not null,
      site_key uuid not null,
      domain text not null,
      individuals integer not null,
      completions integer not null,
      hours numeric(14, 2) not null,
      primary key (year, site_key, domain)
    );
    create table training_year_movers (
      year smallint not null,
      person_id uuid not null,
      primary key (year, person_id)
    );

    create function training_year_rows_sql(source text) returns text
    language sql immutable as $$
      -- The counted completions of a relation (a table, a transition table or a parenthesised query, as SQL):
      -- year, domain (and 'all'), person, site, hours.
      select format($q$
        select extract(year from r.completed_on)::smallint as year, d.domain, r.person_id,
               coalesce(r.site_id, '00000000-0000-0000-0000-000000000000'::uuid) as site_key, r.hours
        from %s r
        join training_courses c on c.id = r.course_id
        cross join lateral (values (c.domain), ('all')) d(domain)
        where r.result <> 'failed'$q$, source)
    $$;

    create function training_year_delta_sql(added text, removed text) returns text
    language sql immutable as $$
      -- One statement's changes per year, domain, person and site, from its added and removed rows (either
      -- may be null): the statement that makes the temporary table training_year_delta.
      select format($q$
        create temporary table training_year_delta on commit drop as
        select year, domain, person_id, site_key,
               sum(added)::integer as added, sum(1 - added)::integer as removed,
               sum(case when added = 1 then hours else -hours end)::numeric(14, 2) as hours
        from (%s) changed
        group by 1, 2, 3, 4$q$,
        concat_ws(' union all ',
          case when added is not null then format('select *, 1 as added from (%s) a', training_year_rows_sql(added)) end,
          case when removed is not null then format('select *, 0 as added from (%s) r', training_year_rows_sql(removed)) end))
    $$;

    create function training_year_summary_apply() returns void
    language plpgsql set work_mem = '64MB' set jit = off as $$
      -- Applies training_year_delta to the summary.
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
      drop table training_year_delta;
    end
    $$;

    create function training_year_summary_rebuild() returns void
    language plpgsql set work_mem = '128MB' set jit = off as $$
      -- The summary from the completions themselves: on migration, after a bulk load, after a domain change.
      -- Its sorts fit in memory with a larger work_mem (with the default they spill to disk: twice as slow).
    begin
      delete from training_year_sites;
      delete from training_year_movers;
      execute format($q$
        insert into training_year_sites (year, site_key, domain, individuals, completions, hours)
        select year, site_key, domain, count(distinct person_id), count(*), sum(hours)
        from (%s) r group by 1, 2, 3$q$, training_year_rows_sql('training_completions'));
      execute format($q$
        insert into training_year_movers (year, person_id)
        select year, person_id from (select distinct year, person_id, site_key from (%s) r) s
        group by 1, 2 having count(*) > 1$q$, training_year_rows_sql('training_completions'));
    end
    $$;

    create function training_year_summary_add(source text) returns void
    language plpgsql set work_mem = '64MB' set jit = off as $$
      -- Adds the completions of a relation (as in training_year_rows_sql) that the summary does not count yet:
      -- a bulk import's rows, inserted while steward.training_summary_deferred was on.
    begin
      execute training_year_delta_sql(source, null);
      analyze training_year_delta;
      perform training_year_summary_apply();
    end
    $$;

    create function training_year_summary_trigger() returns trigger
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

    create trigger training_year_summary_insert after insert on training_completions
      referencing new table as new_rows for each statement execute function training_year_summary_trigger();
    create trigger training_year_summary_update after update on training_completions
      referencing old table as old_rows new table as new_rows
      for each statement execute function training_year_summary_trigger();
    create trigger training_year_summary_delete after delete on training_completions
      referencing old table as old_rows for each statement execute function training_year_summary_trigger();
    create trigger training_year_summary_truncate after truncate on training_completions
      for each statement execute function training_year_summary_trigger();

    create function training_course_domain_changed() returns trigger
    language plpgsql as $$
    begin
      perform training_year_summary_rebuild();
      return null;
    end
    $$;
    create trigger training_course_domain_changed after update of domain on training_courses
      for each row when (old.domain is distinct from new.domain)
      execute function training_course_domain_changed();

    select training_year_summary_rebuild();
  `,
  );
}
