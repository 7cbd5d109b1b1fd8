import { LRUCache } from 'lru-cache';
import type { Actor } from '../access/actor.ts';

/** A signed-in caller as the cache keeps it: the actor (without the request's id) and what each hit checks. */
export type CachedIdentity = {
  userId: string;
  actor: Omit<Actor, 'requestId'>;
  /** A session's CSRF token (API tokens have none). */
  csrfToken: string | null;
  /** The API token's row id, to write its last use (null for a session). */
  tokenId: string | null;
  /** When a session began (its hard limit counts from there); null for an API token. */
  createdAt: Date | null;
  /** The last time this process wrote the session's last sighting (or the token's last use). */
  lastSeenAt: Date | null;
  /** Checked against the clock on every hit; null: an API token without expiry. */
  expiresAt: Date | null;
};

export type IdentityCacheOptions = {
  /** Most identities kept (least recently used go first). */
  max?: number;
  /** An entry is read again from the database after this long even without a signal (belt and braces). */
  ttlMs?: number;
};

/**
 * The identities of recent requests, keyed `s:<session id>` or `t:<API token hash>` (the session id is the
 * hash of the cookie's token), and dropped on a change signal (`s:…`, `t:…`, `u:<user id>`, `*`).
 *
 * Trusted only while the change signals arrive: until `live(true)`, and from `live(false)` (the listening
 * connection is lost) until it is back, the cache is empty and stores nothing, so every request asks the
 * database. A lookup that began before a signal stores nothing either (`generation`): what it read may be
 * what the signal made stale.
 */
export class IdentityCache {
  readonly #entries: LRUCache<string, CachedIdentity>;
  readonly #keysByUser = new Map<string, Set<string>>();
  #generation = 0;
  #trusted = false;

  constructor(options: IdentityCacheOptions = {}) {
    this.#entries = new LRUCache<string, CachedIdentity>({
      max: options.max ?? 10_000,
      ttl: options.ttlMs ?? 10 * 60_000,
      dispose: (entry, key) => {
        const keys = this.#keysByUser.get(entry.userId);
        keys?.delete(key);
        if (keys?.size === 0) this.#keysByUser.delete(entry.userId);
      },
    });
  }

  get trusted(): boolean {
    return this.#trusted;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Changes with every signal and every change of trust: take it before reading the database. */
  get generation(): number {
    return this.#generation;
  }

  get(key: string): CachedIdentity | undefined {
    return this.#trusted ? this.#entries.get(key) : undefined;
  }

  /** Keeps what a lookup read, unless a signal arrived (or trust changed) since it took `generation`. */
  set(key: string, entry: CachedIdentity, generation: number): boolean {
    if (!this.#trusted || generation !== this.#generation) return false;
    this.#entries.set(key, entry);
    const keys = this.#keysByUser.get(entry.userId) ?? new Set<string>();
    keys.add(key);
    this.#keysByUser.set(entry.userId, keys);
    return true;
  }

  delete(key: string) {
    this.#entries.delete(key);
  }

  /** A change signal's payload: one session or token, every identity of a user, or everything. */
  invalidate(signal: string) {
    this.#generation++;
    if (signal.startsWith('u:')) {
      for (const key of [...(this.#keysByUser.get(signal.slice(2)) ?? [])]) this.#entries.delete(key);
    } else if (signal.startsWith('s:') || signal.startsWith('t:')) {
      this.#entries.delete(signal);
    } else {
      // '*', or a payload this version does not know: drop everything rather than guess.
      this.#entries.clear();
    }
  }

  /** Whether signals arrive: the cache is emptied both ways (while they did not, some may have been missed). */
  live(trusted: boolean) {
    this.#generation++;
    this.#trusted = trusted;
    this.#entries.clear();
  }
}
