import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  createdTokenView,
  createTokenBody,
  preferencesBody,
  type SessionView,
  sessionView,
  signInBody,
  tokenView,
} from '#shared/platform/auth/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import type { Config } from '../../config.ts';
import { holdsAnywhere, sitesWith } from '../access/actor.ts';
import { allPermissions } from '../access/policy.ts';
import { actorOf, type TypedApp } from '../http/typed.ts';
import type { PlatformServices as Services } from '../modules/platform-services.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './hooks.ts';

const tags = ['auth'];

export function registerAuthRoutes(app: TypedApp, services: Services, config: Config) {
  async function view(request: FastifyRequest, csrfToken: string, expiresAt: Date): Promise<SessionView> {
    const actor = actorOf(request);
    const user = await services.users.profile(actor);
    const person = await services.people.personOf(actor);
    return {
      user: { id: user.id, email: user.email, displayName: user.display_name, locale: user.locale },
      csrfToken,
      expiresAt: expiresAt.toISOString(),
      assignments: await services.users.describeAssignments(actor),
      permissions: allPermissions().filter((p) => holdsAnywhere(actor, p)),
      groupWidePermissions: allPermissions().filter((p) => sitesWith(actor, p) === 'all'),
      person: person && { kind: person.kind, id: person.id, siteId: person.siteId },
      grantedRecords: [...(actor.grants ?? new Map<string, ReadonlySet<string>>()).entries()]
        .filter(([, ids]) => ids.size > 0)
        .map(([recordType]) => recordType)
        .sort(),
    };
  }

  app.post(
    '/api/auth/sign-in',
    {
      config: {
        access: 'public',
        rateLimit: { max: config.signIn.ratePerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Sign in with email and password',
        body: signInBody,
        response: { 200: sessionView },
      },
    },
    async (request, reply) => {
      const issued = await services.auth.signIn({
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        previousToken: request.cookies[SESSION_COOKIE],
      });
      setSessionCookie(reply, config, issued.token, issued.expiresAt);
      request.actor = await services.users.actorFor(issued.user, String(request.id));
      return view(request, issued.csrfToken, issued.expiresAt);
    },
  );

  app.post(
    '/api/auth/sign-out',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'End the current session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await services.auth.signOut(token);
      clearSessionCookie(reply, config);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'The current session', response: { 200: sessionView } },
    },
    async (request) => {
      if (request.auth?.via !== 'session') {
        return view(request, '', new Date(Date.now() + 3_600_000));
      }
      return view(request, request.auth.csrfToken, request.auth.expiresAt);
    },
  );

  app.put(
    '/api/auth/preferences',
    {
      config: { access: 'signed-in', personal: true },
      schema: {
        tags,
        summary: 'Set the language of the signed-in user',
        body: preferencesBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await services.auth.setLocale(actorOf(request), request.body.locale);
      return reply.status(204).send(null);
    },
  );

  const toTokenView = (t: {
    id: string;
    name: string;
    prefix: string;
    created_at: Date;
    last_used_at: Date | null;
    expires_at: Date | null;
  }) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.created_at.toISOString(),
    lastUsedAt: t.last_used_at?.toISOString() ?? null,
    expiresAt: t.expires_at?.toISOString() ?? null,
  });

  app.get(
    '/api/auth/tokens',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Your personal API tokens',
        response: { 200: z.object({ items: z.array(tokenView) }) },
      },
    },
    async (request) => ({ items: (await services.auth.listApiTokens(actorOf(request))).map(toTokenView) }),
  );

  app.post(
    '/api/auth/tokens',
    {
      config: { access: 'signed-in', personal: true },
      schema: {
        tags,
        summary: 'Create a personal API token (shown once)',
        body: createTokenBody,
        response: { 201: createdTokenView },
      },
    },
    async (request, reply) => {
      const created = await services.auth.createApiToken(
        actorOf(request),
        request.body.name,
        request.body.expiresInDays,
      );
      return reply.status(201).send({ ...toTokenView(created), token: created.token });
    },
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      config: { access: 'signed-in', personal: true },
      schema: { tags, summary: 'Revoke a personal API token', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await services.auth.revokeApiToken(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
