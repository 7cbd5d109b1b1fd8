import type { z } from 'zod';
import type { agendaBody, agendaItemInput } from '#shared/platform/meetings/contract.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/service.ts';
import type { MeetingsDeps } from './deps.ts';
import { assertActiveUsers, meetingToRun } from './guards.ts';
import * as repo from './meetings-repo.ts';
import { meetingView } from './views.ts';

/** Writes a meeting's agenda items, numbered in the order given. */
export async function insertAgenda(
  trx: Db,
  meetingId: string,
  siteId: string | null,
  items: z.infer<typeof agendaItemInput>[],
) {
  await repo.insertAgenda(
    trx,
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
  );
}

/** A meeting's agenda. */
export function createAgendaService(deps: MeetingsDeps) {
  const { db } = deps;
  return {
    /** Replaces the agenda with these items, in this order. */
    async setAgenda(actor: Actor, id: string, body: z.infer<typeof agendaBody>) {
      const before = await meetingToRun(db, actor, id, ['agenda']);
      await assertActiveUsers(
        db,
        body.items.map((a) => a.presenterId),
        'items',
      );
      return db.transaction().execute(async (trx) => {
        const previous = await repo.agendaOf(trx, id);
        await repo.touchMeeting(trx, id, body.version, actor.userId);
        await repo.deleteAgenda(trx, id);
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
  };
}
