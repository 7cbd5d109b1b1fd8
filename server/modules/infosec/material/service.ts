import type { z } from 'zod';
import type {
  MaterialDecisionView,
  materialDecisionInput,
} from '#shared/modules/infosec/material/contract.ts';
import type { Db } from '../../../db/types.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import type { UsersService } from '../../../platform/users/service.ts';
import { INCIDENT_SOURCE } from '../clocks.ts';
import * as incidentsRepo from '../repo.ts';
import { assertMayRead, type Visibility } from '../visibility.ts';
import { materialMessage } from './messages.ts';
import * as repo from './repo.ts';

const PROGRAM = 'infosec' as const;
/** A little slack for the decider's clock running ahead of the server's. */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * Whether a security incident is material: decided by the security team or the program owner
 * (`infosec.disclose` at the incident's site), with who, when and why; the latest decision stands and
 * feeds the Board report's count of material incidents.
 */
export function createMaterialDecisionsService(deps: { db: Db; users: UsersService; now: () => Date }) {
  const { db, users, now } = deps;

  async function incidentOf(handle: Db, actor: Actor, id: string) {
    const row = await incidentsRepo.incidentRows(handle).where('i.id', '=', id).executeTakeFirst();
    const links = row ? await incidentsRepo.incidentLinks(handle, id) : null;
    if (!row || !links) throw new NotFoundError('incident');
    const visibility: Visibility = { ...row, namedUserIds: links.userIds };
    assertMayRead(actor, visibility);
    return row;
  }

  const mayDecide = (actor: Actor, siteId: string) => {
    try {
      access.assert(actor, { permission: 'infosec.disclose', siteId, what: 'incident', program: PROGRAM });
      return true;
    } catch {
      return false;
    }
  };

  async function views(handle: Db, incidentId: string): Promise<MaterialDecisionView[]> {
    const rows = await repo.decisionsOf(handle, incidentId);
    const names = await users.displayNames(
      rows.flatMap((r) => (r.decided_by ? [r.decided_by] : [])),
      handle,
    );
    return rows.map((r) => ({
      id: r.id,
      incidentId: r.incident_id,
      material: r.material,
      reason: r.reason,
      decidedAt: r.decided_at.toISOString(),
      decidedById: r.decided_by,
      decidedByName: r.decided_by ? (names.get(r.decided_by) ?? null) : null,
    }));
  }

  return {
    async list(actor: Actor, incidentId: string) {
      const row = await incidentOf(db, actor, incidentId);
      const history = await views(db, incidentId);
      return { current: history[0] ?? null, history, mayDecide: mayDecide(actor, row.site_id) };
    },

    async decide(actor: Actor, incidentId: string, input: z.infer<typeof materialDecisionInput>) {
      const decidedAt = input.decidedAt ? new Date(input.decidedAt) : now();
      if (decidedAt.getTime() > now().getTime() + FUTURE_SLACK_MS)
        throw new ValidationError('That time is in the future.', [
          { path: 'decidedAt', message: 'In the future' },
        ]);
      return db.transaction().execute(async (trx) => {
        const row = await incidentOf(trx, actor, incidentId);
        access.assert(actor, {
          permission: 'infosec.disclose',
          siteId: row.site_id,
          what: 'incident',
          program: PROGRAM,
        });
        if (decidedAt.getTime() < row.aware_at.getTime())
          throw new ValidationError('A decision cannot come before the incident was noticed.', [
            { path: 'decidedAt', message: 'Before the incident was noticed' },
          ]);
        const saved = await trx
          .insertInto('infosec_material_decisions')
          .values({
            incident_id: incidentId,
            site_id: row.site_id,
            material: input.material,
            reason: input.reason,
            decided_at: decidedAt,
            decided_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'infosec.incident.material_decided',
          entityType: INCIDENT_SOURCE,
          entityId: incidentId,
          siteId: row.site_id,
          summary: materialMessage('infosec.audit.materialDecided', {
            reference: row.reference,
            material: input.material ? 'yes' : 'no',
          }),
          after: saved,
        });
        return (await views(trx, incidentId))[0];
      });
    },

    /** A year's incidents by their standing decision, in the reader's scope. */
    async yearCounts(actor: Actor, year: number, timeZone: string) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      return repo.yearDecisionCounts(db, scope, year, timeZone);
    },
  };
}

export type MaterialDecisionsService = ReturnType<typeof createMaterialDecisionsService>;
