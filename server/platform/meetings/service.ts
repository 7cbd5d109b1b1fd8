import { sql } from 'kysely';
import type { z } from 'zod';
import { paginate } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import type { Actor } from '../access/actor.ts';
import type { Program } from '../access/roles.ts';
import { access } from '../access/service.ts';
import type { ActionsService } from '../actions/service.ts';
import { recordAudit } from '../audit/service.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../http/errors.ts';
import { likePattern } from '../http/list.ts';
import { registerObligationKind } from '../obligations/kinds.ts';
import { localDate } from '../obligations/rules/reminders.ts';
import type { ObligationsService } from '../obligations/service.ts';
import type {
  agendaBody,
  agendaItemInput,
  attendanceBody,
  CommitteeView,
  committeeInput,
  committeeListQuery,
  committeePatch,
  decisionBody,
  MeetingSummaryView,
  MeetingView,
  meetingInput,
  meetingListQuery,
  meetingPatch,
  meetingTransitionBody,
  memberInput,
} from './contract.ts';
import * as repo from './repo.ts';
import {
  type CommitteeRole,
  type CompositionRule,
  checkSeat,
  compositionWarnings,
  meetingOverdue,
  nextMeetingDue,
} from './rules/committee.ts';
import { attendanceComplete, quorum } from './rules/quorum.ts';
import { checkEdit, checkTransition, type MeetingPart, minutesDueDate } from './rules/status.ts';

export const MEETING_MINUTES = 'meeting.minutes';
registerObligationKind({
  kind: MEETING_MINUTES,
  program: null,
  schedule: { daysBefore: [3, 1], overdueEveryDays: 3 },
});

const GROUP_TIME_ZONE = 'Asia/Taipei';

