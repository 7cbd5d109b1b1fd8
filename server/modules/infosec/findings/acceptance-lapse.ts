import type { Db } from '../../../db/types.ts';
import { systemActor } from '../../../platform/access/actor.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { infosecMessage } from '../messages.ts';

/**
 * A finding whose accepted risk has run out is open again: the acceptance held to the end of its expiry day,
 * so on the day after, the finding is back among the open ones with its due date, and the acceptance it had
 * (approver, expiry, reason) stays on it as history. Run nightly; a finding accepted anew in between is left
 * alone (its expiry has moved).
 */
export function createAcceptanceLapse(db: Db, now: () => Date = () => new Date()) {
  return {
    async reopenLapsed() {
      // The day as the findings' due dates count it (UTC, like the service).
      const today = now().toISOString().slice(0, 10);
      const actor = systemActor('infosec.actor.acceptanceLapse');
      return db.transaction().execute(async (trx) => {
        const reopened = await trx
          .updateTable('infosec_findings')
          .set((eb) => ({
            status: 'open',
            version: eb('version', '+', 1),
            updated_at: new Date(),
            updated_by: null,
          }))
          .where('status', '=', 'accepted')
          .where('accepted_until', '<', today)
          .returningAll()
          .execute();
        for (const after of reopened)
          await recordAudit(trx, actor, {
            action: 'infosec.finding.acceptance_lapsed',
            entityType: 'infosec_finding',
            entityId: after.id,
            siteId: after.site_id,
            summary: infosecMessage('infosec.audit.finding', { title: after.title }),
            before: { ...after, status: 'accepted', version: after.version - 1 },
            after,
          });
        return { reopened: reopened.length };
      });
    },
  };
}
