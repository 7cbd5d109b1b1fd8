import { z } from 'zod';
import * as c from '#shared/modules/ohs/health/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import type { OhsModule } from '../module.ts';

const tags = ['ohs'];

/** Routes of health management (individual results for medical staff only; every read is logged). */
export function registerHealthRoutes(app: TypedApp, ohs: OhsModule) {
  const { health } = ohs;

  app.get(
    '/api/ohs/health/screenings',
    {
      config: { access: 'health.individual' },
      schema: {
        tags,
        summary: 'Individual health screenings (medical staff only; every read is logged)',
        querystring: c.screeningListQuery,
        response: { 200: c.screeningPage },
      },
    },
    async (request) => health.list(actorOf(request), request.query),
  );
  app.get(
    '/api/ohs/health/screenings/:id',
    {
      config: { access: 'health.individual' },
      schema: {
        tags,
        summary: 'One screening with its follow-ups (medical staff only; the read is logged)',
        params: idParams,
        response: { 200: c.screeningView },
      },
    },
    async (request) => health.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/ohs/health/screenings',
    {
      config: { access: 'health.individual' },
      schema: {
        tags,
        summary: 'Record a screening; an abnormal one opens a follow-up consultation',
        body: c.screeningInput,
        response: { 201: c.screeningView },
      },
    },
    async (request, reply) => reply.status(201).send(await health.create(actorOf(request), request.body)),
  );
  app.post(
    '/api/ohs/health/followups/:id',
    {
      config: { access: 'health.individual' },
      schema: {
        tags,
        summary: 'Record the follow-up consultation',
        params: idParams,
        body: c.followupInput,
        response: { 200: c.screeningView },
      },
    },
    async (request) => health.recordFollowup(actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/ohs/health/summary',
    {
      config: { access: 'health.read' },
      schema: {
        tags,
        summary: 'Screening counts and costs (counts under 5 shown as "<5")',
        querystring: z.object({
          year: z.coerce.number().int().min(1990).max(2100),
          siteId: z.string().uuid().optional(),
        }),
        response: { 200: c.healthSummary },
      },
    },
    async (request) => health.summary(actorOf(request), request.query.year, request.query.siteId),
  );
}
