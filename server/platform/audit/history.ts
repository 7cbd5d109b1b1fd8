import { bulkInsert } from '../../db/bulk.ts';
import type { Db } from '../../db/types.ts';
import { chainKeyFor, eventHash, GENESIS_HASH } from './chain.ts';
import { redact } from './redact.ts';
import type { AuditEntry } from './service.ts';
import { storeSummary } from './summary.ts';

/** One event of a history being loaded: who did it and when, as the records it comes with say. */
export type HistoricalAuditEntry = AuditEntry & {
  occurredAt: Date;
  actor: { userId: string | null; label: string };
};

/**
 * Writes the history of records loaded in bulk (a demo, a migration from another system) as the chains
 * the records would have made had they been entered one by one: each event dated when its record was made,
 * chained in that order, hashed as `recordAudit` hashes. Only into chains that hold nothing yet: a history
 * is written first, never slipped under events already recorded. Returns the number of events written.
 */
export async function recordAuditHistory(
  trx: Db,
  entries: readonly HistoricalAuditEntry[],
  onBatch?: (written: number, total: number) => void,
): Promise<number> {
  const byChain = new Map<string, HistoricalAuditEntry[]>();
  for (const e of entries) {
    const key = chainKeyFor(e.siteId);
    const list = byChain.get(key);
    if (list) list.push(e);
    else byChain.set(key, [e]);
  }
  if (byChain.size === 0) return 0;
  const taken = await trx
    .selectFrom('audit_chains')
    .select('chain_key')
    .where('chain_key', 'in', [...byChain.keys()])
    .where('last_seq', '>', 0)
    .execute();
  if (taken.length > 0)
    throw new Error(`An audit history goes only into empty chains; ${taken[0].chain_key} holds events.`);
  const rows: Record<string, unknown>[] = [];
  const heads: { chain_key: string; last_seq: number; last_hash: string }[] = [];
  for (const [chainKey, list] of [...byChain].sort(([a], [b]) => a.localeCompare(b))) {
    const ordered = list
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.occurredAt.getTime() - b.e.occurredAt.getTime() || a.i - b.i);
    let prevHash = GENESIS_HASH;
    let seq = 0;
    for (const { e } of ordered) {
      seq++;
      const text = storeSummary(e.summary, e.redact);
      const fields = {
        chainKey,
        seq,
        prevHash,
        occurredAt: e.occurredAt,
        actorId: e.actor.userId,
        actorLabel: e.actor.label,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        siteId: e.siteId,
        summary: text.summary,
        summaryKey: text.summaryKey,
        summaryParams: text.summaryParams,
        before: e.before === undefined ? null : JSON.parse(JSON.stringify(redact(e.before, e.redact))),
        after: e.after === undefined ? null : JSON.parse(JSON.stringify(redact(e.after, e.redact))),
      };
      const hash = eventHash(fields);
      rows.push({
        chain_key: chainKey,
        seq,
        prev_hash: prevHash,
        hash,
        occurred_at: fields.occurredAt.toISOString(),
        actor_id: fields.actorId,
        actor_label: fields.actorLabel,
        action: fields.action,
        entity_type: fields.entityType,
        entity_id: fields.entityId,
        site_id: fields.siteId,
        summary: fields.summary,
        summary_key: fields.summaryKey,
        summary_params: fields.summaryParams,
        before: fields.before,
        after: fields.after,
      });
      prevHash = hash;
    }
    heads.push({ chain_key: chainKey, last_seq: seq, last_hash: prevHash });
  }
  await bulkInsert(trx, 'audit_events', rows, { onBatch });
  await trx
    .insertInto('audit_chains')
    .values(heads)
    .onConflict((oc) =>
      oc.column('chain_key').doUpdateSet((eb) => ({
        last_seq: eb.ref('excluded.last_seq'),
        last_hash: eb.ref('excluded.last_hash'),
      })),
    )
    .execute();
  return rows.length;
}
