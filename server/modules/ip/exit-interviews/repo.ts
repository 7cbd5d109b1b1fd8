import { sql } from 'kysely';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';

/** Every SQL statement of the exit interviews, on the IP module's own tables. */

export const interviewRows = (db: Db) => db.selectFrom('ip_exit_interviews as x').selectAll('x');
export type InterviewRow = Awaited<ReturnType<ReturnType<typeof interviewRows>['executeTakeFirstOrThrow']>>;

/** The families and disclosures naming each of these employees as an inventor. */
export async function inventorLinks(db: Db, employeeIds: readonly string[]) {
  const links = new Map<string, { familyIds: string[]; disclosureIds: string[] }>();
  if (employeeIds.length === 0) return links;
  const ids = [...new Set(employeeIds)];
  const [families, disclosures] = await Promise.all([
    db
      .selectFrom('ip_inventors')
      .select(['employee_id', 'family_id'])
      .where('employee_id', 'in', ids)
      .orderBy('family_id')
      .execute(),
    db
      .selectFrom('ip_disclosure_inventors')
      .select(['employee_id', 'disclosure_id'])
      .where('employee_id', 'in', ids)
      .orderBy('disclosure_id')
      .execute(),
  ]);
  const of = (id: string) => {
    const l = links.get(id) ?? { familyIds: [], disclosureIds: [] };
    links.set(id, l);
    return l;
  };
  for (const f of families) of(f.employee_id).familyIds.push(f.family_id);
  for (const d of disclosures) of(d.employee_id).disclosureIds.push(d.disclosure_id);
  return links;
}

/** The trade secrets these users own or may access, or these employees may access. */
export async function secretsOfPeople(db: Db, userIds: readonly string[], employeeIds: readonly string[]) {
  if (userIds.length === 0 && employeeIds.length === 0) return [];
  const users = [...new Set(userIds)];
  const employees = [...new Set(employeeIds)];
  return db
    .selectFrom('ip_trade_secrets')
    .select(['id', 'owner_id', 'access_user_ids', 'access_employee_ids'])
    .where((eb) =>
      eb.or([
        sql<boolean>`owner_id = any(${sql.val(users)}::uuid[])`,
        sql<boolean>`access_user_ids && ${sql.val(users)}::uuid[]`,
        sql<boolean>`access_employee_ids && ${sql.val(employees)}::uuid[]`,
      ]),
    )
    .orderBy('id')
    .execute();
}

export async function secretTitles(db: Db, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  const rows = unique.length
    ? await db.selectFrom('ip_trade_secrets').select(['id', 'title']).where('id', 'in', unique).execute()
    : [];
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** The latest interview of each of these employees. */
export async function latestOfEmployees(db: Db, employeeIds: readonly string[]) {
  const latest = new Map<string, InterviewRow>();
  if (employeeIds.length === 0) return latest;
  const rows = await interviewRows(db)
    .where('x.employee_id', 'in', [...new Set(employeeIds)])
    .orderBy('x.leave_date')
    .orderBy('x.id')
    .execute();
  for (const r of rows) latest.set(r.employee_id, r);
  return latest;
}

/** The interviews still to hold or sign at these sites. */
export function openInterviews(db: Db, scope: SiteScope) {
  return interviewRows(db)
    .where('x.status', 'in', ['due', 'held'])
    .where((eb) => inScope(eb, 'x.site_id', scope))
    .orderBy('x.id')
    .execute();
}
