import type { Db } from '../../../db/types.ts';
import { type Actor, sitesWith } from '../../../platform/access/actor.ts';
import * as repo from './repo.ts';

/**
 * What another program may know of IP risk cases (exported by the index): the security incident's page lists
 * the risk cases that name it, those the reader may read in the IP program and no others.
 */
export function createIpRiskCaseLookup(db: Db) {
  return {
    async forIncident(actor: Actor, incidentId: string, handle: Db = db) {
      const rows = await repo.casesOfIncident(handle, incidentId, sitesWith(actor, 'ip.read', 'ip'));
      return rows.map((r) => ({
        id: r.id,
        reference: r.reference,
        kind: r.kind,
        direction: r.direction,
        title: r.title,
        step: r.step,
        stepOn: r.step_on,
        outcome: r.outcome,
      }));
    },
  };
}

export type IpRiskCaseLookup = ReturnType<typeof createIpRiskCaseLookup>;
