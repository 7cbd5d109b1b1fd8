import { sql } from 'kysely';
import { likePattern } from '#shared/platform/http/list.ts';
import { paginate } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import type { SiteScope } from '../access/actor.ts';
import { inScope } from '../access/sql.ts';

/** SQL of the organisation: subsidiaries, sites and areas. Lists filter by the caller's site scope. */

export function siteRows(db: Db, scope: SiteScope) {
  return db
    .selectFrom('sites')
    .innerJoin('subsidiaries', 'subsidiaries.id', 'sites.subsidiary_id')
    .select([
      'sites.id',
      'sites.subsidiary_id',
      'subsidiaries.code as subsidiary_code',
      'sites.code',
      'sites.name',
      'sites.name_zh',
      'sites.country',
      'sites.time_zone',
      'sites.kind',
      'sites.active',
      'sites.version',
      // Kept by triggers on employees (migration 0036): no count of a site's employees per request.
      (eb) =>
        eb.fn
          .coalesce(
            eb
              .selectFrom('site_headcounts')
              .select('site_headcounts.employees')
              .whereRef('site_headcounts.site_id', '=', 'sites.id'),
            eb.lit(0),
          )
          .as('employee_count'),
    ])
    .where((eb) => inScope(eb, 'sites.id', scope));
}

export type SiteRow = Awaited<ReturnType<ReturnType<typeof siteRows>['execute']>>[number];

export async function listSites(
  db: Db,
  scope: SiteScope,
  f: {
    q?: string;
    subsidiaryId?: string;
    country?: string;
    sort: string;
    order: 'asc' | 'desc';
    page: number;
    pageSize: number;
    cursor?: string;
    count?: boolean;
  },
) {
  let q = siteRows(db, scope);
  if (f.q) {
    const p = likePattern(f.q);
    q = q.where((eb) =>
      eb.or([eb('sites.code', 'ilike', p), eb('sites.name', 'ilike', p), eb('sites.name_zh', 'ilike', p)]),
    );
  }
  if (f.subsidiaryId) q = q.where('sites.subsidiary_id', '=', f.subsidiaryId);
  if (f.country) q = q.where('sites.country', '=', f.country);
  const sortColumn =
    { code: 'sites.code', name: 'sites.name', country: 'sites.country', subsidiary: 'subsidiaries.code' }[
      f.sort
    ] ?? 'sites.code';
  return paginate<SiteRow>(db, q, {
    sortColumn,
    order: f.order,
    tieBreaker: 'sites.code',
    page: f.page,
    pageSize: f.pageSize,
    cursor: f.cursor,
    count: f.count,
  });
}

export function siteById(db: Db, id: string) {
  return siteRows(db, 'all').where('sites.id', '=', id).executeTakeFirst();
}

export async function subsidiaryRows(db: Db) {
  return db
    .selectFrom('subsidiaries')
    .select([
      'subsidiaries.id',
      'subsidiaries.code',
      'subsidiaries.name',
      'subsidiaries.name_zh',
      'subsidiaries.version',
      (eb) =>
        eb
          .selectFrom('sites')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('sites.subsidiary_id', '=', 'subsidiaries.id')
          .as('site_count'),
    ])
    .orderBy('subsidiaries.code')
    .execute();
}

export function areasOfSite(db: Db, siteId: string) {
  return db.selectFrom('areas').selectAll().where('site_id', '=', siteId).orderBy('code').execute();
}

/** Site ids of these records, for bulk access checks. */
export async function siteOfAreas(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('areas').select(['id', 'site_id as siteId']).where('id', 'in', ids).execute();
}

/** Code and name of these areas, by id (labels for a module's rows). */
export async function areaLabels(db: Db, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, { code: string; name: string }>();
  const rows = await db
    .selectFrom('areas')
    .select(['id', 'code', 'name'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}

/** Sites by code, for imports that name sites by their code. */
export async function sitesByCode(db: Db, codes: string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('sites').select(['id', 'code']).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Codes of these sites and of their subsidiaries, by site id (labels for a module's rows). */
export async function siteLabels(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { code: string; subsidiaryCode: string }>();
  const rows = await db
    .selectFrom('sites')
    .innerJoin('subsidiaries', 'subsidiaries.id', 'sites.subsidiary_id')
    .select(['sites.id', 'sites.code', 'subsidiaries.code as subsidiary_code'])
    .where('sites.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { code: r.code, subsidiaryCode: r.subsidiary_code }]));
}

export async function holding(db: Db) {
  return db
    .selectFrom('holdings')
    .select(['id', 'code', 'name', 'name_zh'])
    .orderBy('created_at')
    .executeTakeFirst();
}

/** An area may not become its own ancestor. */
export async function wouldCycle(db: Db, areaId: string, newParentId: string): Promise<boolean> {
  const r = await sql<{ hit: boolean }>`
    with recursive up(id, parent_id) as (
      select id, parent_id from areas where id = ${newParentId}
      union all
      select a.id, a.parent_id from areas a join up on a.id = up.parent_id
    )
    select exists(select 1 from up where id = ${areaId}) as hit`.execute(db);
  return r.rows[0]?.hit ?? false;
}

/** What a module needs of a site to write a record there. */
export function siteEssentials(db: Db, id: string) {
  return db
    .selectFrom('sites')
    .select(['id', 'code', 'time_zone', 'subsidiary_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The site of one area, or undefined when there is no such area. */
export async function siteOfArea(db: Db, areaId: string): Promise<string | undefined> {
  const row = await db.selectFrom('areas').select('site_id').where('id', '=', areaId).executeTakeFirst();
  return row?.site_id;
}
