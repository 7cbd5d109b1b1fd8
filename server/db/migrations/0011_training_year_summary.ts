import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * The training figures of a year (individuals trained, counted once, with hours and completions per
 * domain) read summaries kept by triggers on training_completions instead of grouping a year's
 * completions on every request (4,000,000 a year at ten times the demo group: seconds a request).
 *
 * - training_year_sites: per year, site and domain ('all' for any domain) the individuals, completions
 *   and hours. Summing sites is exact except for people trained at two sites in one year;
 * - training_year_people: one row per year, domain, person and site with their completions, so that a
 *   person is counted once per site and their row goes when their last completion does;
 * - training_year_movers: the people with rows at more than one site in a year, whose double count the
 *   figures take back (a stale entry costs nothing: its person then has one row and nothing to take back).
 *
 * Failed attempts count nowhere. Completions without a site sit under the nil uuid (never a site in scope).
 * Statement-level triggers see all rows of a statement at once, so a bulk import updates the summaries in a
 * few set-based statements per batch; restore loads the tables as they were with triggers lifted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table training_year_people (
      year smallint not null,
      domain text not null,
      person_id uuid not null,
      site_key uuid not null,
      completions integer not null,
      primary key (year, person_id, domain, site_key)
    );
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

    create function training_year_delta_sql(source text) returns text
    language sql immutable as $$
      -- The changed completions of one statement (a transition table, or the whole table on a rebuild),
      -- per year, domain, person and site; each counted under its course's domain and under 'all'.
      select format($q$
        create temporary table training_year_delta on commit drop as
        select extract(year from r.completed_on)::smallint as year, d.domain, r.person_id,
               coalesce(r.site_id, '00000000-0000-0000-0000-000000000000'::uuid) as site_key,
               count(*)::integer as n, sum(r.hours)::numeric(14, 2) as hours
        from %I r
        join training_courses c on c.id = r.course_id
        cross join lateral (values (c.domain), ('all')) d(domain)
        where r.result <> 'failed'
        group by 1, 2, 3, 4$q$, source)
    $$;

    create function training_year_summary_apply(sign integer) returns void
    language plpgsql as $$
    begin
      if sign > 0 then
        insert into training_year_movers (year, person_id)
        select c.year, c.person_id from training_year_delta c
        where c.domain = 'all' and exists (
          select 1 from training_year_people q
          where q.year = c.year and q.domain = 'all' and q.person_id = c.person_id and q.site_key <> c.site_key)
        union
        select year, person_id from training_year_delta where domain = 'all'
        group by year, person_id having count(*) > 1
        on conflict do nothing;
        with people as (
          insert into training_year_people as p (year, domain, person_id, site_key, completions)
          select year, domain, person_id, site_key, n from training_year_delta
          on conflict (year, domain, person_id, site_key)
            do update set completions = p.completions + excluded.completions
          returning p.year, p.domain, p.site_key, (p.xmax = 0) as created
        ), created as (
          select year, site_key, domain, count(*) filter (where created) as k from people group by 1, 2, 3
        ), added as (
          select year, site_key, domain, sum(n) as n, sum(hours) as hours
          from training_year_delta group by 1, 2, 3
        )
        insert into training_year_sites as s (year, site_key, domain, individuals, completions, hours)
        select a.year, a.site_key, a.domain, coalesce(c.k, 0), a.n, a.hours
        from added a left join created c using (year, site_key, domain)
        on conflict (year, site_key, domain) do update set
          individuals = s.individuals + excluded.individuals,
          completions = s.completions + excluded.completions,
          hours = s.hours + excluded.hours;
      else
        update training_year_people p set completions = p.completions - c.n
        from training_year_delta c
        where p.year = c.year and p.domain = c.domain and p.person_id = c.person_id and p.site_key = c.site_key;
        with gone as (
          delete from training_year_people p using training_year_delta c
          where p.year = c.year and p.domain = c.domain and p.person_id = c.person_id
            and p.site_key = c.site_key and p.completions <= 0
          returning p.year, p.site_key, p.domain
        ), left_site as (
          select year, site_key, domain, count(*) as k from gone group by 1, 2, 3
        ), removed as (
          select year, site_key, domain, sum(n) as n, sum(hours) as hours
          from training_year_delta group by 1, 2, 3
        )
        update training_year_sites s set
          individuals = s.individuals - coalesce(l.k, 0),
          completions = s.completions - r.n,
          hours = s.hours - r.hours
        from removed r left join left_site l using (year, site_key, domain)
        where s.year = r.year and s.site_key = r.site_key and s.domain = r.domain;
      end if;
      drop table training_year_delta;
    end
    $$;

    create function training_year_summary_rebuild() returns void
    language plpgsql as $$
    begin
      truncate training_year_people, training_year_sites, training_year_movers;
      execute training_year_delta_sql('training_completions');
      perform training_year_summary_apply(1);
    end
    $$;

    -- Transition tables are visible to this function's own statements only: it gathers the delta itself.
    create function training_year_summary_trigger() returns trigger
    language plpgsql as $$
    begin
      if tg_op = 'TRUNCATE' then
        truncate training_year_people, training_year_sites, training_year_movers;
        return null;
      end if;
      if tg_op in ('UPDATE', 'DELETE') then
        execute training_year_delta_sql('old_rows');
        perform training_year_summary_apply(-1);
      end if;
      if tg_op in ('UPDATE', 'INSERT') then
        execute training_year_delta_sql('new_rows');
        perform training_year_summary_apply(1);
      end if;
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
