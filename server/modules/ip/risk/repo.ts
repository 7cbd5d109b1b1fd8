import { sql } from 'kysely';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';

/** SQL of IP risk cases, their steps and costs. */

export function caseRows(db: Db) {
  return db.selectFrom('ip_risk_cases as c').selectAll('c');
}
export type CaseRow = Awaited<ReturnType<ReturnType<typeof caseRows>['execute']>>[number];

/** Costs so far per case and currency, summed in the database. */
export async function costTotals(db: Db, caseIds: readonly string[]) {
  const out = new Map<string, { currency: string; amount: string }[]>();
  if (caseIds.length === 0) return out;
  const rows = await db
    .selectFrom('ip_risk_case_costs')
    .select(['case_id', 'currency', sql<string>`sum(amount)::text`.as('amount')])
    .where('case_id', 'in', caseIds)
    .groupBy(['case_id', 'currency'])
    .orderBy('currency')
    .execute();
  for (const r of rows)
    out.set(r.case_id, [...(out.get(r.case_id) ?? []), { currency: r.currency, amount: r.amount }]);
  return out;
}

export function stepRows(db: Db, caseId: string) {
  return db
    .selectFrom('ip_risk_case_steps')
    .select(['id', 'step', 'effective_on'])
    .where('case_id', '=', caseId)
    .orderBy('effective_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function costRows(db: Db, caseId: string) {
  return db
    .selectFrom('ip_risk_case_costs')
    .select(['id', 'incurred_on', 'category', 'amount', 'currency'])
    .where('case_id', '=', caseId)
    .orderBy('incurred_on')
    .orderBy('id')
    .execute();
}

/** The cases in scope that name a security incident. */
export function casesOfIncident(db: Db, incidentId: string, scope: SiteScope) {
  return caseRows(db)
    .where('c.incident_id', '=', incidentId)
    .where((eb) => inScope(eb, 'c.site_id', scope))
    .orderBy('c.step_on', 'desc')
    .orderBy('c.id')
    .execute();
}
