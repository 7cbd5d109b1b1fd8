import type { Db } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';
import type { Locale } from '../i18n/index.ts';
import { type ChainBreak, ChainWalker, chainKeyFor, eventHash, GENESIS_HASH } from './chain.ts';
import { redact } from './redact.ts';
import { type AuditSummary, renderSummary, storeSummary } from './summary.ts';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string | null;
  siteId: string | null;
  /**
   * What the event was, in a line: a message (`platformMessage`, the module's own) whose parameters are the
   * event's facts, shown in the reader's language; or what a user typed (a note, a reason), as typed.
   */
  summary?: AuditSummary;
  before?: unknown;
  after?: unknown;
  /** Extra field names to redact for this entity (health details). */
  redact?: ReadonlySet<string>;
};

/**
 * Appends one event to the chain of its site, inside the caller's transaction, so the change and its
 * audit record commit or vanish together. The chain head row is locked: writers of one site queue,
 * writers of different sites do not.
 */
export async function recordAudit(trx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  const chainKey = chainKeyFor(entry.siteId);
  await trx
    .insertInto('audit_chains')
    .values({ chain_key: chainKey, last_seq: 0, last_hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('chain_key').doNothing())
    .execute();
  const head = await trx
    .selectFrom('audit_chains')
    .select(['last_seq', 'last_hash'])
    .where('chain_key', '=', chainKey)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const text = storeSummary(entry.summary, entry.redact);
  const fields = {
    chainKey,
    seq: Number(head.last_seq) + 1,
    prevHash: head.last_hash,
    occurredAt: new Date(),
    actorId: actor.userId,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    siteId: entry.siteId,
    summary: text.summary,
    summaryKey: text.summaryKey,
    summaryParams: text.summaryParams,
    // Stored exactly as hashed: redacted, dates as ISO strings, keys canonical on read.
    before:
      entry.before === undefined ? null : JSON.parse(JSON.stringify(redact(entry.before, entry.redact))),
    after: entry.after === undefined ? null : JSON.parse(JSON.stringify(redact(entry.after, entry.redact))),
  };
  const hash = eventHash(fields);
  await trx
    .insertInto('audit_events')
    .values({
      chain_key: fields.chainKey,
      seq: fields.seq,
      prev_hash: fields.prevHash,
      hash,
      occurred_at: fields.occurredAt,
      actor_id: fields.actorId,
      actor_label: fields.actorLabel,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      site_id: fields.siteId,
      summary: fields.summary,
      // Only with a message: the migrations before 0029, which added these columns, write events too.
      ...(fields.summaryKey === null
        ? {}
        : { summary_key: fields.summaryKey, summary_params: JSON.stringify(fields.summaryParams) }),
      before: fields.before === null ? null : JSON.stringify(fields.before),
      after: fields.after === null ? null : JSON.stringify(fields.after),
      request_id: actor.requestId ?? null,
    })
    .execute();
  await trx
    .updateTable('audit_chains')
    .set({ last_seq: fields.seq, last_hash: hash })
    .where('chain_key', '=', chainKey)
    .execute();
}

/** A rewrite of a chain that removed details from its events, recorded as an `audit.redacted` event. */
export type Redaction = { chainKey: string; seq: number; occurredAt: string; summary: string | null };
export type VerifyReport = { chains: number; events: number; breaks: ChainBreak[]; redactions: Redaction[] };

/**
 * Checks every chain, reading each in pages so a long history verifies in bounded memory. The redactions'
 * summaries are in `locale`.
 */
export async function verifyAuditChains(
  db: Db,
  { locale = 'en', pageSize = 5000 }: { locale?: Locale; pageSize?: number } = {},
): Promise<VerifyReport> {
  const heads = await db.selectFrom('audit_chains').selectAll().orderBy('chain_key').execute();
  const present = await db.selectFrom('audit_events').select('chain_key').distinct().execute();
  const keys = new Set([...heads.map((h) => h.chain_key), ...present.map((p) => p.chain_key)]);
  const breaks: ChainBreak[] = [];
  let events = 0;
  for (const chainKey of [...keys].sort()) {
    const head = heads.find((h) => h.chain_key === chainKey);
    const walker = new ChainWalker(chainKey);
    let found: ChainBreak | null = null;
    let after = 0;
    while (!found) {
      const page = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('chain_key', '=', chainKey)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      for (const r of page) {
        found = walker.next({
          id: Number(r.id),
          hash: r.hash,
          chainKey: r.chain_key,
          seq: Number(r.seq),
          prevHash: r.prev_hash,
          occurredAt: r.occurred_at,
          actorId: r.actor_id,
          actorLabel: r.actor_label,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          siteId: r.site_id,
          summary: r.summary,
          // Absent before migration 0029 (a migration verifies chains too): hashed as null.
          summaryKey: r.summary_key ?? null,
          summaryParams: r.summary_params ?? null,
          before: r.before,
          after: r.after,
        });
        if (found) break;
      }
      if (page.length < pageSize) break;
      after = Number(page[page.length - 1].seq);
    }
    found ??= walker.finish(head ? { lastSeq: Number(head.last_seq), lastHash: head.last_hash } : null);
    events += walker.count;
    if (found) breaks.push(found);
  }
  const redactions = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', 'audit.redacted')
    .orderBy('chain_key')
    .orderBy('seq')
    .execute();
  return {
    chains: keys.size,
    events,
    breaks,
    redactions: redactions.map((r) => ({
      chainKey: r.chain_key,
      seq: Number(r.seq),
      occurredAt: r.occurred_at.toISOString(),
      summary: renderSummary(locale, r),
    })),
  };
}
