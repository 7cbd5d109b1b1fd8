import type { Migration } from 'kysely/migration';
import * as m0023 from './0023_academia.ts';

/** The industry–academia program's migrations, in the one numbered sequence shared with the platform's. */
export const academiaMigrations: Record<string, Migration> = {
  '0023_academia': m0023,
};
