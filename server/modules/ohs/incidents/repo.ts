import { sql } from 'kysely';
import type { Db } from '../../../db/types.ts';

/** SQL of OHS incidents and the people injured in them. */

export function incidentRows(db: Db) {
  return db
    .selectFrom('ohs_incidents as i')
    .innerJoin('sites as s', 's.id', 'i.site_id')
    .leftJoin('areas as a', 'a.id', 'i.area_id')
    .leftJoin('users as r', 'r.id', 'i.reported_by')
    .leftJoin('ohs_investigations as inv', 'inv.incident_id', 'i.id')
    .selectAll('i')
    .select([
      's.code as site_code',
      's.time_zone',
      'a.name as area_name',
      'r.display_name as reported_by_name',
      'inv.id as investigation_id',
      'inv.status as investigation_status',
    ]);
}
export type IncidentRow = Awaited<ReturnType<ReturnType<typeof incidentRows>['execute']>>[number];

export function injuryRows(db: Db) {
  return db
    .selectFrom('ohs_injuries as j')
    .leftJoin('employees as e', (join) =>
      join.onRef('e.id', '=', 'j.person_id').on('j.person_type', '=', 'employee'),
    )
    .leftJoin('contractor_workers as w', (join) =>
      join.onRef('w.id', '=', 'j.person_id').on('j.person_type', '=', 'contractor_worker'),
    )
    .selectAll('j')
    .select((eb) => [
      eb.fn.coalesce('e.full_name', 'w.full_name').as('person_name'),
      eb.fn.coalesce('e.employee_no', 'w.worker_no').as('person_no'),
    ]);
}
export type InjuryRow = Awaited<ReturnType<ReturnType<typeof injuryRows>['execute']>>[number];

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

export async function personSite(db: Db, personType: 'employee' | 'contractor_worker', personId: string) {
  return personType === 'employee'
    ? db.selectFrom('employees').select(['id', 'site_id']).where('id', '=', personId).executeTakeFirst()
    : db
        .selectFrom('contractor_workers')
        .select(['id', 'site_id'])
        .where('id', '=', personId)
        .executeTakeFirst();
}
