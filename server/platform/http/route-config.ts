import type { Actor } from '../access/actor.ts';
import type { Permission } from '../access/policy.ts';

/**
 * Every /api route declares what it needs: 'public' (no sign-in), 'signed-in' (any user, own data only),
 * or a permission from the policy table, which its service enforces against the record's site.
 * The app refuses to start when a route declares nothing.
 */
export type RouteAccess = 'public' | 'signed-in' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /**
     * A write of the user's own settings (language, tokens, notifications read, calendar feed), not of
     * program data: read-only roles may make it too.
     */
    personal?: boolean;
    /** The answer is an event stream (text/event-stream) that lasts until the client goes away. */
    stream?: boolean;
    /**
     * The key of the one group setting the route reads or writes: its answers carry the setting's version as
     * `ETag` and its writes honour `If-Match` (server/platform/settings/preconditions.ts).
     */
    setting?: string;
  }
  interface FastifyRequest {
    actor: Actor | null;
    auth: { via: 'session'; token: string; csrfToken: string; expiresAt: Date } | { via: 'token' } | null;
  }
}

export type RegisteredRoute = {
  method: string;
  url: string;
  access: RouteAccess;
  personal?: boolean;
  stream?: boolean;
  setting?: string;
};
