import { type ExpressionBuilder, type Insertable, sql } from 'kysely';
import type { CommitteeRole } from '#shared/platform/meetings/rules/committee.ts';
import type { DB } from '../../db/schema.ts';
import type { Db } from '../../db/types.ts';
import type { SiteScope } from '../access/actor.ts';
import { inScope } from '../access/sql.ts';

/** SQL of committees and their members. */

/** Committees with their site, subsidiary, last meeting held and next meeting planned. */
export function committeeRows(db: Db) {
  return db
    .selectFrom('committees as c')
    .leftJoin('sites', 'sites.id', 'c.site_id')
    .leftJoin('subsidiaries', (join) =>
      join.on(sql<boolean>`subsidiaries.id = coalesce(c.subsidiary_id, sites.subsidiary_id)`),
    )
    .selectAll('c')
    .select([
      'sites.code as site_code',
      'sites.time_zone as site_time_zone',
      'subsidiaries.id as holder_subsidiary_id',
      'subsidiaries.code as subsidiary_code',
      (eb) =>
        eb
          .selectFrom('meetings as lm')
          .select(sql<string | null>`max((lm.scheduled_at at time zone lm.time_zone)::date)::text`.as('d'))
          .whereRef('lm.committee_id', '=', 'c.id')
          .where('lm.status', 'in', ['held', 'minutes_approved'])
          .as('last_meeting_on'),
      (eb) =>
        eb
          .selectFrom('meetings as nm')
          .select((e) => e.fn.min('nm.scheduled_at').as('t'))
          .whereRef('nm.committee_id', '=', 'c.id')
          .where('nm.status', '=', 'planned')
          .as('next_planned_at'),
    ]);
}
export type CommitteeRow = Awaited<ReturnType<ReturnType<typeof committeeRows>['execute']>>[number];

/** Rows of a site in scope, and group or subsidiary rows (no site), which every reader sees. */
export function siteOrGroup(column: string, scope: SiteScope) {
  // biome-ignore lint/suspicious/noExplicitAny: a filter for any table with a site column
  return (eb: ExpressionBuilder<any, any>) =>
    scope === 'all'
      ? sql<boolean>`true`
      : eb.or([eb(eb.ref(column), 'is', null), inScope(eb, column, scope)]);
}

export type MemberRow = {
  id: string;
  committee_id: string;
  user_id: string;
  role: CommitteeRole;
  title: string | null;
  name: string;
  email: string;
  active: boolean;
};

/** The order members are listed in, on a committee and on a meeting's roster. */
export const roleOrder: Record<CommitteeRole, number> = {
  chair: 0,
  secretary: 1,
  member: 2,
  employee_representative: 3,
};

/** The members of these committees, chair first, then secretary, members and employee representatives. */
export async function membersOf(db: Db, committeeIds: string[]): Promise<Map<string, MemberRow[]>> {
  const out = new Map<string, MemberRow[]>(committeeIds.map((id) => [id, []]));
  if (committeeIds.length === 0) return out;
  const rows = await db
    .selectFrom('committee_members as cm')
    .innerJoin('users as u', 'u.id', 'cm.user_id')
    .select([
      'cm.id',
      'cm.committee_id',
      'cm.user_id',
      'cm.role',
      'cm.title',
      'u.display_name as name',
      'u.email',
      'u.active',
    ])
    .where('cm.committee_id', 'in', committeeIds)
    .orderBy('u.display_name')
    .orderBy('cm.id')
    .execute();
  for (const r of rows) out.get(r.committee_id)?.push(r);
  for (const list of out.values()) list.sort((a, b) => roleOrder[a.role] - roleOrder[b.role]);
  return out;
}

/** The role of a user on a committee, or null when not a member. */
export async function roleOn(
  db: Db,
  committeeId: string,
  userId: string | null,
): Promise<CommitteeRole | null> {
  if (!userId) return null;
  const row = await db
    .selectFrom('committee_members')
    .select('role')
    .where('committee_id', '=', committeeId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

/** Committees a user sits on, as a subquery. */
export function committeesOf(db: Db, userId: string) {
  return db.selectFrom('committee_members').select('committee_id').where('user_id', '=', userId);
}

/** The ids among these that are active users. */
export async function activeUserIds(db: Db, ids: string[]): Promise<Set<string>> {
  const found = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', ids)
    .where('active', '=', true)
    .execute();
  return new Set(found.map((u) => u.id));
}

export async function insertCommittee(db: Db, values: Insertable<DB['committees']>) {
  return db.insertInto('committees').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function insertMembers(db: Db, values: Insertable<DB['committee_members']>[]) {
  if (values.length === 0) return [];
  return db.insertInto('committee_members').values(values).returningAll().execute();
}

/** Who sits on a committee, and in which role. */
export async function seatsOf(db: Db, committeeId: string) {
  return db
    .selectFrom('committee_members')
    .select(['user_id', 'role'])
    .where('committee_id', '=', committeeId)
    .execute();
}

export async function memberById(db: Db, memberId: string) {
  return db.selectFrom('committee_members').selectAll().where('id', '=', memberId).executeTakeFirst();
}

export async function deleteMember(db: Db, memberId: string) {
  await db.deleteFrom('committee_members').where('id', '=', memberId).execute();
}

/** The committee's secretary, if it has one. */
export async function secretaryOf(db: Db, committeeId: string): Promise<string | null> {
  const row = await db
    .selectFrom('committee_members')
    .select('user_id')
    .where('committee_id', '=', committeeId)
    .where('role', '=', 'secretary')
    .executeTakeFirst();
  return row?.user_id ?? null;
}
