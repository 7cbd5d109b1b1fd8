import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * Versions of data that a process may keep answers from: a named version changes whenever a change to the
 * tables behind it commits, in any process, so an answer kept under the version it was computed at is given
 * again only while that is still the committed version (`server/platform/versions/`).
 *
 * A version is sixteen slots, each a random value renewed by a statement-level trigger
 * (`data_version_changed('<name>')`); readers read all sixteen. A writing statement renews one slot that no
 * other open transaction holds (its connection's own slot first), so that concurrent writers neither wait for
 * one another nor deadlock on it; only when all sixteen are held does it wait. A transaction renews a version
 * once, at its first such statement: its later statements change nothing the first renewal does not already
 * announce, and renewing one row thousands of times in a transaction would make every statement walk a longer
 * chain of that row's versions. Random values rather than a counter: a restore that brings back an older
 * version brings back the data that goes with it, and a later change cannot meet a value used before. A
 * module registers its version and its triggers in its own migration, and renews it on `steward summaries
 * rebuild` (a bulk load or restore with triggers off).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table data_versions (
      name text not null,
      slot smallint not null check (slot between 0 and 15),
      version uuid not null,
      primary key (name, slot)
    );

    create function data_version_register(version_name text) returns void
    language sql as $$
      insert into data_versions (name, slot, version)
        select version_name, s, gen_random_uuid() from generate_series(0, 15) s
        on conflict do nothing;
    $$;

    create function data_version_bump(version_name text) returns void
    language plpgsql as $$
    declare
      chosen smallint;
      -- Set for the rest of the transaction once it has renewed this version (undone with a savepoint).
      renewed text := 'steward.data_version_' || replace(version_name, '.', '_');
    begin
      if current_setting(renewed, true) = '1' then
        return;
      end if;
      select slot into chosen from data_versions where name = version_name
        order by slot = pg_backend_pid() % 16 desc, random()
        limit 1 for update skip locked;
      if chosen is null then
        chosen := pg_backend_pid() % 16;
      end if;
      update data_versions set version = gen_random_uuid() where name = version_name and slot = chosen;
      perform set_config(renewed, '1', true);
    end $$;

    create function data_version_changed() returns trigger
    language plpgsql as $$
    begin
      perform data_version_bump(tg_argv[0]);
      return null;
    end $$;
    `,
  );
}
