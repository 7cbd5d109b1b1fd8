import type { Program } from '#shared/platform/access/roles.ts';
import type { CommitteeView, MeetingSummaryView, MeetingView } from '#shared/platform/meetings/contract.ts';
import {
  compositionWarnings,
  meetingOverdue,
  nextMeetingDue,
} from '#shared/platform/meetings/rules/committee.ts';
import { quorum } from '#shared/platform/meetings/rules/quorum.ts';
import { minutesDueDate } from '#shared/platform/meetings/rules/status.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import type { Db } from '../../db/types.ts';
import { type Locale, renderMessage } from '../i18n/index.ts';
import type { CommitteeRow, MemberRow } from './committees-repo.ts';
import * as committeesRepo from './committees-repo.ts';
import type { MeetingsDeps } from './deps.ts';
import type { MeetingRow } from './meetings-repo.ts';
import * as meetingsRepo from './meetings-repo.ts';

/** The start of a meeting in its own time zone, 'YYYY-MM-DD HH:mm'. */
export function localStart(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** A committee as the API answers it: members, the programs' composition warnings, and when it next meets. */
export function toCommitteeView(
  deps: Pick<MeetingsDeps, 'now' | 'compositionRules'>,
  r: CommitteeRow,
  members: MemberRow[],
  locale: Locale,
): CommitteeView {
  const roles = members.map((m) => m.role);
  const nextDue = nextMeetingDue(r.frequency, r.last_meeting_on);
  const nextPlanned = r.next_planned_at ? new Date(r.next_planned_at as unknown as string | Date) : null;
  return {
    id: r.id,
    name: r.name,
    nameZh: r.name_zh,
    program: r.program as Program | null,
    level: r.level,
    siteId: r.site_id,
    siteCode: r.site_code,
    subsidiaryId: r.holder_subsidiary_id,
    subsidiaryCode: r.subsidiary_code,
    charter: r.charter,
    frequency: r.frequency,
    quorumPercent: r.quorum_percent,
    quorumChairRequired: r.quorum_chair_required,
    active: r.active,
    members: members.map((m) => ({
      id: m.id,
      userId: m.user_id,
      name: m.name,
      email: m.email,
      role: m.role,
      title: m.title,
    })),
    warnings: compositionWarnings(roles, r.program ? deps.compositionRules.get(r.program) : []).map((w) => ({
      code: w.code,
      message: renderMessage(locale, { key: w.messageKey, params: w.params }),
    })),
    lastMeetingOn: r.last_meeting_on,
    nextMeetingDue: nextDue,
    nextPlannedAt: nextPlanned?.toISOString() ?? null,
    meetingOverdue:
      r.active &&
      meetingOverdue(nextDue, !!nextPlanned, localDate(deps.now(), r.site_time_zone ?? GROUP_TIME_ZONE)),
    version: r.version,
  };
}

export async function committeeView(
  deps: Pick<MeetingsDeps, 'now' | 'compositionRules'>,
  dbh: Db,
  id: string,
  locale: Locale,
): Promise<CommitteeView> {
  const row = await committeesRepo.committeeRows(dbh).where('c.id', '=', id).executeTakeFirstOrThrow();
  const members = await committeesRepo.membersOf(dbh, [id]);
  return toCommitteeView(deps, row, members.get(id) ?? [], locale);
}

export function toSummary(r: MeetingRow): MeetingSummaryView {
  return {
    id: r.id,
    committeeId: r.committee_id,
    committeeName: r.committee_name,
    committeeNameZh: r.committee_name_zh,
    program: r.program as Program | null,
    siteId: r.site_id,
    siteCode: r.site_code,
    title: r.title,
    scheduledAt: r.scheduled_at.toISOString(),
    durationMinutes: r.duration_minutes,
    timeZone: r.time_zone,
    localStart: localStart(r.scheduled_at, r.time_zone),
    location: r.location,
    onlineUrl: r.online_url,
    status: r.status,
    minutesDueDate: minutesDueDate(r.scheduled_at, r.time_zone),
    decisionCount: Number(r.decision_count ?? 0),
    version: r.version,
  };
}

/** A meeting with its agenda, roster and quorum, minutes and decisions. */
export async function meetingView(dbh: Db, id: string): Promise<MeetingView> {
  const r = await meetingsRepo.meetingRows(dbh).where('m.id', '=', id).executeTakeFirstOrThrow();
  const [agenda, attendance, decisions] = await Promise.all([
    meetingsRepo.agendaOf(dbh, id),
    meetingsRepo.attendanceOf(dbh, id),
    meetingsRepo.decisionsOf(dbh, id),
  ]);
  return {
    ...toSummary(r),
    agenda: agenda.map((a) => ({
      id: a.id,
      position: a.position,
      title: a.title,
      presenterId: a.presenter_id,
      presenterName: a.presenter_display_name ?? a.presenter_name,
      durationMinutes: a.duration_minutes,
      notes: a.notes,
    })),
    attendance: attendance.map((a) => ({
      userId: a.user_id,
      name: a.name,
      committeeRole: a.committee_role,
      status: a.status,
      note: a.note,
    })),
    quorum: quorum(
      attendance.map((a) => ({ role: a.committee_role, status: a.status })),
      { percent: r.quorum_percent, chairRequired: r.quorum_chair_required },
    ),
    minutes: r.minutes,
    heldAt: r.held_at?.toISOString() ?? null,
    minutesApprovedAt: r.minutes_approved_at?.toISOString() ?? null,
    minutesApprovedByName: r.approver_name,
    cancelledReason: r.cancelled_reason,
    decisions: decisions.map((d) => ({
      id: d.id,
      seq: d.seq,
      text: d.text,
      actionId: d.action_id,
      actionStatus: d.action_status,
      actionOwnerName: d.action_owner_name,
      actionDueDate: d.action_due_date,
      createdAt: d.created_at.toISOString(),
    })),
  };
}
