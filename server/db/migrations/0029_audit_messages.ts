import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * An audit event's summary is a message (server/platform/i18n): its key and parameters, the facts of the
 * event, rendered in the reader's language when the log is read. `summary` keeps what a user typed (a note, a
 * reason). Events already stored keep the sentence they were written with, shown as recorded: the log is
 * append-only and their hashes cover that sentence (server/platform/audit/chain.ts hashes the key and
 * parameters of the events that have them).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table audit_events add column summary_key text, add column summary_params jsonb;
    `,
  );
}
