import { createHash } from 'node:crypto';

/** Pure rules of the hash-chained audit log. */

export const GENESIS_HASH = '0'.repeat(64);
export const GROUP_CHAIN = 'group';

/** Writes at different sites go to different chains, so they never queue behind each other. */
export function chainKeyFor(siteId: string | null): string {
  return siteId ?? GROUP_CHAIN;
}

/** JSON with object keys sorted at every depth: jsonb reorders keys, the hash must not care. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = normalise(v);
    }
    return out;
  }
  return value;
}

export type ChainedFields = {
  chainKey: string;
  seq: number;
  prevHash: string;
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  siteId: string | null;
  /** What a user typed (a note, a reason), or the sentence an event written before migration 0029 holds. */
  summary: string | null;
  /**
   * The summary as a message (server/platform/i18n): its key and parameters, rendered in the reader's
   * language. Null, or absent, for an event without one.
   */
  summaryKey?: string | null;
  summaryParams?: unknown;
  before: unknown;
  after: unknown;
};

/**
 * The hash of an event: SHA-256 of the canonical JSON array of its fields, the previous hash among them. An
 * event whose summary is a message has its key and parameters appended to the array; one without (every event
 * stored before migration 0029 among them) is hashed from the same thirteen fields as it always was, so the
 * hashes already stored still verify. Either way an edited key or parameter fails its hash: removing the key
 * hashes the event the other way.
 */
export function eventHash(f: ChainedFields): string {
  const fields: unknown[] = [
    f.chainKey,
    f.seq,
    f.prevHash,
    f.occurredAt.toISOString(),
    f.actorId,
    f.actorLabel,
    f.action,
    f.entityType,
    f.entityId,
    f.siteId,
    f.summary,
    f.before ?? null,
    f.after ?? null,
  ];
  if (f.summaryKey != null) fields.push(f.summaryKey, f.summaryParams ?? {});
  const payload = canonicalJson(fields);
  return createHash('sha256').update(payload).digest('hex');
}

export type ChainBreak = {
  chainKey: string;
  seq: number;
  eventId: number | null;
  reason: 'hash-mismatch' | 'missing-event' | 'prev-hash-mismatch' | 'head-mismatch';
  detail: string;
};

/**
 * Walks one chain in seq order, one event at a time, and reports its first broken link.
 * An edited row fails its own hash; a deleted row leaves a gap in seq; a deleted tail disagrees with the head.
 */
export class ChainWalker {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  count = 0;
  readonly chainKey: string;

  constructor(chainKey: string) {
    this.chainKey = chainKey;
  }

  next(e: ChainedFields & { id: number; hash: string }): ChainBreak | null {
    const { chainKey } = this;
    if (e.seq !== this.expectedSeq) {
      return {
        chainKey,
        seq: this.expectedSeq,
        eventId: null,
        reason: 'missing-event',
        detail: `event ${this.expectedSeq} of chain ${chainKey} is missing (next present is ${e.seq}, id ${e.id})`,
      };
    }
    if (e.prevHash !== this.prevHash) {
      return {
        chainKey,
        seq: e.seq,
        eventId: e.id,
        reason: 'prev-hash-mismatch',
        detail: `event ${e.seq} (id ${e.id}) of chain ${chainKey} does not point at the hash of event ${e.seq - 1}`,
      };
    }
    if (eventHash(e) !== e.hash) {
      return {
        chainKey,
        seq: e.seq,
        eventId: e.id,
        reason: 'hash-mismatch',
        detail: `event ${e.seq} (id ${e.id}) of chain ${chainKey} was altered: its content no longer matches its hash`,
      };
    }
    this.prevHash = e.hash;
    this.expectedSeq++;
    this.count++;
    return null;
  }

  finish(head: { lastSeq: number; lastHash: string } | null): ChainBreak | null {
    const lastSeq = this.expectedSeq - 1;
    if (head && (head.lastSeq !== lastSeq || head.lastHash !== this.prevHash)) {
      return {
        chainKey: this.chainKey,
        seq: lastSeq + 1,
        eventId: null,
        reason: 'head-mismatch',
        detail: `chain ${this.chainKey} should end at event ${head.lastSeq} but ends at ${lastSeq}: events were removed from its end`,
      };
    }
    return null;
  }
}
