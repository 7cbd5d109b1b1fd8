import type { z } from 'zod';
import type { attendanceBody } from '#shared/platform/meetings/contract.ts';
import type { CommitteeRole } from '#shared/platform/meetings/rules/committee.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { ValidationError } from '../http/errors.ts';
import * as committeesRepo from './committees-repo.ts';
import type { MeetingsDeps } from './deps.ts';
import { meetingToRun } from './guards.ts';
import * as repo from './meetings-repo.ts';
import { quorumSummary } from './quorum-summary.ts';
import { meetingView } from './views.ts';

/** Who attended a meeting, which decides its quorum. */
export function createAttendanceService(deps: MeetingsDeps) {
  const { db } = deps;
  return {
    /** Records how members attended; members who joined the committee since the meeting was planned may be added. */
    async setAttendance(actor: Actor, id: string, body: z.infer<typeof attendanceBody>) {
      const before = await meetingToRun(db, actor, id, ['attendance']);
      const ids = body.entries.map((e) => e.userId);
      if (new Set(ids).size !== ids.length)
        throw new ValidationError('Each member appears once.', [
          { path: 'entries', message: 'The same user appears twice' },
        ]);
      const roster = new Map((await repo.attendanceOf(db, id)).map((a) => [a.user_id, a.committee_role]));
      const members = new Map(
        (await committeesRepo.seatsOf(db, before.committee_id)).map((m) => [m.user_id, m.role]),
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
        await repo.touchMeeting(trx, id, body.version, actor.userId);
        for (const e of body.entries) {
          const role = (roster.get(e.userId) ?? members.get(e.userId)) as CommitteeRole;
          await repo.recordAttendance(trx, {
            meeting_id: id,
            user_id: e.userId,
            site_id: before.site_id,
            committee_role: role,
            status: e.status,
            note: e.note ?? null,
          });
        }
        const view = await meetingView(trx, id);
        await recordAudit(trx, actor, {
          action: 'meeting.attendance_recorded',
          entityType: 'meeting',
          entityId: id,
          siteId: before.site_id,
          summary: quorumSummary(view.quorum),
          before: { attendance: previous },
          // The quorum's facts; its reasons in words are the summary's, in the reader's language.
          after: { attendance: view.attendance, quorum: view.quorum },
        });
        return view;
      });
    },
  };
}