/** The start of a meeting in its own time zone, 'YYYY-MM-DD HH:mm'. */
function localStart(at: Date, timeZone: string): string {
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

/** What access decisions need of a committee: its site (null for group and subsidiary committees) and program. */
type Holder = { site_id: string | null; program: string | null };

/**
 * Committees and their meetings. A site committee belongs to its site; group and subsidiary committees are
 * group records, readable by whoever holds meetings.read and managed by the program owner or a group admin.
 * Members read their own committees, and the chair and secretary run its meetings.
 */
export function createMeetingsService(
  db: Db,
  obligations: ObligationsService,
  actions: ActionsService,
  now: () => Date = () => new Date(),
) {
  /** Programs' own rules on their committees' membership, by program key. */
  const compositionRules = new Map<string, CompositionRule[]>();

  // ---- access

  function assertRead(actor: Actor, c: Holder, role: CommitteeRole | null, what: string) {
    if (role) return;
    access.assert(actor, 'meetings.read', c.site_id, what);
  }

  function canManage(actor: Actor, c: Holder): boolean {
    const program = (c.program ?? undefined) as Program | undefined;
    return c.site_id
      ? access.can(actor, 'meetings.manage', c.site_id, program)
      : access.can(actor, 'meetings.group.manage', null, program);
  }

  /** Change the committee itself and its membership. */
  function assertManage(actor: Actor, c: Holder, role: CommitteeRole | null, what: string) {
    assertRead(actor, c, role, what);
    if (!canManage(actor, c))
      throw new ForbiddenError(c.site_id ? 'meetings.manage' : 'meetings.group.manage');
  }

  /** Schedule and run meetings: a manager, or the committee's chair or secretary. */
  function assertRun(actor: Actor, c: Holder, role: CommitteeRole | null, what: string) {
    assertRead(actor, c, role, what);
    if (role === 'chair' || role === 'secretary') return;
    if (!canManage(actor, c))
      throw new ForbiddenError(c.site_id ? 'meetings.manage' : 'meetings.group.manage');
  }

  function assertSignedIn(actor: Actor) {
    if (!actor.userId && actor.kind !== 'system') throw new UnauthenticatedError();
  }

  async function assertActiveUsers(ids: (string | null | undefined)[], path: string) {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (wanted.length === 0) return;
    const found = await db
      .selectFrom('users')
      .select('id')
      .where('id', 'in', wanted)
      .where('active', '=', true)
      .execute();
    const ok = new Set(found.map((u) => u.id));
    const missing = wanted.filter((id) => !ok.has(id));
    if (missing.length)
      throw new ValidationError(
        'Every person named must be an active user.',
        missing.map((id) => ({ path, message: `Unknown or inactive user ${id}` })),
      );
  }

  // ---- views

  function toCommitteeView(r: repo.CommitteeRow, members: repo.MemberRow[]): CommitteeView {
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
      warnings: compositionWarnings(roles, r.program ? compositionRules.get(r.program) : []),
      lastMeetingOn: r.last_meeting_on,
      nextMeetingDue: nextDue,
      nextPlannedAt: nextPlanned?.toISOString() ?? null,
      meetingOverdue:
        r.active &&
        meetingOverdue(nextDue, !!nextPlanned, localDate(now(), r.site_time_zone ?? GROUP_TIME_ZONE)),
      version: r.version,
    };
  }

  async function committeeView(dbh: Db, id: string): Promise<CommitteeView> {
    const row = await repo.committeeRows(dbh).where('c.id', '=', id).executeTakeFirstOrThrow();
    const members = await repo.membersOf(dbh, [id]);
    return toCommitteeView(row, members.get(id) ?? []);
  }

  function toSummary(r: repo.MeetingRow): MeetingSummaryView {
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

  async function meetingView(dbh: Db, id: string): Promise<MeetingView> {
    const r = await repo.meetingRows(dbh).where('m.id', '=', id).executeTakeFirstOrThrow();
    const [agenda, attendance, decisions] = await Promise.all([
      repo.agendaOf(dbh, id),
      repo.attendanceOf(dbh, id),
      repo.decisionsOf(dbh, id),
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

  // ---- loading with access

  async function committeeOrNotFound(id: string) {
    const row = await repo.committeeRows(db).where('c.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('committee');
    return row;
  }

  async function meetingOrNotFound(id: string) {
    const row = await repo.meetingRows(db).where('m.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('meeting');
    return row;
  }

  /** A meeting the actor may run, checked for the part that changes. */
  async function meetingToRun(actor: Actor, id: string, parts: MeetingPart[]) {
    const m = await meetingOrNotFound(id);
    const role = await repo.roleOn(db, m.committee_id, actor.userId);
    assertRun(actor, m, role, 'meeting');
    for (const part of parts) {
      const check = checkEdit(m.status, part);
      if (!check.ok) throw new ConflictError(check.reason);
    }
    return m;
  }

  // ---- obligations

  /** The secretary's obligation to record and get approved the minutes of a meeting. */
  async function syncMinutesObligation(trx: Db, actor: Actor, meetingId: string) {
    const m = await repo.meetingRows(trx).where('m.id', '=', meetingId).executeTakeFirstOrThrow();
    if (m.status === 'minutes_approved' || m.status === 'cancelled') {
      await obligations.closeForSource(
        trx,
        actor,
        MEETING_MINUTES,
        'meeting',
        m.id,
        m.status === 'cancelled' ? 'cancelled' : 'done',
      );
      return;
    }
    const secretary = await trx
      .selectFrom('committee_members')
      .select('user_id')
      .where('committee_id', '=', m.committee_id)
      .where('role', '=', 'secretary')
      .executeTakeFirst();
    await obligations.upsertForSource(trx, actor, {
      kind: MEETING_MINUTES,
      sourceType: 'meeting',
      sourceId: m.id,
      siteId: m.site_id,
      program: m.program,
      ownerId: secretary?.user_id ?? null,
      title: `Minutes of ${m.committee_name}: ${m.title}`,
      dueDate: minutesDueDate(m.scheduled_at, m.time_zone),
    });
  }

  /** After the secretary changes: the obligations of the committee's open meetings move to the new one. */
  async function resyncOpenMeetings(trx: Db, actor: Actor, committeeId: string) {
    const open = await trx
      .selectFrom('meetings')
      .select('id')
      .where('committee_id', '=', committeeId)
      .where('status', 'in', ['planned', 'held'])
      .execute();
    for (const m of open) await syncMinutesObligation(trx, actor, m.id);
  }

  /** Bumps a meeting's version (a stale edit of any part is refused) and returns the row before. */
  async function touchMeeting(
    trx: Db,
    actor: Actor,
    m: repo.MeetingRow,
    version: number,
    changes: Record<string, unknown> = {},
  ) {
    return updateVersioned(trx, 'meetings', m.id, version, changes, actor.userId);
  }

  async function insertAgenda(
    trx: Db,
    meetingId: string,
    siteId: string | null,
    items: z.infer<typeof agendaItemInput>[],
  ) {
    if (items.length === 0) return;
    await trx
      .insertInto('meeting_agenda_items')
      .values(
        items.map((item, i) => ({
          meeting_id: meetingId,
          site_id: siteId,
          position: i + 1,
          title: item.title,
          presenter_id: item.presenterId ?? null,
          presenter_name: item.presenterId ? null : (item.presenterName ?? null),
          duration_minutes: item.durationMinutes ?? null,
          notes: item.notes ?? null,
        })),
      )
      .execute();
  }

  return {
    /** A program module adds its own requirement on its committees' membership. */
    registerCompositionRule(program: string, rule: CompositionRule) {
      compositionRules.set(program, [...(compositionRules.get(program) ?? []), rule]);
    },

    // ---- committees

    async listCommittees(actor: Actor, q: z.infer<typeof committeeListQuery>) {
      assertSignedIn(actor);
      let base = repo.committeeRows(db);
      if (q.mine === 'true') base = base.where('c.id', 'in', repo.committeesOf(db, actor.userId as string));
      else base = base.where(repo.siteOrGroup('c.site_id', access.listScope(actor, 'meetings.read')));
      if (q.program) base = base.where('c.program', '=', q.program);
      if (q.level) base = base.where('c.level', '=', q.level);
      if (q.siteId) base = base.where('c.site_id', '=', q.siteId);
      if (q.active) base = base.where('c.active', '=', q.active === 'true');
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) =>
          eb.or([eb('c.name', 'ilike', p), eb('c.name_zh', 'ilike', p), eb('c.charter', 'ilike', p)]),
        );
      }
      const sortColumn = { name: 'c.name', site: 'sites.code', program: 'c.program' }[q.sort];
      const { items, total, totalCapped } = await paginate<repo.CommitteeRow>(db, base, {
        sortColumn,
        order: q.order,
        tieBreaker: 'c.id',
        page: q.page,
        pageSize: q.pageSize,
      });
      const members = await repo.membersOf(
        db,
        items.map((c) => c.id),
      );
      return {
        items: items.map((c) => toCommitteeView(c, members.get(c.id) ?? [])),
        total,
        totalCapped,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async getCommittee(actor: Actor, id: string) {
      const c = await committeeOrNotFound(id);
      assertRead(actor, c, await repo.roleOn(db, id, actor.userId), 'committee');
      return committeeView(db, id);
    },

    async createCommittee(actor: Actor, input: z.infer<typeof committeeInput>) {
      const program = (input.program ?? undefined) as Program | undefined;
      if (input.level === 'site')
        access.assert(actor, 'meetings.manage', input.siteId as string, 'site', program);
      else access.assert(actor, 'meetings.group.manage', null, 'committee', program);
      const members = input.members ?? [];
      const userIds = members.map((m) => m.userId);
      if (new Set(userIds).size !== userIds.length)
        throw new ValidationError('A person sits on a committee once.', [
          { path: 'members', message: 'The same user appears twice' },
        ]);
      const roles: CommitteeRole[] = [];
      for (const [i, m] of members.entries()) {
        const seat = checkSeat(roles, m.role);
        if (!seat.ok)
          throw new ValidationError(seat.reason, [{ path: `members.${i}.role`, message: seat.reason }]);
        roles.push(m.role);
      }
      await assertActiveUsers(userIds, 'members');
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('committees')
          .values({
            level: input.level,
            site_id: input.level === 'site' ? (input.siteId ?? null) : null,
            subsidiary_id: input.level === 'subsidiary' ? (input.subsidiaryId ?? null) : null,
            program: input.program,
            name: input.name,
            name_zh: input.nameZh ?? null,
            charter: input.charter ?? null,
            frequency: input.frequency,
            quorum_percent: input.quorumPercent,
            quorum_chair_required: input.quorumChairRequired,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const memberRows = members.length
          ? await trx
              .insertInto('committee_members')
              .values(
                members.map((m) => ({
                  committee_id: row.id,
                  site_id: row.site_id,
                  user_id: m.userId,
                  role: m.role,
                  title: m.title ?? null,
                  created_by: actor.userId,
                })),
              )
              .returningAll()
              .execute()
          : [];
        await recordAudit(trx, actor, {
          action: 'committee.created',
          entityType: 'committee',
          entityId: row.id,
          siteId: row.site_id,
          after: { ...row, members: memberRows },
        });
        return committeeView(trx, row.id);
      });
    },

    async updateCommittee(actor: Actor, id: string, patch: z.infer<typeof committeePatch>) {
      const before = await committeeOrNotFound(id);
      assertManage(actor, before, await repo.roleOn(db, id, actor.userId), 'committee');
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'committees',
          id,
          patch.version,
          definedOnly({
            name: patch.name,
            name_zh: patch.nameZh,
            charter: patch.charter,
            frequency: patch.frequency,
            quorum_percent: patch.quorumPercent,
            quorum_chair_required: patch.quorumChairRequired,
            active: patch.active,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'committee.updated',
          entityType: 'committee',
          entityId: id,
          siteId: before.site_id,
          before,
          after,
        });
        return committeeView(trx, id);
      });
    },

    async addMember(actor: Actor, committeeId: string, input: z.infer<typeof memberInput>) {
      const c = await committeeOrNotFound(committeeId);
      assertManage(actor, c, await repo.roleOn(db, committeeId, actor.userId), 'committee');
      await assertActiveUsers([input.userId], 'userId');
      const current = await db
        .selectFrom('committee_members')
        .select(['user_id', 'role'])
        .where('committee_id', '=', committeeId)
        .execute();
      if (current.some((m) => m.user_id === input.userId))
        throw new ConflictError(
          'This person already sits on the committee; remove them first to change their role.',
        );
      const seat = checkSeat(
        current.map((m) => m.role),
        input.role,
      );
      if (!seat.ok) throw new ConflictError(seat.reason);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('committee_members')
          .values({
            committee_id: committeeId,
            site_id: c.site_id,
            user_id: input.userId,
            role: input.role,
            title: input.title ?? null,
            created_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        // Planned meetings expect the new member.
        const planned = await trx
          .selectFrom('meetings')
          .select('id')
          .where('committee_id', '=', committeeId)
          .where('status', '=', 'planned')
          .execute();
        if (planned.length) {
          await trx
            .insertInto('meeting_attendance')
            .values(
              planned.map((m) => ({
                meeting_id: m.id,
                user_id: input.userId,
                site_id: c.site_id,
                committee_role: input.role,
                status: null,
                note: null,
              })),
            )
            .onConflict((oc) =>
              oc.columns(['meeting_id', 'user_id']).doUpdateSet({ committee_role: input.role }),
            )
            .execute();
        }
        await recordAudit(trx, actor, {
          action: 'committee.member_added',
          entityType: 'committee',
          entityId: committeeId,
          siteId: c.site_id,
          after: row,
        });
        if (input.role === 'secretary') await resyncOpenMeetings(trx, actor, committeeId);
        return committeeView(trx, committeeId);
      });
    },

    async removeMember(actor: Actor, memberId: string) {
      const member = await db
        .selectFrom('committee_members')
        .selectAll()
        .where('id', '=', memberId)
        .executeTakeFirst();
      if (!member) throw new NotFoundError('committee member');
      const c = await committeeOrNotFound(member.committee_id);
      assertManage(actor, c, await repo.roleOn(db, c.id, actor.userId), 'committee member');
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom('committee_members').where('id', '=', memberId).execute();
        // Planned meetings no longer expect them, unless their attendance is already recorded.
        await trx
          .deleteFrom('meeting_attendance')
          .where('user_id', '=', member.user_id)
          .where('status', 'is', null)
          .where('meeting_id', 'in', (eb) =>
            eb
              .selectFrom('meetings')
              .select('id')
              .where('committee_id', '=', c.id)
              .where('status', '=', 'planned'),
          )
          .execute();
        await recordAudit(trx, actor, {
          action: 'committee.member_removed',
          entityType: 'committee',
          entityId: c.id,
          siteId: c.site_id,
          before: member,
        });
        if (member.role === 'secretary') await resyncOpenMeetings(trx, actor, c.id);
        return committeeView(trx, c.id);
      });
    },

    // ---- meetings

    async listMeetings(actor: Actor, q: z.infer<typeof meetingListQuery>) {
      assertSignedIn(actor);
      let base = repo.meetingRows(db);
      if (q.mine === 'true')
        base = base.where('m.committee_id', 'in', repo.committeesOf(db, actor.userId as string));
      else base = base.where(repo.siteOrGroup('m.site_id', access.listScope(actor, 'meetings.read')));
      if (q.committeeId) base = base.where('m.committee_id', '=', q.committeeId);
      if (q.status) base = base.where('m.status', '=', q.status);
      if (q.siteId) base = base.where('m.site_id', '=', q.siteId);
      if (q.program) base = base.where('c.program', '=', q.program);
      const localDay = sql<string>`(m.scheduled_at at time zone m.time_zone)::date`;
      if (q.from) base = base.where(localDay, '>=', q.from);
      if (q.to) base = base.where(localDay, '<=', q.to);
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) =>
          eb.or([eb('m.title', 'ilike', p), eb('c.name', 'ilike', p), eb('c.name_zh', 'ilike', p)]),
        );
      }
      const sortColumn = {
        scheduledAt: 'm.scheduled_at',
        title: 'm.title',
        status: 'm.status',
        committee: 'c.name',
      }[q.sort];
      const { items, total, totalCapped } = await paginate<repo.MeetingRow>(db, base, {
        sortColumn,
        order: q.order,
        tieBreaker: 'm.id',
        page: q.page,
        pageSize: q.pageSize,
      });
      return { items: items.map(toSummary), total, totalCapped, page: q.page, pageSize: q.pageSize };
    },

    async getMeeting(actor: Actor, id: string) {
      const m = await meetingOrNotFound(id);
      assertRead(actor, m, await repo.roleOn(db, m.committee_id, actor.userId), 'meeting');
      return meetingView(db, id);
    },

    /** Schedules a meeting: its roster is the committee's members, and its secretary owes the minutes. */
    async createMeeting(actor: Actor, input: z.infer<typeof meetingInput>) {
      const c = await committeeOrNotFound(input.committeeId);
      assertRun(actor, c, await repo.roleOn(db, c.id, actor.userId), 'committee');
      if (!c.active)
        throw new ConflictError('This committee is inactive: reactivate it before scheduling a meeting.');
      const agenda = input.agenda ?? [];
      await assertActiveUsers(
        agenda.map((a) => a.presenterId),
        'agenda',
      );
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('meetings')
          .values({
            committee_id: c.id,
            site_id: c.site_id,
            title: input.title,
            scheduled_at: new Date(input.scheduledAt),
            duration_minutes: input.durationMinutes ?? null,
            time_zone: input.timeZone ?? c.site_time_zone ?? GROUP_TIME_ZONE,
            location: input.location ?? null,
            online_url: input.onlineUrl ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await insertAgenda(trx, row.id, c.site_id, agenda);
        const members = await trx
          .selectFrom('committee_members')
          .select(['user_id', 'role'])
          .where('committee_id', '=', c.id)
          .execute();
        if (members.length) {
          await trx
            .insertInto('meeting_attendance')
            .values(
              members.map((mb) => ({
                meeting_id: row.id,
                user_id: mb.user_id,
                site_id: c.site_id,
                committee_role: mb.role,
                status: null,
                note: null,
              })),
            )
            .execute();
        }
        await recordAudit(trx, actor, {
          action: 'meeting.created',
          entityType: 'meeting',
          entityId: row.id,
          siteId: row.site_id,
          after: { ...row, agenda },
        });
        await syncMinutesObligation(trx, actor, row.id);
        return meetingView(trx, row.id);
      });
    },

    async updateMeeting(actor: Actor, id: string, patch: z.infer<typeof meetingPatch>) {
      const scheduleChanged =
        patch.scheduledAt !== undefined ||
        patch.timeZone !== undefined ||
        patch.location !== undefined ||
        patch.onlineUrl !== undefined ||
        patch.durationMinutes !== undefined;
      const parts: MeetingPart[] = [];
      if (patch.title !== undefined) parts.push('title');
      if (scheduleChanged) parts.push('schedule');
      if (patch.minutes !== undefined) parts.push('minutes');
      const before = await meetingToRun(actor, id, parts);
      const location = patch.location !== undefined ? patch.location : before.location;
      const onlineUrl = patch.onlineUrl !== undefined ? patch.onlineUrl : before.online_url;
      if (!location && !onlineUrl)
        throw new ValidationError('A meeting needs a location, an online link, or both.', [
          { path: 'location', message: 'Give a location or an online link' },
        ]);
      return db.transaction().execute(async (trx) => {
        const after = await touchMeeting(
          trx,
          actor,
          before,
          patch.version,
          definedOnly({
            title: patch.title,
            scheduled_at: patch.scheduledAt === undefined ? undefined : new Date(patch.scheduledAt),
            duration_minutes: patch.durationMinutes,
            time_zone: patch.timeZone,
            location: patch.location,
            online_url: patch.onlineUrl,
            minutes: patch.minutes,
          }),
        );
        await recordAudit(trx, actor, {
          action: 'meeting.updated',
          entityType: 'meeting',
          entityId: id,
          siteId: before.site_id,
          before,
          after,
        });
        if (scheduleChanged || patch.title !== undefined) await syncMinutesObligation(trx, actor, id);
        return meetingView(trx, id);
      });
    },

    async transition(actor: Actor, id: string, body: z.infer<typeof meetingTransitionBody>) {
      const before = await meetingToRun(actor, id, []);
      const roster = await repo.attendanceOf(db, id);
      const check = checkTransition(before.status, body.transition, {
        started: now().getTime() >= before.scheduled_at.getTime(),
        hasMinutes: !!before.minutes?.trim(),
        attendanceComplete: attendanceComplete(
          roster.map((a) => ({ role: a.committee_role, status: a.status })),
        ),
      });
      if (!check.ok) throw new ConflictError(check.reason);
      return db.transaction().execute(async (trx) => {
        const changes: Record<string, unknown> = { status: check.to };
        if (check.to === 'held') changes.held_at = now();
        if (check.to === 'minutes_approved')
          Object.assign(changes, { minutes_approved_at: now(), minutes_approved_by: actor.userId });
        if (check.to === 'cancelled') changes.cancelled_reason = body.reason ?? null;
        const after = await touchMeeting(trx, actor, before, body.version, changes);
        await recordAudit(trx, actor, {
          action: `meeting.${body.transition}`,
          entityType: 'meeting',
          entityId: id,
          siteId: before.site_id,
          summary: body.reason,
          before,
          after,
        });
        await syncMinutesObligation(trx, actor, id);
        return meetingView(trx, id);
      });
    },

    /** Replaces the agenda with these items, in this order. */
    async setAgenda(actor: Actor, id: string, body: z.infer<typeof agendaBody>) {
      const before = await meetingToRun(actor, id, ['agenda']);
      await assertActiveUsers(
        body.items.map((a) => a.presenterId),
        'items',
      );
      return db.transaction().execute(async (trx) => {
        const previous = await repo.agendaOf(trx, id);
        await touchMeeting(trx, actor, before, body.version);
        await trx.deleteFrom('meeting_agenda_items').where('meeting_id', '=', id).execute();
        await insertAgenda(trx, id, before.site_id, body.items);
        await recordAudit(trx, actor, {
          action: 'meeting.agenda_changed',
          entityType: 'meeting',
          entityId: id,
          siteId: before.site_id,
          before: { agenda: previous },
          after: { agenda: body.items },
        });
        return meetingView(trx, id);
      });
    },

    /** Records how members attended; members who joined the committee since the meeting was planned may be added. */
    async setAttendance(actor: Actor, id: string, body: z.infer<typeof attendanceBody>) {
      const before = await meetingToRun(actor, id, ['attendance']);
      const ids = body.entries.map((e) => e.userId);
      if (new Set(ids).size !== ids.length)
        throw new ValidationError('Each member appears once.', [
          { path: 'entries', message: 'The same user appears twice' },
        ]);
      const roster = new Map((await repo.attendanceOf(db, id)).map((a) => [a.user_id, a.committee_role]));
      const members = new Map(
        (
          await db
            .selectFrom('committee_members')
            .select(['user_id', 'role'])
            .where('committee_id', '=', before.committee_id)
            .execute()
        ).map((m) => [m.user_id, m.role]),
      );
      const errors = body.entries.flatMap((e, i) =>
        roster.has(e.userId) || members.has(e.userId)
          ? []
          : [{ path: `entries.${i}.userId`, message: 'Not a member of this committee' }],
      );
      if (errors.length)
        throw new ValidationError('Attendance is recorded for the committee members.', errors);
      return db.transaction().execute(async (trx) => {
        const previous = await repo.attendanceOf(trx, id);
        await touchMeeting(trx, actor, before, body.version);
        for (const e of body.entries) {
          const role = (roster.get(e.userId) ?? members.get(e.userId)) as CommitteeRole;
          await trx
            .insertInto('meeting_attendance')
            .values({
              meeting_id: id,
              user_id: e.userId,
              site_id: before.site_id,
              committee_role: role,
              status: e.status,
              note: e.note ?? null,
            })
            .onConflict((oc) =>
              oc.columns(['meeting_id', 'user_id']).doUpdateSet({ status: e.status, note: e.note ?? null }),
            )
            .execute();
        }
        const view = await meetingView(trx, id);
        await recordAudit(trx, actor, {
          action: 'meeting.attendance_recorded',
          entityType: 'meeting',
          entityId: id,
          siteId: before.site_id,
          summary: view.quorum.met ? 'Quorum met' : `No quorum: ${view.quorum.reasons.join(' ')}`,
          before: { attendance: previous },
          after: { attendance: view.attendance, quorum: view.quorum },
        });
        return view;
      });
    },

    /**
     * Records a decision of a held meeting with quorum. With `action`, the decision is followed up as an
     * action in the tracker (source: this meeting), created in the same transaction.
     */
    async addDecision(actor: Actor, id: string, body: z.infer<typeof decisionBody>) {
      const before = await meetingToRun(actor, id, ['decisions']);
      const current = await meetingView(db, id);
      if (!current.quorum.met)
        throw new ConflictError(
          `The meeting has no quorum, so it cannot take decisions. ${current.quorum.reasons.join(' ')}`,
          { quorum: current.quorum },
        );
      return db.transaction().execute(async (trx) => {
        await touchMeeting(trx, actor, before, body.version);
        const last = await trx
          .selectFrom('meeting_decisions')
          .select((eb) => eb.fn.max('seq').as('seq'))
          .where('meeting_id', '=', id)
          .executeTakeFirst();
        const seq = Number(last?.seq ?? 0) + 1;
        let actionId: string | null = null;
        if (body.action) {
          const action = await actions.create(
            actor,
            {
              siteId: before.site_id,
              program: before.program as Program | null,
              kind: body.action.kind ?? 'improvement',
              title:
                body.action.title ?? (body.text.length > 300 ? `${body.text.slice(0, 297)}...` : body.text),
              description:
                body.action.description ??
                `Decision ${seq} of ${before.committee_name}, ${before.title} (${localStart(before.scheduled_at, before.time_zone).slice(0, 10)}): ${body.text}`.slice(
                  0,
                  10_000,
                ),
              sourceType: 'meeting',
              sourceId: id,
              ownerId: body.action.ownerId,
              dueDate: body.action.dueDate,
            },
            trx,
          );
          actionId = action.id;
        }
        const row = await trx
          .insertInto('meeting_decisions')
          .values({
            meeting_id: id,
            site_id: before.site_id,
            seq,
            text: body.text,
            action_id: actionId,
            created_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'meeting.decision_added',
          entityType: 'meeting',
          entityId: id,
          siteId: before.site_id,
          after: row,
        });
        return meetingView(trx, id);
      });
    },
  };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
