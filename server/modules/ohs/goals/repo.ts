import { type Insertable, sql } from 'kysely';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';
import type { OhsGoalsTable } from '../tables.ts';

/** SQL of OHS goals (group goals have no site and every reader sees them). */

export const goals = (db: Db, scope: SiteScope) =>
  db
    .selectFrom('ohs_goals as g')
    .selectAll('g')
    .where((eb) =>
      scope === 'all'
        ? sql<boolean>`true`
        : eb.or([eb('g.site_id', 'is', null), eb('g.site_id', 'in', [...scope])]),
    )
    .orderBy('g.horizon')
    .orderBy('g.from_year')
    .execute();
export type GoalRow = Awaited<ReturnType<typeof goals>>[number];

export const goalById = (db: Db, id: string) =>
  db.selectFrom('ohs_goals as g').selectAll('g').where('g.id', '=', id).executeTakeFirst();

export const insertGoal = (db: Db, values: Insertable<OhsGoalsTable>) =>
  db.insertInto('ohs_goals').values(values).returningAll().executeTakeFirstOrThrow();

/** Employees screened at these sites over these years (each once). */
export async function employeesScreened(db: Db, sites: SiteScope, fromYear: number, toYear: number) {
  const row = await db
    .selectFrom('health_screenings')
    .select(sql<number>`count(distinct person_id)`.as('n'))
    .where('screened_on', '>=', `${fromYear}-01-01`)
    .where('screened_on', '<=', `${toYear}-12-31`)
    .where('person_type', '=', 'employee')
    .where((eb) => inScope(eb, 'site_id', sites))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
