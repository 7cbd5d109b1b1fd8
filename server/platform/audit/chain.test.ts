import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type ChainedFields,
  ChainWalker,
  canonicalJson,
  chainKeyFor,
  eventHash,
  GENESIS_HASH,
  GROUP_CHAIN,
} from './chain.ts';

type Event = ChainedFields & { id: number; hash: string };

/** A valid chain of `n` events, built the way recordAudit builds one. */
function chain(n: number, chainKey = 'site-a'): Event[] {
  const events: Event[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields: ChainedFields = {
      chainKey,
      seq,
      prevHash,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 8, 0, seq)),
      actorId: '05e40000-0000-4000-8000-000000000001',
      actorLabel: 'Grace Admin <admin@steward.test>',
      action: 'employee.updated',
      entityType: 'employee',
      entityId: `e${seq}`,
      siteId: chainKey,
      summary: null,
      before: { department: 'Assembly', version: seq },
      after: { department: 'Test', version: seq + 1 },
    };
    const hash = eventHash(fields);
    events.push({ ...fields, id: 100 + seq, hash });
    prevHash = hash;
  }
  return events;
}

function walk(events: Event[], head?: { lastSeq: number; lastHash: string } | null) {
  const walker = new ChainWalker(events[0]?.chainKey ?? 'site-a');
  for (const e of events) {
    const broken = walker.next(e);
    if (broken) return { broken, count: walker.count };
  }
  return { broken: walker.finish(head ?? null), count: walker.count };
}

const headOf = (events: Event[]) => ({ lastSeq: events.length, lastHash: events[events.length - 1].hash });

