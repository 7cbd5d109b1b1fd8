import type { Kysely } from 'kysely';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { NotFoundError, StaleVersionError } from '../../platform/http/errors.ts';

/** The program's versioned site records that a person may remove when recorded in error. */
type RemovableTable =
  | 'academia_courses'
  | 'academia_mentorships'
  | 'academia_mentorship_activities'
  | 'academia_placements'
  | 'academia_payments';

/**
 * Deletes one versioned record of the program in the caller's transaction: reads it under a row lock, checks
 * access on it, refuses a stale version (409), deletes it and records the record as it was.
 */
export async function auditedDelete(
  trx: Db,
  actor: Actor,
  d: {
    table: RemovableTable;
    id: string;
    version: number;
    what: string;
    action: string;
    entityType: string;
    authorize: (before: { site_id: string }) => void;
  },
) {
  // The tables share the columns touched here (id, version, site_id).
  const db = trx as unknown as Kysely<
    Record<RemovableTable, { id: string; version: number; site_id: string }>
  >;
  const before = await db
    .selectFrom(d.table)
    .selectAll()
    .where('id', '=', d.id)
    .forUpdate()
    .executeTakeFirst();
  if (!before) throw new NotFoundError(d.what);
  d.authorize(before);
  if (before.version !== d.version) throw new StaleVersionError(before.version);
  await db.deleteFrom(d.table).where('id', '=', d.id).execute();
  await recordAudit(trx, actor, {
    action: d.action,
    entityType: d.entityType,
    entityId: d.id,
    siteId: before.site_id,
    before,
  });
  return before;
}
