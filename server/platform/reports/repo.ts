import { sql } from 'kysely';
import type { Db } from '../../db/types.ts';
import type { SiteScope } from '../access/actor.ts';
import { inScope } from '../access/sql.ts';

/** SQL of the reports that the platform itself offers. Every query filters by the caller's site scope. */

/** Active employees (no leaving date) by site and year of hire. */
export async function activeEmployeesByHireYear(db: Db, scope: SiteScope) {
  const rows = await db
    .selectFrom('employees')
    .select([
      'site_id',
      sql<number>`extract(year from hire_date)::int`.as('hire_year'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('leave_date', 'is', null)
    .where((eb) => inScope(eb, 'site_id', scope))
    .groupBy(['site_id', sql`extract(year from hire_date)::int`])
    .execute();
  return rows.map((r) => ({ siteId: r.site_id, year: Number(r.hire_year), count: Number(r.n) }));
}

/** Employees who were employed on `day` (hired by then, not yet left), for comparisons with the past. */
export async function employedOn(db: Db, scope: SiteScope, day: string): Promise<number> {
  const row = await db
    .selectFrom('employees')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('hire_date', '<=', day)
    .where((eb) => eb.or([eb('leave_date', 'is', null), eb('leave_date', '>', day)]))
    .where((eb) => inScope(eb, 'site_id', scope))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
