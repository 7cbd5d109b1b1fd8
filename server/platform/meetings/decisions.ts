import type { z } from 'zod';
import type { Program } from '#shared/platform/access/roles.ts';
import type { decisionBody } from '#shared/platform/meetings/contract.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { ConflictError } from '../http/errors.ts';
import { platformMessage, renderMessage } from '../i18n/index.ts';
import type { MeetingsDeps } from './deps.ts';
import { meetingToRun } from './guards.ts';
import * as repo from './meetings-repo.ts';
import { quorumSummary } from './quorum-summary.ts';
import { localStart, meetingView } from './views.ts';

/** The decisions a meeting takes, each optionally followed up as an action. */
export function createDecisionsService(deps: MeetingsDeps) {
  const { db, actions } = deps;
  return {
    /**
     * Records a decision of a held meeting with quorum. With `action`, the decision is followed up as an
     * action in the tracker (source: this meeting), created in the same transaction.
     */
    async addDecision(actor: Actor, id: string, body: z.infer<typeof decisionBody>) {
      const before = await meetingToRun(db, actor, id, ['decisions']);
      const current = await meetingView(db, id);
      if (!current.quorum.met)
        throw new ConflictError(
          `The meeting cannot take decisions. ${renderMessage(actor.locale, quorumSummary(current.quorum))}`,
          { quorum: current.quorum },
        );
      return db.transaction().execute(async (trx) => {
        await repo.touchMeeting(trx, id, body.version, actor.userId);
        const seq = await repo.nextDecisionSeq(trx, id);
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
                platformMessage('platform.action.fromDecision', {
                  seq,
                  committee: before.committee_name,
                  meeting: before.title,
                  date: localStart(before.scheduled_at, before.time_zone).slice(0, 10),
                  text: body.text,
                }),
              sourceType: 'meeting',
              sourceId: id,
              ownerId: body.action.ownerId,
              dueDate: body.action.dueDate,
            },
            trx,
          );
          actionId = action.id;
        }
        const row = await repo.insertDecision(trx, {
          meeting_id: id,
          site_id: before.site_id,
          seq,
          text: body.text,
          action_id: actionId,
          created_by: actor.userId,
        });
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
