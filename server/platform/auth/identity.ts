import { EventEmitter } from 'node:events';
import type { Program, Role } from '#shared/platform/access/roles.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/connect.ts';
import type { Actor, ResolvedAssignment } from '../access/actor.ts';
import { type CachedIdentity, IdentityCache, type IdentityCacheOptions } from './identity-cache.ts';
import * as repo from './identity-repo.ts';
import { API_TOKEN_PREFIX, sha256Hex } from './tokens.ts';

/** The channel the database announces identity changes on (migration 0019_identity_signals). */
export const IDENTITY_CHANNEL = 'steward_identity';

/** A session's last sighting (and its sliding expiry), or a token's last use, is written at most this often. */
const TOUCH_EVERY_MS = 60_000;

export type SessionIdentity = { actor: Actor; csrfToken: string; expiresAt: Date };

function toActor(row: {
  user_id: string;
  email: string;
  display_name: string;
  locale: 'en' | 'zh-TW';
  assignments: repo.IdentityAssignment[];
  grants: [string, string][];
}): Omit<Actor, 'requestId'> {
  const grants = new Map<string, Set<string>>();
  for (const [type, id] of row.grants) {
    const ids = grants.get(type) ?? new Set<string>();
    ids.add(id);
    grants.set(type, ids);
  }
  return {
    kind: 'user',
    userId: row.user_id,
    label: `${row.display_name} <${row.email}>`,
    locale: row.locale,
    assignments: row.assignments.map(
      (a): ResolvedAssignment => ({
        role: a.role as Role,
        program: a.program as Program | null,
        siteIds: a.scope === 'group' ? null : new Set(a.sites),
      }),
    ),
    grants,
  };
}

/**
 * Who is calling: a session cookie or an API token resolved to its user, roles and granted records in one
 * query, then kept in memory so that most requests do not ask the database at all. Expiry is checked against
 * the clock on every hit. Any change that ends or narrows an identity (sign-out, a disabled or deleted user,
 * a role or grant, a password, a revoked token, a site moved) is announced by the database in the change's
 * transaction (`IDENTITY_CHANNEL`) and drops what it made stale in every process; while this process cannot
 * hear those signals the cache is bypassed. A process that never `start()`s (a worker) always asks the database.
 */
export function createIdentityService(
  database: Database,
  config: Config,
  now: () => Date = () => new Date(),
  cacheOptions: IdentityCacheOptions = {},
) {
  const db = database.db;
  const cache = new IdentityCache(cacheOptions);
  /** 'signal' (payload) after each change signal is applied; 'live' (boolean) when trust changes. */
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let stop: (() => Promise<void>) | undefined;
  const idleMs = config.session.idleMinutes * 60_000;
  const maxMs = config.session.maxHours * 3_600_000;

  const withRequest = (entry: CachedIdentity, requestId?: string): Actor => ({ ...entry.actor, requestId });

  /** Requests answered from memory, and those that asked the database. */
  const stats = { hits: 0, lookups: 0 };

  return {
    cache,
    events,
    stats,

    /** Starts hearing change signals; until then (and whenever they are lost) the cache is bypassed. */
    async start() {
      if (stop) return;
      stop = await database.listen(IDENTITY_CHANNEL, {
        message(payload) {
          cache.invalidate(payload);
          events.emit('signal', payload);
        },
        state(live) {
          cache.live(live);
          events.emit('live', live);
        },
      });
    },

    async stop() {
      const done = stop;
      stop = undefined;
      await done?.();
      cache.live(false);
    },

    /** The live session behind a cookie token, sliding its idle expiry (written at most once a minute). */
    async session(token: string, requestId?: string): Promise<SessionIdentity | null> {
      const sessionId = sha256Hex(token);
      const key = `s:${sessionId}`;
      const at = now();
      let entry = cache.get(key);
      if (entry?.expiresAt && entry.expiresAt <= at) {
        // Expired as this process last knew it; another one may have slid it since: the database says.
        cache.delete(key);
        entry = undefined;
      }
      if (entry) stats.hits++;
      else {
        stats.lookups++;
        const generation = cache.generation;
        const row = await repo.sessionIdentity(db, sessionId);
        if (!row?.active || row.expires_at <= at) return null;
        entry = {
          userId: row.user_id,
          actor: toActor(row),
          csrfToken: row.csrf_token,
          tokenId: null,
          createdAt: row.created_at,
          lastSeenAt: row.last_seen_at,
          expiresAt: row.expires_at,
        };
        cache.set(key, entry, generation);
      }
      if (at.getTime() - (entry.lastSeenAt?.getTime() ?? 0) > TOUCH_EVERY_MS) {
        const createdAt = entry.createdAt ?? at;
        const expiresAt = new Date(Math.min(createdAt.getTime() + maxMs, at.getTime() + idleMs));
        entry.lastSeenAt = at;
        entry.expiresAt = expiresAt;
        await repo.touchSession(db, sessionId, at, expiresAt);
      }
      return {
        actor: withRequest(entry, requestId),
        csrfToken: entry.csrfToken ?? '',
        expiresAt: entry.expiresAt as Date,
      };
    },

    /** The user behind a live API token; its last use is written at most once a minute. */
    async apiToken(token: string, requestId?: string): Promise<Actor | null> {
      if (!token.startsWith(API_TOKEN_PREFIX)) return null;
      const tokenHash = sha256Hex(token);
      const key = `t:${tokenHash}`;
      const at = now();
      let entry = cache.get(key);
      if (entry?.expiresAt && entry.expiresAt <= at) {
        cache.delete(key);
        return null;
      }
      if (entry) stats.hits++;
      else {
        stats.lookups++;
        const generation = cache.generation;
        const row = await repo.tokenIdentity(db, tokenHash);
        if (!row?.active || row.revoked_at || (row.expires_at && row.expires_at <= at)) return null;
        entry = {
          userId: row.user_id,
          actor: toActor(row),
          csrfToken: null,
          tokenId: row.token_id,
          createdAt: null,
          lastSeenAt: row.last_used_at,
          expiresAt: row.expires_at,
        };
        cache.set(key, entry, generation);
      }
      if (entry.tokenId && at.getTime() - (entry.lastSeenAt?.getTime() ?? 0) > TOUCH_EVERY_MS) {
        entry.lastSeenAt = at;
        await repo.touchToken(db, entry.tokenId, at);
      }
      return withRequest(entry, requestId);
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
