import type { Insertable } from 'kysely';
import type { CommitteeRole } from '#shared/platform/meetings/rules/committee.ts';
import type { MeetingStatus } from '#shared/platform/meetings/rules/status.ts';
import type { DB } from '../../db/schema.ts';
import type { Db } from '../../db/types.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { roleOrder } from './committees-repo.ts';

/** SQL of meetings, their agenda, attendance and decisions. */

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

/** The ids of a committee's meetings in these statuses. */
export async function meetingIdsOf(db: Db, committeeId: string, statuses: MeetingStatus[]) {
  const rows = await db
    .selectFrom('meetings')
    .select('id')
    .where('committee_id', '=', committeeId)
    .where('status', 'in', statuses)
    .execute();
  return rows.map((r) => r.id);
}

export async function insertMeeting(db: Db, values: Insertable<DB['meetings']>) {
  return db.insertInto('meetings').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function insertAgenda(db: Db, values: Insertable<DB['meeting_agenda_items']>[]) {
  if (values.length === 0) return;
  await db.insertInto('meeting_agenda_items').values(values).execute();
}

export async function deleteAgenda(db: Db, meetingId: string) {
  await db.deleteFrom('meeting_agenda_items').where('meeting_id', '=', meetingId).execute();
}

/** A new meeting's roster: who is expected, attendance not yet recorded. */
export async function insertRoster(db: Db, values: Insertable<DB['meeting_attendance']>[]) {
  if (values.length === 0) return;
  await db.insertInto('meeting_attendance').values(values).execute();
}

/** A new member joins the rosters of these meetings; already on one, they take the role given. */
export async function addToRosters(
  db: Db,
  meetingIds: string[],
  member: { userId: string; siteId: string | null; role: CommitteeRole },
) {
  if (meetingIds.length === 0) return;
  await db
    .insertInto('meeting_attendance')
    .values(
      meetingIds.map((id) => ({
        meeting_id: id,
        user_id: member.userId,
        site_id: member.siteId,
        committee_role: member.role,
        status: null,
        note: null,
      })),
    )
    .onConflict((oc) => oc.columns(['meeting_id', 'user_id']).doUpdateSet({ committee_role: member.role }))
    .execute();
}

/** Records how one person attended a meeting. */
export async function recordAttendance(db: Db, values: Insertable<DB['meeting_attendance']>) {
  await db
    .insertInto('meeting_attendance')
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(['meeting_id', 'user_id'])
        .doUpdateSet({ status: values.status ?? null, note: values.note ?? null }),
    )
    .execute();
}

/** A removed member leaves the rosters of the committee's planned meetings, unless their attendance is recorded. */
export async function dropUnrecordedAttendance(db: Db, committeeId: string, userId: string) {
  await db
    .deleteFrom('meeting_attendance')
    .where('user_id', '=', userId)
    .where('status', 'is', null)
    .where('meeting_id', 'in', (eb) =>
      eb
        .selectFrom('meetings')
        .select('id')
        .where('committee_id', '=', committeeId)
        .where('status', '=', 'planned'),
    )
    .execute();
}

/** The number the next decision of a meeting takes. */
export async function nextDecisionSeq(db: Db, meetingId: string): Promise<number> {
  const last = await db
    .selectFrom('meeting_decisions')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return Number(last?.seq ?? 0) + 1;
}

export async function insertDecision(db: Db, values: Insertable<DB['meeting_decisions']>) {
  return db.insertInto('meeting_decisions').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Bumps a meeting's version (a stale edit of any part is refused with 409) with these changes; the row after. */
export async function touchMeeting(
  db: Db,
  meetingId: string,
  version: number,
  actorId: string | null,
  changes: Record<string, unknown> = {},
) {
  return updateVersioned(db, 'meetings', meetingId, version, changes, actorId);
}
