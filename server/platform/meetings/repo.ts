import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../db/types.ts';
import type { SiteScope } from '../access/actor.ts';
import { inScope } from '../access/sql.ts';
import type { CommitteeRole } from './rules/committee.ts';

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

/** Meetings with their committee (program, quorum rule), site, approver and number of decisions. */
export function meetingRows(db: Db) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('committees as c', 'c.id', 'm.committee_id')
    .leftJoin('sites', 'sites.id', 'm.site_id')
    .leftJoin('users as approver', 'approver.id', 'm.minutes_approved_by')
    .selectAll('m')
    .select([
      'c.name as committee_name',
      'c.name_zh as committee_name_zh',
      'c.program',
      'c.quorum_percent',
      'c.quorum_chair_required',
      'c.active as committee_active',
      'sites.code as site_code',
      'approver.display_name as approver_name',
      (eb) =>
        eb
          .selectFrom('meeting_decisions as d')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('d.meeting_id', '=', 'm.id')
          .as('decision_count'),
    ]);
}
export type MeetingRow = Awaited<ReturnType<ReturnType<typeof meetingRows>['execute']>>[number];

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

const roleOrder: Record<CommitteeRole, number> = {
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

export async function agendaOf(db: Db, meetingId: string) {
  return db
    .selectFrom('meeting_agenda_items as a')
    .leftJoin('users as p', 'p.id', 'a.presenter_id')
    .select([
      'a.id',
      'a.position',
      'a.title',
      'a.presenter_id',
      'a.presenter_name',
      'p.display_name as presenter_display_name',
      'a.duration_minutes',
      'a.notes',
    ])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('a.position')
    .execute();
}

export async function attendanceOf(db: Db, meetingId: string) {
  const rows = await db
    .selectFrom('meeting_attendance as at')
    .innerJoin('users as u', 'u.id', 'at.user_id')
    .select(['at.user_id', 'at.committee_role', 'at.status', 'at.note', 'u.display_name as name'])
    .where('at.meeting_id', '=', meetingId)
    .orderBy('u.display_name')
    .execute();
  return rows.sort((a, b) => roleOrder[a.committee_role] - roleOrder[b.committee_role]);
}

export async function decisionsOf(db: Db, meetingId: string) {
  return db
    .selectFrom('meeting_decisions as d')
    .leftJoin('actions as a', 'a.id', 'd.action_id')
    .leftJoin('users as owner', 'owner.id', 'a.owner_id')
    .select([
      'd.id',
      'd.seq',
      'd.text',
      'd.action_id',
      'd.created_at',
      'a.status as action_status',
      'a.due_date as action_due_date',
      'owner.display_name as action_owner_name',
    ])
    .where('d.meeting_id', '=', meetingId)
    .orderBy('d.seq')
    .execute();
}
