import { type Insertable, sql } from 'kysely';
import { liveStatuses } from '#shared/modules/ohs/rules/permits.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { paginate } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';
import type { OhsPermitsTable } from '../tables.ts';

/** SQL of permits to work (names of sites, areas, companies and workers: platform lookups). */

export const permitById = (db: Db, id: string) =>
  db.selectFrom('ohs_permits as p').selectAll('p').where('p.id', '=', id).executeTakeFirst();
export type PermitRow = NonNullable<Awaited<ReturnType<typeof permitById>>>;

export type PermitFilter = {
  scope: SiteScope;
  siteId?: string;
  areaId?: string;
  type?: string;
  status?: string;
  live?: boolean;
  /** Text in the reference or description, or companies whose name has it (ids from the platform). */
  q?: { text: string; companyIds: string[] };
  sort: 'startsAt' | 'reference' | 'status';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
  cursor?: string;
  count?: boolean;
};

export function permitPage(db: Db, f: PermitFilter) {
  let base = db
    .selectFrom('ohs_permits as p')
    .selectAll('p')
    .where((eb) => inScope(eb, 'p.site_id', f.scope));
  if (f.siteId) base = base.where('p.site_id', '=', f.siteId);
  if (f.areaId) base = base.where('p.area_id', '=', f.areaId);
  if (f.type) base = base.where('p.type', '=', f.type as PermitRow['type']);
  if (f.status) base = base.where('p.status', '=', f.status as PermitRow['status']);
  if (f.live) base = base.where('p.status', 'in', [...liveStatuses]);
  const q = f.q;
  if (q) {
    const p = likePattern(q.text);
    base = base.where((eb) =>
      eb.or([
        eb('p.reference', 'ilike', p),
        eb('p.description', 'ilike', p),
        ...(q.companyIds.length ? [eb('p.company_id', 'in', q.companyIds)] : []),
      ]),
    );
  }
  const sortColumn = { startsAt: 'p.starts_at', reference: 'p.reference', status: 'p.status' }[f.sort];
  return paginate<PermitRow>(db, base, {
    sortColumn,
    order: f.order,
    tieBreaker: 'p.id',
    page: f.page,
    pageSize: f.pageSize,
    cursor: f.cursor,
    count: f.count,
  });
}

/** Live permits in an area overlapping a period (other than the permit itself). */
export function overlapping(db: Db, p: { id?: string; area_id: string; starts_at: Date; ends_at: Date }) {
  let q = db
    .selectFrom('ohs_permits')
    .select(['id', 'reference', 'type', 'status', 'starts_at', 'ends_at'])
    .where('area_id', '=', p.area_id)
    .where('status', 'in', [...liveStatuses])
    .where('starts_at', '<', p.ends_at)
    .where('ends_at', '>', p.starts_at);
  if (p.id) q = q.where('id', '<>', p.id);
  return q.orderBy('starts_at').execute();
}

/** The next permit number under a prefix (in the transaction that inserts it). */
export async function nextNumber(db: Db, prefix: string) {
  // Concurrent requests at one site wait for each other's number instead of colliding on it.
  await sql`select pg_advisory_xact_lock(hashtext(${prefix}))`.execute(db);
  const last = await db
    .selectFrom('ohs_permits')
    .select((eb) => eb.fn.max('reference').as('r'))
    .where('reference', 'like', `${prefix}%`)
    .executeTakeFirst();
  return last?.r ? Number.parseInt(String(last.r).slice(prefix.length), 10) + 1 : 1;
}

export const insertPermit = (db: Db, values: Insertable<OhsPermitsTable>) =>
  db.insertInto('ohs_permits').values(values).returningAll().executeTakeFirstOrThrow();

/** Permits whose end has passed while still in force become expired. */
export const expireOverdue = (db: Db, at: Date) =>
  db
    .updateTable('ohs_permits')
    .set({ status: 'expired', version: sql`version + 1`, updated_at: at })
    .where('status', 'in', ['issued', 'active', 'suspended'])
    .where('ends_at', '<', at)
    .returning(['id', 'site_id', 'reference'])
    .execute();
