import type { Migration } from 'kysely/migration';
import * as m0020 from './0020_infosec.ts';

/** The information security program's migrations, keyed by the name recorded in `steward_migrations`. */
export const infosecMigrations: Record<string, Migration> = {
  '0020_infosec': m0020,
};
