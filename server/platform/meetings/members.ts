import type { z } from 'zod';
import type { memberInput } from '#shared/platform/meetings/contract.ts';
import { checkSeat } from '#shared/platform/meetings/rules/committee.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { ConflictError, NotFoundError } from '../http/errors.ts';
import * as repo from './committees-repo.ts';
import type { MeetingsDeps } from './deps.ts';
import { assertActiveUsers, assertManage, committeeOrNotFound } from './guards.ts';
import * as meetingsRepo from './meetings-repo.ts';
import { resyncOpenMeetings } from './minutes-obligation.ts';
import { committeeView } from './views.ts';

/** A committee's membership: who joins and leaves, and what that changes for its open meetings. */
export function createMembersService(deps: MeetingsDeps) {
  const { db, obligations } = deps;
  return {
    async addMember(actor: Actor, committeeId: string, input: z.infer<typeof memberInput>) {
      const c = await committeeOrNotFound(db, committeeId);
      assertManage(actor, c, await repo.roleOn(db, committeeId, actor.userId), 'committee');
      await assertActiveUsers(db, [input.userId], 'userId');
      const current = await repo.seatsOf(db, committeeId);
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
        const [row] = await repo.insertMembers(trx, [
          {
            committee_id: committeeId,
            site_id: c.site_id,
            user_id: input.userId,
            role: input.role,
            title: input.title ?? null,
            created_by: actor.userId,
          },
        ]);
        // Planned meetings expect the new member.
        const planned = await meetingsRepo.meetingIdsOf(trx, committeeId, ['planned']);
        await meetingsRepo.addToRosters(trx, planned, {
          userId: input.userId,
          siteId: c.site_id,
          role: input.role,
        });
        await recordAudit(trx, actor, {
          action: 'committee.member_added',
          entityType: 'committee',
          entityId: committeeId,
          siteId: c.site_id,
          after: row,
        });
        if (input.role === 'secretary') await resyncOpenMeetings(obligations, trx, actor, committeeId);
        return committeeView(deps, trx, committeeId, actor.locale);
      });
    },

    async removeMember(actor: Actor, memberId: string) {
      const member = await repo.memberById(db, memberId);
      if (!member) throw new NotFoundError('committee member');
      const c = await committeeOrNotFound(db, member.committee_id);
      assertManage(actor, c, await repo.roleOn(db, c.id, actor.userId), 'committee member');
      return db.transaction().execute(async (trx) => {
        await repo.deleteMember(trx, memberId);
        // Planned meetings no longer expect them, unless their attendance is already recorded.
        await meetingsRepo.dropUnrecordedAttendance(trx, c.id, member.user_id);
        await recordAudit(trx, actor, {
          action: 'committee.member_removed',
          entityType: 'committee',
          entityId: c.id,
          siteId: c.site_id,
          before: member,
        });
        if (member.role === 'secretary') await resyncOpenMeetings(obligations, trx, actor, c.id);
        return committeeView(deps, trx, c.id, actor.locale);
      });
    },
  };
}
