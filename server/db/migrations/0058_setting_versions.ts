import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * Each group setting keeps a version, raised by every change, so that a form saved over a change made since it
 * was read is refused (`If-Match` on the setting's PUT, answered from its GET's `ETag`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table app_settings add column version integer not null default 1;
    `,
  );
}
