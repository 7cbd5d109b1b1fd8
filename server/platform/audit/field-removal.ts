import { sql } from 'kysely';
import type { Db } from '../../db/types.ts';
import { systemActor } from '../access/actor.ts';
import { platformMessage } from '../i18n/index.ts';
import {
  type ChainedFields,
  ChainWalker,
  canonicalJson,
  chainKeyFor,
  eventHash,
  GENESIS_HASH,
} from './chain.ts';
import { recordAudit } from './service.ts';

/**
 * Takes fields out of audit events already stored (personal data that events written by an earlier version
 * carried), the way migration 0015 took health details out: the chains holding such an event are verified
 * first (a chain already broken is not rewritten, which would hide the break: the call fails, naming it), each
 * is hashed again from its first rewritten event on and its head moved, and each gets an `audit.redacted`
 * event of its own saying how many events changed, from which event it was hashed again and what its head was,
 * so that `steward audit verify` passes and lists the rewrite. Meant for a data migration: it runs before any
 * service writes to the log, and switches the log's no-update trigger off while it rewrites.
 */
export type AuditFieldRemoval = {
  /** The events to look at: those of these entity types. */
  entityTypes: readonly string[];
  /** Top-level keys of `before`/`after` whose presence marks an event to rewrite. */
  fields: readonly string[];
  /** The event's before or after as it is to be kept (called only on an object holding one of `fields`). */
  scrub: (value: Record<string, unknown>) => Record<string, unknown>;
  /** Who rewrote the chain, as the `audit.redacted` event names it (a message key of the platform). */
  actorLabel?: string;
  pageSize?: number;
};

export type ChainRewrite = { chainKey: string; fromSeq: number; events: number; previousHead: string };

type Row = {
  id: string | number;
  chain_key: string;
  seq: string | number;
  prev_hash: string;
  hash: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  site_id: string | null;
  summary: string | null;
  summary_key: string | null;
  summary_params: unknown;
  before: unknown;
  after: unknown;
};

const fieldsOf = (r: Row): ChainedFields => ({
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
  summaryKey: r.summary_key ?? null,
  summaryParams: r.summary_params ?? null,
  before: r.before,
  after: r.after,
});

function page(db: Db, chainKey: string, afterSeq: number, size: number): Promise<Row[]> {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('chain_key', '=', chainKey)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(size)
    .execute() as Promise<Row[]>;
}

async function assertIntact(db: Db, chainKey: string, size: number) {
  const walker = new ChainWalker(chainKey);
  let after = 0;
  for (;;) {
    const rows = await page(db, chainKey, after, size);
    for (const r of rows) {
      const broken = walker.next({ ...fieldsOf(r), id: Number(r.id), hash: r.hash });
      if (broken)
        throw new Error(
          `The audit chain ${chainKey} is broken (${broken.detail}); run \`steward audit verify\` and restore it before taking fields out of it.`,
        );
    }
    if (rows.length < size) break;
    after = Number(rows[rows.length - 1].seq);
  }
  const head = await db
    .selectFrom('audit_chains')
    .select(['last_seq', 'last_hash'])
    .where('chain_key', '=', chainKey)
    .executeTakeFirst();
  const broken = walker.finish(head ? { lastSeq: Number(head.last_seq), lastHash: head.last_hash } : null);
  if (broken) throw new Error(`The audit chain ${chainKey} is broken (${broken.detail}).`);
}

export async function removeAuditFields(db: Db, removal: AuditFieldRemoval): Promise<ChainRewrite[]> {
  const size = removal.pageSize ?? 2000;
  const types = new Set(removal.entityTypes);
  const fields = [...removal.fields];
  const holds = (v: unknown): v is Record<string, unknown> =>
    !!v && typeof v === 'object' && !Array.isArray(v) && fields.some((f) => f in (v as object));
  const keys = sql`array[${sql.join(fields.map((f) => sql.lit(f)))}]::text[]`;
  const candidates = await db
    .selectFrom('audit_events')
    .select(['chain_key', sql<string>`min(seq)`.as('first')])
    .where('entity_type', 'in', [...types])
    .where(sql<boolean>`((jsonb_typeof(before) = 'object' and before ?| ${keys})
      or (jsonb_typeof(after) = 'object' and after ?| ${keys}))`)
    .groupBy('chain_key')
    .orderBy('chain_key')
    .execute();
  if (candidates.length === 0) return [];

  for (const c of candidates) await assertIntact(db, c.chain_key, size);
  const rewritten: ChainRewrite[] = [];
  await sql`alter table audit_events disable trigger audit_events_no_update`.execute(db);
  for (const c of candidates) {
    const fromSeq = Number(c.first);
    const head = await db
      .selectFrom('audit_chains')
      .select('last_hash')
      .where('chain_key', '=', c.chain_key)
      .executeTakeFirstOrThrow();
    const previous = await db
      .selectFrom('audit_events')
      .select('hash')
      .where('chain_key', '=', c.chain_key)
      .where('seq', '=', fromSeq - 1)
      .executeTakeFirst();
    let prevHash = previous?.hash ?? GENESIS_HASH;
    let lastSeq = fromSeq - 1;
    let events = 0;
    for (;;) {
      const rows = await page(db, c.chain_key, lastSeq, size);
      for (const r of rows) {
        const touched = types.has(r.entity_type) && (holds(r.before) || holds(r.after));
        const before = touched && holds(r.before) ? removal.scrub(r.before) : r.before;
        const after = touched && holds(r.after) ? removal.scrub(r.after) : r.after;
        // Stored exactly as hashed (jsonb gives keys back in its own order; the hash is of canonical JSON).
        const next = { ...fieldsOf(r), prevHash, before, after };
        const hash = eventHash(next);
        await db
          .updateTable('audit_events')
          .set({
            prev_hash: prevHash,
            hash,
            ...(touched
              ? {
                  before: before == null ? null : canonicalJson(before),
                  after: after == null ? null : canonicalJson(after),
                }
              : {}),
          })
          .where('id', '=', Number(r.id))
          .execute();
        if (touched) events++;
        prevHash = hash;
        lastSeq = Number(r.seq);
      }
      if (rows.length < size) break;
    }
    await db
      .updateTable('audit_chains')
      .set({ last_seq: lastSeq, last_hash: prevHash })
      .where('chain_key', '=', c.chain_key)
      .execute();
    rewritten.push({ chainKey: c.chain_key, fromSeq, events, previousHead: head.last_hash });
  }
  await sql`alter table audit_events enable trigger audit_events_no_update`.execute(db);

  const actor = systemActor(removal.actorLabel);
  for (const r of rewritten)
    await recordAudit(db, actor, {
      action: 'audit.redacted',
      entityType: 'audit_chain',
      entityId: r.chainKey,
      siteId: r.chainKey === chainKeyFor(null) ? null : r.chainKey,
      summary: platformMessage('platform.audit.fieldsRemoved', { events: r.events, fromSeq: r.fromSeq }),
      after: { fromSeq: r.fromSeq, events: r.events, previousHead: r.previousHead },
    });
  return rewritten;
}
