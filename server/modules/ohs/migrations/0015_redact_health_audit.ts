import { type Kysely, sql } from 'kysely';
import type { Db } from '../../../db/types.ts';
import { systemActor } from '../../../platform/access/actor.ts';
import {
  ChainWalker,
  canonicalJson,
  chainKeyFor,
  eventHash,
  GENESIS_HASH,
} from '../../../platform/audit/chain.ts';
import { recordAudit } from '../../../platform/audit/service.ts';

/**
 * Health details out of the audit log of an existing installation. Until now a recorded screening carried the
 * person, the kind of screening, the date, the provider and the cost in clear, and its findings as unsalted
 * SHA-256 hashes that a dictionary of a few values reverses; the follow-up's obligation told, by its mere
 * existence and its title, that the result was abnormal. Every such event now keeps only the action, the
 * record's id, who and when:
 *
 * - a recorded screening becomes `health.record.created` on a `health_record`;
 * - a consultation, and any event of a health follow-up's obligation, becomes `health.record.updated`;
 * - a read keeps `health.records.read`, with the ids of the records read (no person, no summary).
 *
 * Rewriting an event changes its hash, so each chain that held one is hashed again from its first rewritten
 * event on, and the head moves with it. The chain is verified first: a chain already broken is not rewritten
 * (that would hide the break) and the migration stops, naming it. Each rewritten chain then gets an
 * `audit.redacted` event of its own, saying from which event it was hashed again and what its head was, so
 * `steward audit verify` passes and reports the redaction. The follow-ups' obligations and the notifications
 * sent of them take the neutral title.
 */

const HEALTH_FOLLOWUP = 'ohs.health_followup';
const OLD_TITLE = 'Follow-up consultation after a health screening';
const NEW_TITLE = 'Health record review';
const PAGE = 2000;

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
  before: unknown;
  after: unknown;
};

type Neutral = Pick<Row, 'action' | 'entity_type' | 'entity_id' | 'summary' | 'before' | 'after'>;

function isHealthEvent(r: Row, followupObligations: Set<string>): boolean {
  if (r.entity_type.startsWith('health_')) return true;
  if (r.entity_type !== 'obligation') return false;
  if (r.entity_id && followupObligations.has(r.entity_id)) return true;
  return [r.before, r.after].some(
    (v) => !!v && typeof v === 'object' && (v as { kind?: unknown }).kind === HEALTH_FOLLOWUP,
  );
}

/** The screening a follow-up event names (its row may be gone). */
function screeningNamed(...values: unknown[]): string | null {
  for (const v of values) {
    const id = v && typeof v === 'object' ? (v as { screening_id?: unknown }).screening_id : undefined;
    if (typeof id === 'string') return id;
  }
  return null;
}

function neutral(r: Row, screeningOfFollowup: Map<string, string>): Neutral {
  const bare = { summary: null, before: null, after: null };
  if (r.action === 'health.records.read') {
    const read = (r.after ?? {}) as { screenings?: unknown };
    const ids = Array.isArray(read.screenings) ? read.screenings.map(String) : [];
    return {
      action: r.action,
      entity_type: 'health_record',
      entity_id: r.entity_id,
      ...bare,
      after: r.entity_id === null && ids.length ? { records: ids } : null,
    };
  }
  if (r.action === 'health.screening.recorded')
    return { action: 'health.record.created', entity_type: 'health_record', entity_id: r.entity_id, ...bare };
  if (r.entity_type === 'health_followup')
    return {
      action: 'health.record.updated',
      entity_type: 'health_record',
      entity_id:
        (r.entity_id && screeningOfFollowup.get(r.entity_id)) ??
        screeningNamed(r.after, r.before) ??
        r.entity_id,
      ...bare,
    };
  return { action: 'health.record.updated', entity_type: 'health_record', entity_id: r.entity_id, ...bare };
}

const fieldsOf = (r: Row) => ({
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
  before: r.before,
  after: r.after,
});

async function page(db: Db, chainKey: string, afterSeq: number): Promise<Row[]> {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('chain_key', '=', chainKey)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(PAGE)
    .execute() as Promise<Row[]>;
}

/** Fails on a chain that is broken before anything is rewritten: recomputing its hashes would hide the break. */
async function assertIntact(db: Db, chainKey: string) {
  const walker = new ChainWalker(chainKey);
  let after = 0;
  for (;;) {
    const rows = await page(db, chainKey, after);
    for (const r of rows) {
      const broken = walker.next({ ...fieldsOf(r), id: Number(r.id), hash: r.hash });
      if (broken)
        throw new Error(
          `The audit chain ${chainKey} is broken before the health redaction (${broken.detail}); run \`steward audit verify\` and restore it before migrating.`,
        );
    }
    if (rows.length < PAGE) break;
    after = Number(rows[rows.length - 1].seq);
  }
  const head = await db
    .selectFrom('audit_chains')
    .select(['last_seq', 'last_hash'])
    .where('chain_key', '=', chainKey)
    .executeTakeFirst();
  const broken = walker.finish(head ? { lastSeq: Number(head.last_seq), lastHash: head.last_hash } : null);
  if (broken)
    throw new Error(`The audit chain ${chainKey} is broken before the health redaction (${broken.detail}).`);
}