describe('canonicalJson', () => {
  it('sorts object keys at every depth, so jsonb key reordering does not change the text', () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } };
    const b = { a: { c: 'x', d: [3, { y: 2, z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('keeps array order, which carries meaning', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('writes dates as ISO strings, bigints as strings, drops undefined keys and turns undefined into null', () => {
    expect(
      canonicalJson({ at: new Date('2026-03-01T02:03:04.005Z'), n: 12n, gone: undefined, nil: null }),
    ).toBe('{"at":"2026-03-01T02:03:04.005Z","n":"12","nil":null}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
  });

  it('keeps non-ASCII text as is', () => {
    expect(canonicalJson({ name: '日月光 K7' })).toBe('{"name":"日月光 K7"}');
  });
});

describe('chainKeyFor', () => {
  it('gives each site its own chain and group records the group chain', () => {
    expect(chainKeyFor('5173-k7')).toBe('5173-k7');
    expect(chainKeyFor(null)).toBe(GROUP_CHAIN);
  });
});

describe('eventHash', () => {
  const [event] = chain(1);

  it('is the SHA-256 of the canonical JSON array of the chained fields', () => {
    const payload = JSON.stringify([
      event.chainKey,
      event.seq,
      event.prevHash,
      event.occurredAt.toISOString(),
      event.actorId,
      event.actorLabel,
      event.action,
      event.entityType,
      event.entityId,
      event.siteId,
      event.summary,
      { department: 'Assembly', version: 1 },
      { department: 'Test', version: 2 },
    ]);
    expect(eventHash(event)).toBe(createHash('sha256').update(payload).digest('hex'));
    expect(eventHash(event)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the key order of before and after', () => {
    expect(eventHash({ ...event, after: { version: 2, department: 'Test' } })).toBe(eventHash(event));
  });

  it('changes when any chained field changes', () => {
    const base = eventHash(event);
    const changes: Partial<ChainedFields>[] = [
      { chainKey: 'other' },
      { seq: 2 },
      { prevHash: 'f'.repeat(64) },
      { occurredAt: new Date(event.occurredAt.getTime() + 1) },
      { actorId: null },
      { actorLabel: 'Someone else' },
      { action: 'employee.created' },
      { entityType: 'site' },
      { entityId: 'e2' },
      { siteId: null },
      { summary: 'a note' },
      { before: null },
      { after: { department: 'Test', version: 3 } },
    ];
    for (const change of changes)
      expect(eventHash({ ...event, ...change }), JSON.stringify(change)).not.toBe(base);
  });

  it('treats a missing before/after like null', () => {
    expect(eventHash({ ...event, before: undefined })).toBe(eventHash({ ...event, before: null }));
  });
});

describe('eventHash of a summary that is a message', () => {
  const [event] = chain(1);
  const message = {
    ...event,
    summaryKey: 'platform.audit.signInLocked',
    summaryParams: { minutes: 15, failures: 5 },
  };

  it('keeps the hash of an event stored before summaries were messages (sentence, no key)', () => {
    // Hashed by the earlier code: an event of the log as it was stored then must still verify.
    const stored: ChainedFields = {
      chainKey: GROUP_CHAIN,
      seq: 3,
      prevHash: 'a'.repeat(64),
      occurredAt: new Date('2025-11-04T01:02:03.004Z'),
      actorId: null,
      actorLabel: 'sign-in throttle',
      action: 'user.locked',
      entityType: 'user',
      entityId: '05e40000-0000-4000-8000-000000000007',
      siteId: null,
      summary: 'Locked for 15 minutes after 5 failed sign-ins',
      before: null,
      after: null,
    };
    const expected = '296d528105838398df394618e357bae4771b66f8ff3082e8db58fe3218ddd2e5';
    expect(eventHash(stored)).toBe(expected);
    expect(eventHash({ ...stored, summaryKey: null, summaryParams: null })).toBe(expected);
  });

  it('appends the key and the parameters to the chained fields', () => {
    const payload = JSON.stringify([
      event.chainKey,
      event.seq,
      event.prevHash,
      event.occurredAt.toISOString(),
      event.actorId,
      event.actorLabel,
      event.action,
      event.entityType,
      event.entityId,
      event.siteId,
      null,
      { department: 'Assembly', version: 1 },
      { department: 'Test', version: 2 },
      'platform.audit.signInLocked',
      { failures: 5, minutes: 15 },
    ]);
    expect(eventHash(message)).toBe(createHash('sha256').update(payload).digest('hex'));
    expect(eventHash(message)).not.toBe(eventHash(event));
  });

  it('changes when the key or a parameter changes, or the key is taken away; not with the order of keys', () => {
    const base = eventHash(message);
    expect(eventHash({ ...message, summaryKey: 'platform.audit.quorumMet' })).not.toBe(base);
    expect(eventHash({ ...message, summaryParams: { minutes: 15, failures: 6 } })).not.toBe(base);
    expect(eventHash({ ...message, summaryParams: { minutes: 15 } })).not.toBe(base);
    expect(eventHash({ ...message, summaryKey: null })).not.toBe(base);
    expect(eventHash({ ...message, summaryParams: { failures: 5, minutes: 15 } })).toBe(base);
  });

  it('names an event whose parameters were edited', () => {
    const events = chain(3).map((e) => ({ ...e }));
    const withMessage = {
      ...events[1],
      summaryKey: message.summaryKey,
      summaryParams: message.summaryParams,
    };
    events[1] = { ...withMessage, hash: eventHash(withMessage) };
    events[2] = { ...events[2], prevHash: events[1].hash };
    events[2] = { ...events[2], hash: eventHash(events[2]) };
    expect(walk(events).broken).toBeNull();
    events[1] = { ...events[1], summaryParams: { minutes: 1, failures: 5 } };
    expect(walk(events).broken).toMatchObject({ seq: 2, reason: 'hash-mismatch' });
  });
});

describe('ChainWalker', () => {
  it('accepts an intact chain and counts its events', () => {
    const events = chain(5);
    expect(walk(events, headOf(events))).toEqual({ broken: null, count: 5 });
  });

  it('accepts an empty chain, and a chain without a head row', () => {
    expect(new ChainWalker('x').finish(null)).toBeNull();
    expect(new ChainWalker('x').finish({ lastSeq: 0, lastHash: GENESIS_HASH })).toBeNull();
    expect(walk(chain(3), null).broken).toBeNull();
  });

  it('names an edited event: its content no longer matches its hash', () => {
    const events = chain(5);
    events[2] = { ...events[2], after: { department: 'Forged', version: 4 } };
    const { broken, count } = walk(events, headOf(events));
    expect(broken).toMatchObject({ chainKey: 'site-a', seq: 3, eventId: 103, reason: 'hash-mismatch' });
    expect(broken?.detail).toContain('altered');
    expect(count).toBe(2);
  });

  it('names an edited event whose hash was recomputed: the next event no longer points at it', () => {
    const events = chain(5);
    const forged = { ...events[2], summary: 'rewritten' };
    events[2] = { ...forged, hash: eventHash(forged) };
    const { broken } = walk(events, headOf(events));
    expect(broken).toMatchObject({ seq: 4, eventId: 104, reason: 'prev-hash-mismatch' });
  });

  it('names a deleted event by the seq that is missing', () => {
    const events = chain(5);
    events.splice(1, 1);
    const { broken } = walk(events, { lastSeq: 5, lastHash: events[events.length - 1].hash });
    expect(broken).toMatchObject({ chainKey: 'site-a', seq: 2, eventId: null, reason: 'missing-event' });
    expect(broken?.detail).toContain('next present is 3');
  });

  it('names a deleted first event', () => {
    const events = chain(3).slice(1);
    expect(walk(events).broken).toMatchObject({ seq: 1, reason: 'missing-event' });
  });

  it('names events deleted from the end: the chain head disagrees', () => {
    const events = chain(5);
    const head = headOf(events);
    const { broken } = walk(events.slice(0, 3), head);
    expect(broken).toMatchObject({ chainKey: 'site-a', seq: 4, eventId: null, reason: 'head-mismatch' });
    expect(broken?.detail).toContain('should end at event 5 but ends at 3');
  });

  it('names a head whose hash was changed', () => {
    const events = chain(2);
    expect(walk(events, { lastSeq: 2, lastHash: 'a'.repeat(64) }).broken).toMatchObject({
      reason: 'head-mismatch',
    });
  });

  it('does not accept an event copied from another chain', () => {
    const events = chain(3);
    const other = chain(3, 'site-b');
    events[1] = { ...other[1], chainKey: 'site-a' };
    expect(walk(events).broken).toMatchObject({ seq: 2 });
  });
});
