import { sql } from 'kysely';
import type { z } from 'zod';
import { likePattern } from '#shared/platform/http/list.ts';
import type {
  meetingInput,
  meetingListQuery,
  meetingPatch,
  meetingTransitionBody,
} from '#shared/platform/meetings/contract.ts';
import { attendanceComplete } from '#shared/platform/meetings/rules/quorum.ts';
import { checkTransition, type MeetingPart } from '#shared/platform/meetings/rules/status.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import { paginate } from '../../db/paging.ts';
import { definedOnly } from '../../db/versioned.ts';
import type { Actor } from '../access/actor.ts';
import { access } from '../access/service.ts';
import { recordAudit } from '../audit/service.ts';
import { ConflictError, ValidationError } from '../http/errors.ts';
import { insertAgenda } from './agenda.ts';
import * as committeesRepo from './committees-repo.ts';
import type { MeetingsDeps } from './deps.ts';
import {
  assertActiveUsers,
  assertRead,
  assertRun,
  assertSignedIn,
  committeeOrNotFound,
  meetingOrNotFound,
  meetingToRun,
} from './guards.ts';
import * as repo from './meetings-repo.ts';
import { syncMinutesObligation } from './minutes-obligation.ts';
import { meetingView, toSummary } from './views.ts';

/** Meetings: listed, read, scheduled, rescheduled and minuted, and moved through held, approved or cancelled. */
export function createMeetingLifecycleService(deps: MeetingsDeps) {
  const { db, obligations, now } = deps;
  return {
    async listMeetings(actor: Actor, q: z.infer<typeof meetingListQuery>) {
      assertSignedIn(actor);
      let base = repo.meetingRows(db);
      if (q.mine === 'true')
        base = base.where('m.committee_id', 'in', committeesRepo.committeesOf(db, actor.userId as string));
      else
        base = base.where(committeesRepo.siteOrGroup('m.site_id', access.listScope(actor, 'meetings.read')));
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
      const { items, ...paging } = await paginate<repo.MeetingRow>(db, base, {
        sortColumn,
        order: q.order,
        tieBreaker: 'm.id',
        page: q.page,
        cursor: q.cursor,
        count: q.count,
        pageSize: q.pageSize,
      });
      return { items: items.map(toSummary), ...paging, page: q.page, pageSize: q.pageSize };
    },

    async getMeeting(actor: Actor, id: string) {
      const m = await meetingOrNotFound(db, id);
      assertRead(actor, m, await committeesRepo.roleOn(db, m.committee_id, actor.userId), 'meeting');
      return meetingView(db, id);
    },

    /** Schedules a meeting: its roster is the committee's members, and its secretary owes the minutes. */
    async createMeeting(actor: Actor, input: z.infer<typeof meetingInput>) {
      const c = await committeeOrNotFound(db, input.committeeId);
      assertRun(actor, c, await committeesRepo.roleOn(db, c.id, actor.userId), 'committee');
      if (!c.active)
        throw new ConflictError('This committee is inactive: reactivate it before scheduling a meeting.');
      const agenda = input.agenda ?? [];
      await assertActiveUsers(
        db,
        agenda.map((a) => a.presenterId),
        'agenda',
      );
      return db.transaction().execute(async (trx) => {
        const row = await repo.insertMeeting(trx, {
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
        });
        await insertAgenda(trx, row.id, c.site_id, agenda);
        const members = await committeesRepo.seatsOf(trx, c.id);
        await repo.insertRoster(
          trx,
          members.map((mb) => ({
            meeting_id: row.id,
            user_id: mb.user_id,
            site_id: c.site_id,
            committee_role: mb.role,
            status: null,
            note: null,
          })),
        );
        await recordAudit(trx, actor, {
          action: 'meeting.created',
          entityType: 'meeting',
          entityId: row.id,
          siteId: row.site_id,
          after: { ...row, agenda },
        });
        await syncMinutesObligation(obligations, trx, actor, row.id);
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
      const before = await meetingToRun(db, actor, id, parts);
      const location = patch.location !== undefined ? patch.location : before.location;
      const onlineUrl = patch.onlineUrl !== undefined ? patch.onlineUrl : before.online_url;
      if (!location && !onlineUrl)
        throw new ValidationError('A meeting needs a location, an online link, or both.', [
          { path: 'location', message: 'Give a location or an online link' },
        ]);
      return db.transaction().execute(async (trx) => {
        const after = await repo.touchMeeting(
          trx,
          id,
          patch.version,
          actor.userId,
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
        if (scheduleChanged || patch.title !== undefined)
          await syncMinutesObligation(obligations, trx, actor, id);
        return meetingView(trx, id);
      });
    },

    async transition(actor: Actor, id: string, body: z.infer<typeof meetingTransitionBody>) {
      const before = await meetingToRun(db, actor, id, []);
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
        const after = await repo.touchMeeting(trx, id, body.version, actor.userId, changes);
        await recordAudit(trx, actor, {
          action: `meeting.${body.transition}`,
          entityType: 'meeting',
          entityId: id,
          siteId: before.site_id,
          summary: body.reason,
          before,
          after,
        });
        await syncMinutesObligation(obligations, trx, actor, id);
        return meetingView(trx, id);
      });
    },
  };
}
