import type { Migration } from 'kysely/migration';
import * as m0024 from './0026_smart.ts';

/** The shop-floor monitoring program's migrations, keyed by the name recorded in `steward_migrations`. */
export const smartMigrations: Record<string, Migration> = {
  '0026_smart': m0024,
};
