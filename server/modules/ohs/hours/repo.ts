import { type Insertable, sql } from 'kysely';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';
import type { OhsHoursTable } from '../tables.ts';

/** SQL of the hours worked per site and month. */

export function hoursOfYear(db: Db, scope: SiteScope, year: number, siteId?: string) {
  let q = db
    .selectFrom('ohs_hours as h')
    .selectAll('h')
    .where((eb) => inScope(eb, 'h.site_id', scope))
    .where('h.month', '>=', `${year}-01-01`)
    .where('h.month', '<=', `${year}-12-01`);
  if (siteId) q = q.where('h.site_id', '=', siteId);
  return q.orderBy('h.month').orderBy('h.id').execute();
}
export type HoursRow = Awaited<ReturnType<typeof hoursOfYear>>[number];

export const hoursById = (db: Db, id: string) =>
  db.selectFrom('ohs_hours').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

export const hoursOfSiteMonth = (db: Db, siteId: string, month: string) =>
  db
    .selectFrom('ohs_hours')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('month', '=', month)
    .executeTakeFirst();

export const insertHours = (db: Db, values: Insertable<OhsHoursTable>) =>
  db.insertInto('ohs_hours').values(values).returningAll().executeTakeFirstOrThrow();

/** A file's site-months, one statement; a month already recorded is replaced. Returns how many were new. */
export async function upsertHours(
  db: Db,
  batch: { siteId: string; month: string; employeeHours: string; nonEmployeeHours: string }[],
  actorId: string | null,
) {
  const result = await sql<{ inserted: boolean }>`
      insert into ohs_hours (site_id, month, employee_hours, non_employee_hours, created_by, updated_by)
      select s, m, e, n, ${actorId}::uuid, ${actorId}::uuid
      from unnest(${batch.map((b) => b.siteId)}::uuid[], ${batch.map((b) => b.month)}::date[], ${batch.map((b) => b.employeeHours)}::numeric[], ${batch.map((b) => b.nonEmployeeHours)}::numeric[]) as t(s, m, e, n)
      on conflict (site_id, month) do update set employee_hours = excluded.employee_hours, non_employee_hours = excluded.non_employee_hours,
        version = ohs_hours.version + 1, updated_at = now(), updated_by = excluded.updated_by
      returning (xmax = 0) as inserted`.execute(db);
  return result.rows.filter((r) => r.inserted).length;
}
