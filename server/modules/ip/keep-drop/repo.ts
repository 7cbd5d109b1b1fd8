import { sql } from 'kysely';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';

/** SQL of the keep-or-drop decisions and of the indicators Steward holds for the re-assessment. */

export function decisionRows(db: Db) {
  return db.selectFrom('ip_keep_drop_decisions as d').selectAll('d');
}
export type DecisionRow = Awaited<ReturnType<ReturnType<typeof decisionRows>['execute']>>[number];

/** Matters per family: the size of the family. */
export async function familySizes(db: Db, familyIds: readonly string[]) {
  const unique = [...new Set(familyIds)];
  const out = new Map<string, number>();
  if (unique.length === 0) return out;
  const rows = await db
    .selectFrom('ip_matters')
    .select(['family_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('family_id', 'in', unique)
    .groupBy('family_id')
    .execute();
  for (const r of rows) out.set(r.family_id, Number(r.n));
  return out;
}

/** Out- and cross-licences in force today that cover each matter, directly or through its family. */
export async function licenceCounts(
  db: Db,
  matters: readonly { id: string; familyId: string }[],
  today: string,
) {
  const out = new Map<string, number>();
  if (matters.length === 0) return out;
  const ids = matters.map((m) => m.id);
  const rows = await db
    .selectFrom('ip_matters as m')
    .select([
      'm.id',
      (eb) =>
        eb
          .selectFrom('ip_licences as l')
          .select((e) => e.fn.countAll<string>().as('n'))
          .where('l.direction', 'in', ['out', 'cross'])
          .where('l.starts_on', '<=', today)
          .where((e) => e.or([e('l.ends_on', 'is', null), e('l.ends_on', '>=', today)]))
          .where((e) =>
            e.or([
              e.exists(
                e
                  .selectFrom('ip_licence_matters as lm')
                  .select(sql`1`.as('one'))
                  .whereRef('lm.licence_id', '=', 'l.id')
                  .whereRef('lm.matter_id', '=', 'm.id'),
              ),
              e.exists(
                e
                  .selectFrom('ip_licence_families as lf')
                  .select(sql`1`.as('one'))
                  .whereRef('lf.licence_id', '=', 'l.id')
                  .whereRef('lf.family_id', '=', 'm.family_id'),
              ),
            ]),
          )
          .as('n'),
    ])
    .where('m.id', 'in', ids)
    .execute();
  for (const r of rows) out.set(r.id, Number(r.n ?? 0));
  return out;
}

/** Infringement cases and litigation naming each family (the patent asserted or challenged). */
export async function litigationCounts(db: Db, familyIds: readonly string[]) {
  const unique = [...new Set(familyIds)];
  const out = new Map<string, number>();
  if (unique.length === 0) return out;
  const rows = await db
    .selectFrom('ip_risk_cases')
    .select(['family_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('family_id', 'in', unique)
    .where('kind', 'in', ['infringement', 'litigation'])
    .groupBy('family_id')
    .execute();
  for (const r of rows) if (r.family_id) out.set(r.family_id, Number(r.n));
  return out;
}

/** The latest decision for each matter's fee (matter id → fee due date → decision). */
export async function latestDecisions(db: Db, matterIds: readonly string[]) {
  const out = new Map<string, DecisionRow>();
  if (matterIds.length === 0) return out;
  const rows = await decisionRows(db)
    .where('d.matter_id', 'in', [...new Set(matterIds)])
    .orderBy('d.created_at')
    .orderBy('d.id')
    .execute();
  for (const r of rows) out.set(`${r.matter_id}|${r.fee_due_date}`, r);
  return out;
}

/** Decisions taken in a year (by the day decided), counted per decision, at the sites in scope. */
export async function decisionCountsInYear(db: Db, scope: SiteScope, year: number) {
  const rows = await db
    .selectFrom('ip_keep_drop_decisions as d')
    .where('d.decided_on', '>=', `${year}-01-01`)
    .where('d.decided_on', '<=', `${year}-12-31`)
    .where((eb) => inScope(eb, 'd.site_id', scope))
    .select(['d.decision', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('d.decision')
    .execute();
  return rows.map((r) => ({ decision: r.decision, count: Number(r.n) }));
}
