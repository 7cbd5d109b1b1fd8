import type { Insertable } from 'kysely';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';
import type { ContractorQualificationsTable } from '../tables.ts';

/** SQL of contractor workers' qualifications (workers' names and sites' calendars: platform lookups). */

export const qualificationById = (db: Db, id: string) =>
  db.selectFrom('contractor_qualifications as q').selectAll('q').where('q.id', '=', id).executeTakeFirst();
export type QualificationRow = NonNullable<Awaited<ReturnType<typeof qualificationById>>>;

export function qualificationList(
  db: Db,
  f: { scope: SiteScope; workerId?: string; siteId?: string; validUntilAtMost?: string },
) {
  let base = db
    .selectFrom('contractor_qualifications as q')
    .selectAll('q')
    .where((eb) => inScope(eb, 'q.site_id', f.scope));
  if (f.workerId) base = base.where('q.worker_id', '=', f.workerId);
  if (f.siteId) base = base.where('q.site_id', '=', f.siteId);
  if (f.validUntilAtMost !== undefined) base = base.where('q.valid_until', '<=', f.validUntilAtMost);
  return base.orderBy('q.valid_until').limit(2000).execute();
}

export const insertQualification = (db: Db, values: Insertable<ContractorQualificationsTable>) =>
  db.insertInto('contractor_qualifications').values(values).returningAll().executeTakeFirstOrThrow();

/** Which of these workers hold a valid qualification of `kind` through `until`. */
export async function workersQualified(db: Db, workerIds: string[], kind: string, until: string) {
  if (workerIds.length === 0) return new Set<string>();
  const found = await db
    .selectFrom('contractor_qualifications')
    .select('worker_id')
    .where('worker_id', 'in', workerIds)
    .where('kind', '=', kind)
    .where('valid_until', '>=', until)
    .execute();
  return new Set(found.map((f) => f.worker_id));
}
