import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';
import { NotFoundError, StaleVersionError } from '../http/errors.ts';
import { recordAudit } from './service.ts';

type VersionedTable = {
  [K in keyof DB]: DB[K] extends { id: unknown; version: unknown; updated_by: unknown } ? K : never;
}[keyof DB];

// biome-ignore lint/suspicious/noExplicitAny: a row of whichever versioned table is named.
type Row = Record<string, any>;

export type AuditedUpdate<T extends VersionedTable> = {
  table: T;
  id: string;
  /** The version the caller edited: anything else is a stale edit (409 with the current version). */
  version: number;
  /** The audit action, `<record>.<past-tense verb>` (e.g. `site.updated`), and the record's type. */
  action: string;
  entityType: string;
  /** What the record is called in a 404 ("site", "area"). */
  what: string;
  /** The chain the event goes to: the record's site, or null for a group record. */
  siteOf: (row: Row) => string | null;
  /** Access checks on the record as it is (throw NotFound or Forbidden); run under the row lock. */
  authorize?: (before: Row) => void;
  /** The columns to set, from the record as it is (undefined values are left alone). */
  change: (before: Row) => Record<string, unknown>;
  /** The audit event's shape of a row (default: the row itself); before and after always share it. */
  describe?: (row: Row) => unknown;
  /** Field names the audit log never shows for this record (health details). */
  redact?: ReadonlySet<string>;
};

/**
 * One audited change of a versioned record, inside the caller's transaction: reads the record with a row
 * lock (so no concurrent write slips between the check and the change), checks access on it, refuses a stale
 * version with 409, applies the change and bumps the version, and records the before and after of the same
 * shape in the audit log. Returns the row as stored.
 */
export async function auditedUpdate<T extends VersionedTable>(
  trx: Db,
  actor: Actor,
  u: AuditedUpdate<T>,
): Promise<Row> {
  // The table is generic; the columns touched here (id, version, updated_*) exist on every versioned table.
  // biome-ignore lint/suspicious/noExplicitAny: see above.
  const db = trx as unknown as Kysely<any>;
  const table = u.table as string;
  const before = await db.selectFrom(table).selectAll().where('id', '=', u.id).forUpdate().executeTakeFirst();
  if (!before) throw new NotFoundError(u.what);
  u.authorize?.(before);
  if (before.version !== u.version) throw new StaleVersionError(before.version);
  const changes = Object.fromEntries(Object.entries(u.change(before)).filter(([, v]) => v !== undefined));
  const after = (await db
    .updateTable(table)
    .set({
      ...changes,
      // biome-ignore lint/suspicious/noExplicitAny: the version column of the named table.
      version: (eb: any) => eb('version', '+', 1),
      updated_at: new Date(),
      updated_by: actor.userId,
    })
    .where('id', '=', u.id)
    .returningAll()
    .executeTakeFirstOrThrow()) as Row;
  const describe = u.describe ?? ((row: Row) => row);
  await recordAudit(trx, actor, {
    action: u.action,
    entityType: u.entityType,
    entityId: u.id,
    siteId: u.siteOf(after),
    before: describe(before),
    after: describe(after),
    redact: u.redact,
  });
  return after;
}
