import { describe, expect, it } from 'vitest';
import { type CachedIdentity, IdentityCache } from './identity-cache.ts';

function identity(userId: string): CachedIdentity {
  return {
    userId,
    actor: { kind: 'user', userId, label: userId, locale: 'en', assignments: [] },
    csrfToken: 'csrf',
    tokenId: null,
    createdAt: new Date('2026-01-05T08:00:00Z'),
    lastSeenAt: new Date('2026-01-05T08:00:00Z'),
    expiresAt: new Date('2026-01-05T09:00:00Z'),
  };
}

function liveCache(max = 100) {
  const cache = new IdentityCache({ max });
  cache.live(true);
  return cache;
}

describe('the identity cache', () => {
  it('keeps nothing and answers nothing until change signals are heard', () => {
    const cache = new IdentityCache();
    expect(cache.set('s:a', identity('u1'), cache.generation)).toBe(false);
    expect(cache.get('s:a')).toBeUndefined();
    cache.live(true);
    expect(cache.set('s:a', identity('u1'), cache.generation)).toBe(true);
    expect(cache.get('s:a')?.userId).toBe('u1');
  });

  it('empties itself and stops trusting what it holds when the signals are lost, until they are back', () => {
    const cache = liveCache();
    cache.set('s:a', identity('u1'), cache.generation);
    cache.live(false);
    expect(cache.get('s:a')).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(cache.set('s:b', identity('u2'), cache.generation)).toBe(false);
    cache.live(true);
    // What was held before the loss is gone: a signal may have been missed in between.
    expect(cache.get('s:a')).toBeUndefined();
  });

  it('drops one session or token on its own signal, and leaves the others', () => {
    const cache = liveCache();
    cache.set('s:a', identity('u1'), cache.generation);
    cache.set('s:b', identity('u1'), cache.generation);
    cache.set('t:c', identity('u1'), cache.generation);
    cache.invalidate('s:a');
    expect(cache.get('s:a')).toBeUndefined();
    expect(cache.get('s:b')?.userId).toBe('u1');
    cache.invalidate('t:c');
    expect(cache.get('t:c')).toBeUndefined();
    expect(cache.get('s:b')?.userId).toBe('u1');
  });

  it("drops every session and token of a user on the user's signal, and only theirs", () => {
    const cache = liveCache();
    cache.set('s:a', identity('u1'), cache.generation);
    cache.set('t:b', identity('u1'), cache.generation);
    cache.set('s:c', identity('u2'), cache.generation);
    cache.invalidate('u:u1');
    expect(cache.get('s:a')).toBeUndefined();
    expect(cache.get('t:b')).toBeUndefined();
    expect(cache.get('s:c')?.userId).toBe('u2');
  });

  it('drops everything on "*" and on a signal it does not know', () => {
    const cache = liveCache();
    cache.set('s:a', identity('u1'), cache.generation);
    cache.invalidate('*');
    expect(cache.size).toBe(0);
    cache.set('s:a', identity('u1'), cache.generation);
    cache.invalidate('x:something-new');
    expect(cache.size).toBe(0);
  });

  it('does not keep what a lookup read before a signal arrived: it may be what the signal made stale', () => {
    const cache = liveCache();
    const before = cache.generation;
    cache.invalidate('u:someone-else');
    expect(cache.set('s:a', identity('u1'), before)).toBe(false);
    expect(cache.get('s:a')).toBeUndefined();
    // Nor across a loss and return of the signals.
    const beforeLoss = cache.generation;
    cache.live(false);
    cache.live(true);
    expect(cache.set('s:a', identity('u1'), beforeLoss)).toBe(false);
  });

  it('holds at most `max` identities, the least recently used going first, and forgets their users', () => {
    const cache = liveCache(2);
    cache.set('s:a', identity('u1'), cache.generation);
    cache.set('s:b', identity('u2'), cache.generation);
    cache.get('s:a');
    cache.set('s:c', identity('u3'), cache.generation);
    expect(cache.size).toBe(2);
    expect(cache.get('s:b')).toBeUndefined();
    expect(cache.get('s:a')?.userId).toBe('u1');
    // An evicted entry's user signal finds nothing to drop, and drops no one else.
    cache.invalidate('u:u2');
    expect(cache.get('s:a')?.userId).toBe('u1');
    expect(cache.get('s:c')?.userId).toBe('u3');
  });
});
