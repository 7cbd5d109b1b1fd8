import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { type MigrationResultSet, Migrator } from 'kysely/migration';
import { programModules } from '../modules/index.ts';
import type { AnyProgramModule } from '../platform/modules/manifest.ts';
import { platformMigrations } from './migrations/index.ts';

/**
 * Every migration: the platform's and each program module's, in name order (the order the database records
 * and applies them in). Names are unique across all of them.
 */
export function allMigrations(
  modules: readonly AnyProgramModule[] = programModules,
): Record<string, Migration> {
  const all: Record<string, Migration> = { ...platformMigrations };
  for (const module of modules) {
    for (const [name, migration] of Object.entries(module.migrations ?? {})) {
      if (name in all) throw new Error(`Migration ${name} of module ${module.key} is declared twice`);
      all[name] = migration;
    }
  }
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function migrator(db: Kysely<any>, modules?: readonly AnyProgramModule[]) {
  const migrations = allMigrations(modules);
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'steward_migrations',
    migrationLockTableName: 'steward_migrations_lock',
  });
}

/**
 * Applies every pending migration of the platform and of `modules` (default: every program module); throws
 * with the failing migration's name.
 */
export async function migrateToLatest(
  db: Kysely<any>,
  modules?: readonly AnyProgramModule[],
): Promise<string[]> {
  const result: MigrationResultSet = await migrator(db, modules).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const error = result.error as Error;
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${error.message}`, { cause: error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations not yet applied: /api/ready reports not ready while any remain. */
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const all = await migrator(db).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}

/**
 * Applies pending migrations up to and including `name`, never past it (a restore brings an empty target to
 * the point its backup was taken at, loads the rows, then migrates to the latest). Refuses to go backwards.
 */
export async function migrateUpTo(db: Kysely<any>, name: string): Promise<string[]> {
  const all = await migrator(db).getMigrations();
  const target = all.findIndex((m) => m.name === name);
  if (target === -1) throw new Error(`Unknown migration ${name}`);
  if (all.slice(target + 1).some((m) => m.executedAt))
    throw new Error(`The database is already past migration ${name}`);
  const result: MigrationResultSet = await migrator(db).migrateTo(name);
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const error = result.error as Error;
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${error.message}`, { cause: error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
