import type { Migration } from 'kysely/migration';
import * as m0040 from './0040_academia.ts';

/** The industry–academia program's migrations, in the one numbered sequence shared with the platform's. */
export const academiaMigrations: Record<string, Migration> = {
  '0040_academia': m0040,
};
