import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * The injury statistics read a summary kept by triggers instead of classifying every injury of the span on
 * every request (48,000 injuries over ten years of 25 sites: seconds a request).
 *
 * ohs_injury_months holds, per site, month of the injury, person type and injury type, the counts of the
 * settled injuries: those whose figures no longer depend on today. An injury is open while it is a temporary
 * total or permanent partial disability without a return date (its days lost, and with them whether it is
 * disabling, lost time or DART, grow every day); every other injury is settled. Open injuries are few: the
 * statistics read and classify them live and add them to the summary's counts. Commuting accidents are left
 * out, as the statistics leave them out.
 *
 * The classification below is the one of shared/modules/ohs/rules/injury.ts for a settled injury (days lost,
 * disabling, lost time, DART, high-consequence, recordable); the statistics' consistency test holds the two
 * together. The counts are plain sums, so a statement's change is its new rows added and its old rows taken
 * away, in one set-based statement and without a temporary table (a transaction of thousands of one-row
 * writes would otherwise hold a lock per dropped table, see 0017_training_summary_delta_table).
 *
 * Triggers keep it exact: statement-level ones on ohs_injuries (insert, update, delete, truncate), one on
 * ohs_incidents for a change of `commuting` (the incident's injuries join or leave the statistics), and one
 * before an incident is deleted, which deletes its injuries first while the incident still says whether they
 * were counted. `ohs_injury_summary_rebuild()` recomputes it from the rows (`steward summaries rebuild`, a bulk
 * load with triggers off, a restore).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table ohs_injury_months (
      site_id uuid not null,
      month date not null,
      person_type text not null,
      injury_type text not null,
      injuries integer not null,
      disabling integer not null,
      days_lost bigint not null,
      fatalities integer not null,
      high_consequence integer not null,
      recordable integer not null,
      dart integer not null,
      lost_time integer not null,
      primary key (site_id, month, person_type, injury_type)
    );

    create index ohs_injuries_open_idx on ohs_injuries (site_id, injury_date)
      -- The open injuries, read row by row by the statistics.
      where return_date is null and classification in ('temporary_total_disability', 'permanent_partial_disability');

    create function ohs_injury_month_rows_sql(source text, counted_only boolean) returns text
    language sql immutable as $$
      -- The settled injuries of a relation (a table, a transition table, a parenthesised query), classified:
      -- when counted_only, those of incidents that are not commuting accidents, else all of them.
      select format($q$
        select site_id, month, person_type, injury_type, fatal,
               days_lost,
               (fatal or permanent or (classification = 'temporary_total_disability' and days_lost >= 1))::int
                 as lost_time,
               restricted_days, classification, recovery
        from (
          select r.site_id, date_trunc('month', r.injury_date)::date as month, r.person_type, r.injury_type,
                 r.classification, r.recovery, r.restricted_days,
                 r.classification = 'fatality' as fatal,
                 r.classification in ('permanent_total_disability', 'permanent_partial_disability') as permanent,
                 case r.classification
                   when 'fatality' then 6000
                   when 'permanent_total_disability' then 6000
                   when 'permanent_partial_disability'
                     then greatest(coalesce(r.charged_days, 0), r.return_date - r.injury_date - 1, 0)
                   when 'temporary_total_disability' then greatest(r.return_date - r.injury_date - 1, 0)
                   else 0
                 end as days_lost
          from %s r
          %s
          where not (r.return_date is null
                     and r.classification in ('temporary_total_disability', 'permanent_partial_disability'))
        ) settled$q$,
        source,
        case when counted_only
          then 'join ohs_incidents i on i.id = r.incident_id and not i.commuting' else '' end)
    $$;

    create function ohs_injury_month_sums_sql(rows_sql text) returns text
    language sql immutable as $$
      -- Sums of classified rows (with a column sign: 1 added, -1 taken away) per summary key.
      select format($q$
        select site_id, month, person_type, injury_type,
               sum(sign)::integer as injuries,
               sum(sign * lost_time)::integer as disabling,
               sum(sign * days_lost)::bigint as days_lost,
               sum(sign * fatal::int)::integer as fatalities,
               sum(sign * (classification not in ('fatality', 'first_aid')
                 and recovery in ('not_expected_full_recovery', 'not_recovered_within_six_months'))::int)::integer
                 as high_consequence,
               sum(sign * (classification <> 'first_aid')::int)::integer as recordable,
               sum(sign * (lost_time = 1 or restricted_days > 0)::int)::integer as dart,
               sum(sign * lost_time)::integer as lost_time
        from (%s) changed
        group by 1, 2, 3, 4$q$, rows_sql)
    $$;

    create function ohs_injury_months_apply_sql(added text, removed text, counted_only boolean) returns text
    language sql immutable as $$
      -- The statement that adds the settled injuries of one relation to the summary and takes away those of
      -- another (either may be null). Run by the trigger function itself: only its own statements see the
      -- transition tables.
      select format($q$
        insert into ohs_injury_months as s (site_id, month, person_type, injury_type, injuries, disabling,
          days_lost, fatalities, high_consequence, recordable, dart, lost_time)
        %s
        on conflict (site_id, month, person_type, injury_type) do update set
          injuries = s.injuries + excluded.injuries,
          disabling = s.disabling + excluded.disabling,
          days_lost = s.days_lost + excluded.days_lost,
          fatalities = s.fatalities + excluded.fatalities,
          high_consequence = s.high_consequence + excluded.high_consequence,
          recordable = s.recordable + excluded.recordable,
          dart = s.dart + excluded.dart,
          lost_time = s.lost_time + excluded.lost_time$q$,
        ohs_injury_month_sums_sql(concat_ws(' union all ',
          case when added is not null
            then format('select *, 1 as sign from (%s) a', ohs_injury_month_rows_sql(added, counted_only)) end,
          case when removed is not null
            then format('select *, -1 as sign from (%s) r', ohs_injury_month_rows_sql(removed, counted_only)) end)))
    $$;

    create function ohs_injury_summary_rebuild() returns void
    language plpgsql as $$
      -- The summary from the injuries themselves.
    begin
      delete from ohs_injury_months;
      execute format($q$
        insert into ohs_injury_months (site_id, month, person_type, injury_type, injuries, disabling,
          days_lost, fatalities, high_consequence, recordable, dart, lost_time)
        %s$q$,
        ohs_injury_month_sums_sql(format('select *, 1 as sign from (%s) a',
          ohs_injury_month_rows_sql('ohs_injuries', true))));
    end
    $$;

    create function ohs_injury_months_trigger() returns trigger
    language plpgsql as $$
    begin
      if tg_op = 'TRUNCATE' then
        -- DELETE, not TRUNCATE: a restore truncates this table in the same statement.
        delete from ohs_injury_months;
        return null;
      end if;
      execute ohs_injury_months_apply_sql(
        case when tg_op in ('INSERT', 'UPDATE') then 'new_rows' end,
        case when tg_op in ('DELETE', 'UPDATE') then 'old_rows' end,
        true);
      return null;
    end
    $$;

    create trigger ohs_injury_months_insert after insert on ohs_injuries
      referencing new table as new_rows for each statement execute function ohs_injury_months_trigger();
    create trigger ohs_injury_months_update after update on ohs_injuries
      referencing old table as old_rows new table as new_rows
      for each statement execute function ohs_injury_months_trigger();
    create trigger ohs_injury_months_delete after delete on ohs_injuries
      referencing old table as old_rows for each statement execute function ohs_injury_months_trigger();
    create trigger ohs_injury_months_truncate after truncate on ohs_injuries
      for each statement execute function ohs_injury_months_trigger();

    create function ohs_injury_months_commuting() returns trigger
    language plpgsql as $$
      -- An incident that becomes a commuting accident takes its injuries out of the summary; one that stops
      -- being one brings them in. (A trigger with transition tables cannot name columns: all updates come here.)
    begin
      execute ohs_injury_months_apply_sql(
        '(select j.* from ohs_injuries j join new_rows n on n.id = j.incident_id
           join old_rows o on o.id = n.id where o.commuting and not n.commuting)',
        '(select j.* from ohs_injuries j join new_rows n on n.id = j.incident_id
           join old_rows o on o.id = n.id where not o.commuting and n.commuting)',
        false);
      return null;
    end
    $$;
    create trigger ohs_injury_months_commuting after update on ohs_incidents
      referencing old table as old_rows new table as new_rows
      for each statement execute function ohs_injury_months_commuting();

    create function ohs_incident_injuries_first() returns trigger
    language plpgsql as $$
      -- The injuries of a deleted incident go before it, while it still says whether they were counted.
    begin
      delete from ohs_injuries where incident_id = old.id;
      return old;
    end
    $$;
    create trigger ohs_incident_injuries_first before delete on ohs_incidents
      for each row execute function ohs_incident_injuries_first();

    select ohs_injury_summary_rebuild();
  `,
  );
}