export async function up(raw: Kysely<unknown>): Promise<void> {
  const db = raw as unknown as Db;
  const obligations = await db
    .selectFrom('obligations')
    .select('id')
    .where('kind', '=', HEALTH_FOLLOWUP)
    .execute();
  const followupObligations = new Set(obligations.map((o) => String(o.id)));
  const followups = await db.selectFrom('health_followups').select(['id', 'screening_id']).execute();
  const screeningOfFollowup = new Map(followups.map((f) => [String(f.id), String(f.screening_id)]));

  // The chains holding a health event, and the first such event of each.
  const candidates = await db
    .selectFrom('audit_events')
    .select(['chain_key', sql<string>`min(seq)`.as('first')])
    .where((eb) =>
      eb.or([
        eb('entity_type', 'like', 'health\\_%'),
        eb.and([
          eb('entity_type', '=', 'obligation'),
          eb.or([
            sql<boolean>`after->>'kind' = ${HEALTH_FOLLOWUP}`,
            sql<boolean>`before->>'kind' = ${HEALTH_FOLLOWUP}`,
            ...(followupObligations.size ? [eb('entity_id', 'in', [...followupObligations])] : []),
          ]),
        ]),
      ]),
    )
    .groupBy('chain_key')
    .orderBy('chain_key')
    .execute();

  if (candidates.length) {
    for (const c of candidates) await assertIntact(db, c.chain_key);
    await sql`alter table audit_events disable trigger audit_events_no_update`.execute(db);
    const rewritten: { chainKey: string; fromSeq: number; events: number; previousHead: string }[] = [];
    for (const c of candidates) {
      const fromSeq = Number(c.first);
      const head = await db
        .selectFrom('audit_chains')
        .select(['last_seq', 'last_hash'])
        .where('chain_key', '=', c.chain_key)
        .executeTakeFirstOrThrow();
      const before = await db
        .selectFrom('audit_events')
        .select('hash')
        .where('chain_key', '=', c.chain_key)
        .where('seq', '=', fromSeq - 1)
        .executeTakeFirst();
      let prevHash = before?.hash ?? GENESIS_HASH;
      let lastSeq = fromSeq - 1;
      let redacted = 0;
      for (;;) {
        const rows = await page(db, c.chain_key, lastSeq);
        for (const r of rows) {
          const health = isHealthEvent(r, followupObligations);
          const content = health ? { ...r, ...neutral(r, screeningOfFollowup) } : r;
          // Stored exactly as hashed (jsonb gives keys back in its own order; the hash is of canonical JSON).
          const next = { ...fieldsOf(content as Row), prevHash };
          const hash = eventHash(next);
          await db
            .updateTable('audit_events')
            .set({
              prev_hash: prevHash,
              hash,
              ...(health
                ? {
                    action: next.action,
                    entity_type: next.entityType,
                    entity_id: next.entityId,
                    summary: null,
                    before: null,
                    after: next.after === null ? null : canonicalJson(next.after),
                  }
                : {}),
            })
            .where('id', '=', Number(r.id))
            .execute();
          if (health) redacted++;
          prevHash = hash;
          lastSeq = Number(r.seq);
        }
        if (rows.length < PAGE) break;
      }
      await db
        .updateTable('audit_chains')
        .set({ last_seq: lastSeq, last_hash: prevHash })
        .where('chain_key', '=', c.chain_key)
        .execute();
      rewritten.push({ chainKey: c.chain_key, fromSeq, events: redacted, previousHead: head.last_hash });
    }
    await sql`alter table audit_events enable trigger audit_events_no_update`.execute(db);

    // Written as events were written at this point of the migrations, with a sentence: the audit log gets the
    // columns of a summary's message key and facts only in migration 0029. It is shown as recorded.
    const actor = systemActor('migration 0015_redact_health_audit');
    for (const r of rewritten) {
      const siteId = r.chainKey === chainKeyFor(null) ? null : r.chainKey;
      await recordAudit(db, actor, {
        action: 'audit.redacted',
        entityType: 'audit_chain',
        entityId: r.chainKey,
        siteId,
        summary: `Health details removed from ${r.events} event(s); the chain was hashed again from event ${r.fromSeq}`,
        after: { fromSeq: r.fromSeq, events: r.events, previousHead: r.previousHead },
      });
    }
  }

  await db.updateTable('obligations').set({ title: NEW_TITLE }).where('kind', '=', HEALTH_FOLLOWUP).execute();
  // Reminders of a follow-up sent to, or waiting for, someone who is not medical staff at its site (a site
  // officer, when the follow-up had no owner) go: the follow-up is not theirs to see.
  const notMedicalThere = (user: string, site: string) => sql`not exists (
      select 1 from role_assignments ra join sites s on s.id = ${sql.ref(site)}
      where ra.user_id = ${sql.ref(user)} and ra.role = 'medical'
        and (ra.scope_kind = 'group'
             or (ra.scope_kind = 'subsidiary' and ra.subsidiary_id = s.subsidiary_id)
             or (ra.scope_kind = 'sites' and s.id = any(ra.site_ids))))`;
  await sql`delete from notifications n using obligations o
    where o.id = n.obligation_id and o.kind = ${HEALTH_FOLLOWUP}
      and ${notMedicalThere('n.user_id', 'o.site_id')}`.execute(db);
  await sql`update notification_outbox x set status = 'skipped', last_error = 'not medical staff of the site'
    from obligations o
    where o.id = x.obligation_id and o.kind = ${HEALTH_FOLLOWUP} and x.status in ('pending', 'sending')
      and ${notMedicalThere('x.recipient_id', 'o.site_id')}`.execute(db);
  await sql`update notifications set title = replace(title, ${OLD_TITLE}, ${NEW_TITLE}),
    body = replace(body, ${OLD_TITLE}, ${NEW_TITLE}) where position(${OLD_TITLE} in title || ' ' || coalesce(body, '')) > 0`.execute(
    db,
  );
}
