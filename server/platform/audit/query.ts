import { sql } from 'kysely';
import type { z } from 'zod';
import type { auditListQuery } from '#shared/platform/audit/contract.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { listPage } from '../../db/paging.ts';
import type { AuditEventRow } from '../../db/schema.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';
import { access } from '../access/service.ts';
import { inScopeGroupRowsForGroupOnly } from '../access/sql.ts';
import { ForbiddenError } from '../http/errors.ts';
import { type Locale, matchingKeys } from '../i18n/index.ts';
import { chainKeyFor } from './chain.ts';
import { verifyAuditChains } from './service.ts';
import { renderActor, renderSummary } from './summary.ts';

/** An event as the reader sees it: its summary in the reader's language, its key and facts beside it. */
const toView = (locale: Locale) => (r: AuditEventRow) => ({
  id: Number(r.id),
  chainKey: r.chain_key,
  seq: Number(r.seq),
  occurredAt: r.occurred_at.toISOString(),
  actorId: r.actor_id,
  actorLabel: renderActor(locale, r),
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  siteId: r.site_id,
  summary: renderSummary(locale, r),
  summaryKey: r.summary_key,
  summaryParams: r.summary_params,
  before: r.before,
  after: r.after,
  requestId: r.request_id,
  hash: r.hash,
});

/** Reading the audit log: auditors see the events of the sites in their scope; group events need group scope. */
export function createAuditService(db: Db) {
  return {
    async list(actor: Actor, q: z.infer<typeof auditListQuery>) {
      const scope = access.listScope(actor, 'audit.read');
      let base = db
        .selectFrom('audit_events')
        .selectAll()
        .where((eb) => inScopeGroupRowsForGroupOnly(eb, 'site_id', scope));
      if (q.entityType) base = base.where('entity_type', '=', q.entityType);
      if (q.entityId) base = base.where('entity_id', '=', q.entityId);
      if (q.action) base = base.where('action', '=', q.action);
      if (q.actorId) base = base.where('actor_id', '=', q.actorId);
      // A site's events are its chain (chain_key is the site's id): filtered and sorted on the chain's index.
      if (q.siteId) base = base.where('chain_key', '=', chainKeyFor(q.siteId));
      if (q.from) base = base.where('occurred_at', '>=', new Date(`${q.from}T00:00:00Z`));
      if (q.to)
        base = base.where('occurred_at', '<', new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000));
      if (q.q) {
        // A summary matches by what was typed, by a fact (a parameter) or by the words of its message in the
        // reader's language.
        const p = likePattern(q.q);
        const keys = matchingKeys(actor.locale, q.q);
        base = base.where((eb) =>
          eb.or([
            eb('summary', 'ilike', p),
            sql<boolean>`exists (select 1 from jsonb_each_text(coalesce(audit_events.summary_params, '{}'::jsonb)) p where p.value ilike ${p})`,
            ...(keys.length ? [eb('summary_key', 'in', keys), eb('actor_label', 'in', keys)] : []),
            eb('actor_label', 'ilike', p),
            eb('action', 'ilike', p),
          ]),
        );
      }
      // In the chain's own order, that of the ids (each append locks the chain's head). Sorting one site's
      // events by id has the planner walk the whole log backwards past every other site's events instead
      // (780,000 rows for a page at ten times the demo group).
      return listPage(db, base, q, {
        sortColumn: q.siteId ? 'seq' : 'id',
        tieBreaker: q.siteId ? 'seq' : 'id',
        toView: toView(actor.locale),
      });
    },

    async verify(actor: Actor) {
      // Chains span every site: verifying them is for auditors of the whole group.
      if (access.listScope(actor, 'audit.read') !== 'all') throw new ForbiddenError('audit.read');
      const report = await verifyAuditChains(db, { locale: actor.locale });
      return { ok: report.breaks.length === 0, ...report };
    },
  };
}
