import type { z } from 'zod';
import type { Program } from '#shared/platform/access/roles.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import type {
  committeeInput,
  committeeListQuery,
  committeePatch,
} from '#shared/platform/meetings/contract.ts';
import { type CommitteeRole, checkSeat } from '#shared/platform/meetings/rules/committee.ts';
import { paginate } from '../../db/paging.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import type { Actor } from '../access/actor.ts';
import { access } from '../access/service.ts';
import { recordAudit } from '../audit/service.ts';
import { ValidationError } from '../http/errors.ts';
import * as repo from './committees-repo.ts';
import type { MeetingsDeps } from './deps.ts';
import {
  assertActiveUsers,
  assertManage,
  assertRead,
  assertSignedIn,
  committeeOrNotFound,
} from './guards.ts';
import { committeeView, toCommitteeView } from './views.ts';

/** Committees: listed, read, set up with their first members, and changed. */
export function createCommitteesService(deps: MeetingsDeps) {
  const { db } = deps;
  return {
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
      const { items, ...paging } = await paginate<repo.CommitteeRow>(db, base, {
        sortColumn,
        order: q.order,
        tieBreaker: 'c.id',
        page: q.page,
        cursor: q.cursor,
        count: q.count,
        pageSize: q.pageSize,
      });
      const members = await repo.membersOf(
        db,
        items.map((c) => c.id),
      );
      return {
        items: items.map((c) => toCommitteeView(deps, c, members.get(c.id) ?? [], actor.locale)),
        ...paging,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async getCommittee(actor: Actor, id: string) {
      const c = await committeeOrNotFound(db, id);
      assertRead(actor, c, await repo.roleOn(db, id, actor.userId), 'committee');
      return committeeView(deps, db, id, actor.locale);
    },

    async createCommittee(actor: Actor, input: z.infer<typeof committeeInput>) {
      const program = (input.program ?? undefined) as Program | undefined;
      if (input.level === 'site')
        access.assert(actor, {
          permission: 'meetings.manage',
          siteId: input.siteId as string,
          what: 'site',
          program,
        });
      else
        access.assert(actor, {
          permission: 'meetings.group.manage',
          siteId: null,
          what: 'committee',
          program,
        });
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
      await assertActiveUsers(db, userIds, 'members');
      return db.transaction().execute(async (trx) => {
        const row = await repo.insertCommittee(trx, {
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
        });
        const memberRows = await repo.insertMembers(
          trx,
          members.map((m) => ({
            committee_id: row.id,
            site_id: row.site_id,
            user_id: m.userId,
            role: m.role,
            title: m.title ?? null,
            created_by: actor.userId,
          })),
        );
        await recordAudit(trx, actor, {
          action: 'committee.created',
          entityType: 'committee',
          entityId: row.id,
          siteId: row.site_id,
          after: { ...row, members: memberRows },
        });
        return committeeView(deps, trx, row.id, actor.locale);
      });
    },

    async updateCommittee(actor: Actor, id: string, patch: z.infer<typeof committeePatch>) {
      const before = await committeeOrNotFound(db, id);
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
        return committeeView(deps, trx, id, actor.locale);
      });
    },
  };
}
