import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * A version of everything the injury statistics are computed from (hours, injuries, incidents), so that a
 * process may keep an answer and give it again while the version it was computed at is still the one
 * committed: a change to those tables, committed by any process, gives the version a new value.
 *
 * The version is sixteen slots, each a random value renewed by a statement-level trigger; the statistics read
 * all sixteen. A writing statement renews one slot that no other open transaction holds (its connection's
 * own slot first), so that concurrent writers neither wait for one another nor deadlock on it; only when all
 * sixteen are held does it wait. Random values rather than a counter: a restore that brings back an older
 * version brings back the data that goes with it, and a later change cannot meet a value used before.
 * `ohs_statistics_version_bump()` also runs on `steward summaries rebuild` (a bulk load or a restore with
 * triggers off).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table ohs_statistics_version (
      slot smallint primary key check (slot between 0 and 15),
      version uuid not null
    );
    insert into ohs_statistics_version (slot, version)
      select s, gen_random_uuid() from generate_series(0, 15) s;

    create function ohs_statistics_version_bump() returns void
    language plpgsql as $$
    declare
      chosen smallint;
    begin
      select slot into chosen from ohs_statistics_version
        order by slot = pg_backend_pid() % 16 desc, random()
        limit 1 for update skip locked;
      if chosen is null then
        chosen := pg_backend_pid() % 16;
      end if;
      update ohs_statistics_version set version = gen_random_uuid() where slot = chosen;
    end $$;

    create function ohs_statistics_changed() returns trigger
    language plpgsql as $$
    begin
      perform ohs_statistics_version_bump();
      return null;
    end $$;

    create trigger ohs_statistics_hours_changed after insert or update or delete on ohs_hours
      for each statement execute function ohs_statistics_changed();
    create trigger ohs_statistics_hours_truncated after truncate on ohs_hours
      for each statement execute function ohs_statistics_changed();
    create trigger ohs_statistics_injuries_changed after insert or update or delete on ohs_injuries
      for each statement execute function ohs_statistics_changed();
    create trigger ohs_statistics_injuries_truncated after truncate on ohs_injuries
      for each statement execute function ohs_statistics_changed();
    create trigger ohs_statistics_incidents_changed after insert or update or delete on ohs_incidents
      for each statement execute function ohs_statistics_changed();
    create trigger ohs_statistics_incidents_truncated after truncate on ohs_incidents
      for each statement execute function ohs_statistics_changed();
    `,
  );
}
