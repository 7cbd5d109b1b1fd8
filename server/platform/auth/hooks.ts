import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { type Actor, holdsAnywhere } from '../access/actor.ts';
import { readOnlyRoles } from '../access/policy.ts';
import { AppError, ForbiddenError, UnauthenticatedError } from '../http/errors.ts';
import type { IdentityService } from './identity.ts';

export const SESSION_COOKIE = 'steward_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
  });
}

/** A user whose every role is a read-only one (auditor, Board member). */
function onlyReadOnlyRoles(actor: Actor): boolean {
  const readOnly: readonly string[] = readOnlyRoles;
  return actor.assignments.length > 0 && actor.assignments.every((a) => readOnly.includes(a.role));
}

/**
 * Authenticates every /api request from its session cookie or `Authorization: Bearer` API token (through
 * the identity cache: most requests ask the database nothing), and refuses cookie-authenticated writes
 * without the session's CSRF token. Which records the actor may touch is decided later, by the services.
 */
export function registerAuthHooks(app: FastifyInstance, identity: IdentityService) {
  app.decorateRequest('actor', null);
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const access = request.routeOptions.config?.access;
    if (!request.url.startsWith('/api/') || !access) return;

    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const actor = await identity.apiToken(header.slice(7).trim(), String(request.id));
      if (!actor) throw new UnauthenticatedError('The API token is not valid, expired or revoked.');
      request.auth = { via: 'token' };
      request.actor = actor;
      return;
    }

    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await identity.session(token, String(request.id));
      if (session) {
        request.auth = { via: 'session', token, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
        request.actor = session.actor;
      }
    }
    if (access === 'public') return;
    if (!request.actor) throw new UnauthenticatedError();
    if (request.auth?.via === 'session' && !SAFE_METHODS.has(request.method)) {
      if (request.headers[CSRF_HEADER] !== request.auth.csrfToken) {
        throw new AppError(
          403,
          'csrf',
          'CSRF check failed',
          'This write is missing its CSRF token. Reload the page and try again.',
        );
      }
    }
  });

  // A read of many records (a list, a summary, an export) whose declared permission the caller holds at no
  // site is refused here, after the input is validated (a bad request is a 400 whoever sends it) and before
  // any service runs. A route about one record, or a write that places one at a site, is left to the service:
  // outside the caller's sites the record does not exist (404), whatever the caller holds.
  app.addHook('preHandler', async (request: FastifyRequest) => {
    const access = request.routeOptions.config?.access;
    if (!request.url.startsWith('/api/') || !access || access === 'public') return;
    // Auditors and Board members change nothing: no write of program data, even on a record they were made
    // owner or member of (the user's own settings aside). Routes behind a permission refuse them already
    // (read-only roles hold no write permission), after the record's scope has answered 404.
    if (
      access === 'signed-in' &&
      !SAFE_METHODS.has(request.method) &&
      !request.routeOptions.config?.personal &&
      request.actor &&
      onlyReadOnlyRoles(request.actor)
    )
      throw new AppError(
        403,
        'read-only',
        'Read-only role',
        'Auditors and Board members read; they change nothing.',
        {
          permission: 'read-only',
        },
      );
    if (access === 'signed-in') return;
    const aboutOneRecord = Object.keys((request.params as object | undefined) ?? {}).length > 0;
    if (request.method !== 'GET' || aboutOneRecord) return;
    if (request.actor && !holdsAnywhere(request.actor, access)) throw new ForbiddenError(access);
  });
}
