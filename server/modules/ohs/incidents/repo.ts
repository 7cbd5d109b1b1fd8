import { type Expression, type Insertable, sql } from 'kysely';
import { likePattern } from '#shared/platform/http/list.ts';
import { paginate } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';
import type { OhsIncidentsTable } from '../tables.ts';

/** SQL of OHS incidents and the people injured in them (names of sites, areas and people: platform lookups). */

export function incidentRows(db: Db) {
  return db
    .selectFrom('ohs_incidents as i')
    .leftJoin('ohs_investigations as inv', 'inv.incident_id', 'i.id')
    .selectAll('i')
    .select(['inv.id as investigation_id', 'inv.status as investigation_status']);
}
export type IncidentBaseRow = Awaited<ReturnType<ReturnType<typeof incidentRows>['execute']>>[number];

export type IncidentFilter = {
  /** The incidents this user reported, or those at the sites of a scope. */
  reportedBy?: string;
  scope?: SiteScope;
  siteId?: string;
  kind?: IncidentBaseRow['kind'];
  from?: string;
  to?: string;
  /** Text in the title or reference (and the description, with `inDescription`). */
  q?: string;
  inDescription?: boolean;
  /** A column, or the rank of the site's code (`siteRank`). */
  sortColumn: string | Expression<number>;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
  cursor?: string;
  count?: boolean;
};

/** One page of incidents. */
export function incidentPage(db: Db, f: IncidentFilter) {
  let base = incidentRows(db);
  if (f.reportedBy !== undefined) base = base.where('i.reported_by', '=', f.reportedBy);
  if (f.scope !== undefined) {
    const scope = f.scope;
    base = base.where((eb) => inScope(eb, 'i.site_id', scope));
  }
  if (f.siteId) base = base.where('i.site_id', '=', f.siteId);
  if (f.kind) base = base.where('i.kind', '=', f.kind);
  if (f.from) base = base.where('i.occurred_on', '>=', f.from);
  if (f.to) base = base.where('i.occurred_on', '<=', f.to);
  if (f.q) {
    const p = likePattern(f.q);
    base = base.where((eb) =>
      eb.or([
        eb('i.title', 'ilike', p),
        eb('i.reference', 'ilike', p),
        ...(f.inDescription ? [eb('i.description', 'ilike', p)] : []),
      ]),
    );
  }
  return paginate<IncidentBaseRow>(db, base, {
    sortColumn: f.sortColumn,
    order: f.order,
    tieBreaker: 'i.id',
    page: f.page,
    pageSize: f.pageSize,
    cursor: f.cursor,
    count: f.count,
  });
}

/** Reference, title and site of an incident: how actions and obligations name it. */
export const incidentLabel = (db: Db, id: string) =>
  db
    .selectFrom('ohs_incidents')
    .select(['reference', 'title', 'site_id'])
    .where('id', '=', id)
    .executeTakeFirst();

export const incidentById = (db: Db, id: string) =>
  incidentRows(db).where('i.id', '=', id).executeTakeFirst();

/** Sort by site code: the sites' ids in code order (from the platform) ranked in SQL. */
export function siteRank(siteIds: readonly string[]): Expression<number> {
  if (!siteIds.length) return sql<number>`0`;
  return sql<number>`case ${sql.join(
    siteIds.map((id, n) => sql`when i.site_id = ${id} then ${n}`),
    sql` `,
  )} end`;
}

/** The next reference of a site's incidents in a year: K7-2026-0042 (in the transaction that inserts it). */
export async function nextReference(db: Db, siteCode: string, year: number): Promise<string> {
  const prefix = `${siteCode}-${year}-`;
  // Two reports at one site at the same moment would both take the same number (and one fail on the
  // unique reference): the second waits here until the first has committed.
  await sql`select pg_advisory_xact_lock(hashtext(${`ohs_incidents:${prefix}`}))`.execute(db);
  const r = await db
    .selectFrom('ohs_incidents')
    .select((eb) => eb.fn.max('reference').as('last'))
    .where('reference', 'like', `${prefix}%`)
    .executeTakeFirst();
  const last = r?.last ? Number.parseInt(String(r.last).slice(prefix.length), 10) : 0;
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}

export const insertIncident = (db: Db, values: Insertable<OhsIncidentsTable>) =>
  db.insertInto('ohs_incidents').values(values).returningAll().executeTakeFirstOrThrow();

export async function setHeadCounts(
  db: Db,
  incidentId: string,
  counts: { fatalities: number; injured: number; hospitalised: number },
) {
  await db.updateTable('ohs_incidents').set(counts).where('id', '=', incidentId).execute();
}

/** Deletes the incident at this version; false when none was (gone, or at another version). */
export async function deleteIncidentAt(db: Db, id: string, version: number) {
  const gone = await db
    .deleteFrom('ohs_incidents')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(gone.numDeletedRows) > 0;
}

/** Incidents of a kind per day of occurrence in [from, to], at the sites of a scope (or one site). */
export function dailyIncidentCounts(
  db: Db,
  f: { scope: SiteScope; siteId?: string; kind: IncidentBaseRow['kind']; from: string; to: string },
) {
  let query = db
    .selectFrom('ohs_incidents as i')
    .select(['i.occurred_on as day', sql<number>`count(*)::int`.as('count')])
    .where('i.kind', '=', f.kind)
    .where('i.occurred_on', '>=', f.from)
    .where('i.occurred_on', '<=', f.to)
    .where((eb) => inScope(eb, 'i.site_id', f.scope));
  if (f.siteId) query = query.where('i.site_id', '=', f.siteId);
  return query.groupBy('i.occurred_on').execute();
}
