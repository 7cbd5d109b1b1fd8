import { sql } from 'kysely';
import type { Db } from '../../db/types.ts';
import type { SiteScope } from '../../platform/access/actor.ts';
import { inScope } from '../../platform/access/sql.ts';
import type { HireMatchReason } from './tables.ts';

/** Interns not yet linked to a hire, at these sites, who can be recognised (an e-mail on record). */
export function unhiredInterns(db: Db, scope: SiteScope) {
  return db
    .selectFrom('academia_interns')
    .select(['id', 'site_id', 'full_name', 'email', 'date_of_birth', 'started_on'])
    .where('hired_employee_id', 'is', null)
    .where('email', 'is not', null)
    .where('anonymised_on', 'is', null)
    .where((eb) => inScope(eb, 'site_id', scope))
    .orderBy('id')
    .execute();
}

/** Of these employees, those already linked as the hire of some intern. */
export async function employeesAlreadyLinked(db: Db, employeeIds: string[]) {
  if (employeeIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('academia_interns')
    .select('hired_employee_id')
    .where('hired_employee_id', 'in', employeeIds)
    .execute();
  return new Set(rows.map((r) => r.hired_employee_id as string));
}

/** Stores the pairs not yet proposed (a dismissed pair stays as it is); returns the rows added. */
export function insertProposals(
  db: Db,
  rows: {
    siteId: string;
    internId: string;
    employeeId: string;
    employeeSiteId: string;
    reason: HireMatchReason;
  }[],
  userId: string | null,
) {
  if (rows.length === 0) return Promise.resolve([]);
  return db
    .insertInto('academia_hire_matches')
    .values(
      rows.map((r) => ({
        site_id: r.siteId,
        intern_id: r.internId,
        employee_id: r.employeeId,
        employee_site_id: r.employeeSiteId,
        reason: r.reason,
        created_by: userId,
        updated_by: userId,
      })),
    )
    .onConflict((oc) => oc.columns(['intern_id', 'employee_id']).doNothing())
    .returningAll()
    .execute();
}

export function matchRows(db: Db) {
  return db
    .selectFrom('academia_hire_matches as m')
    .innerJoin('academia_interns as i', 'i.id', 'm.intern_id')
    .innerJoin('academia_partners as p', 'p.id', 'i.partner_id')
    .selectAll('m')
    .select([
      'i.full_name as intern_name',
      'i.email as intern_email',
      'i.program',
      'i.started_on',
      'i.ended_on',
      'p.name as partner_name',
      'p.name_zh as partner_name_zh',
    ]);
}
export type MatchRow = Awaited<ReturnType<ReturnType<typeof matchRows>['execute']>>[number];

/**
 * Completed internships and the hires among them, by the year the internship ended, site, school and
 * program, at these sites. A hire counts whether a staff member confirmed Steward's match or linked it by hand.
 */
export function conversionRows(db: Db, scope: SiteScope, fromYear: number, toYear: number) {
  const year = sql<number>`extract(year from i.ended_on)::int`;
  return db
    .selectFrom('academia_interns as i')
    .select([year.as('year'), 'i.site_id', 'i.partner_id', 'i.program'])
    .select((eb) => [eb.fn.countAll<string>().as('completed'), eb.fn.count<string>('i.hired_on').as('hired')])
    .where('i.outcome', '=', 'completed')
    .where('i.ended_on', '>=', `${fromYear}-01-01`)
    .where('i.ended_on', '<=', `${toYear}-12-31`)
    .where((eb) => inScope(eb, 'i.site_id', scope))
    .groupBy([year, 'i.site_id', 'i.partner_id', 'i.program'])
    .execute();
}
