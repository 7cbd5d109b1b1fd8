import { z } from 'zod';
import * as c from '#shared/modules/ohs/wellbeing/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import type { OhsModule } from '../module.ts';

const tags = ['ohs'];

/** Routes of wellbeing programs and participation. */
export function registerWellbeingRoutes(app: TypedApp, ohs: OhsModule) {
  const { wellbeing } = ohs;

  app.get(
    '/api/ohs/wellbeing/programs',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary: 'Wellbeing programs with participation',
        response: { 200: z.object({ items: z.array(c.wellbeingProgramView) }) },
      },
    },
    async (request) => ({ items: await wellbeing.list(actorOf(request)) }),
  );
  app.post(
    '/api/ohs/wellbeing/programs',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Add a wellbeing program (clinic, counselling, gym, club, group course)',
        body: c.wellbeingProgramInput,
        response: { 201: c.wellbeingProgramView },
      },
    },
    async (request, reply) => reply.status(201).send(await wellbeing.create(actorOf(request), request.body)),
  );
  app.post(
    '/api/ohs/wellbeing/programs/:id/participation',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Record participation in a program',
        params: idParams,
        body: c.participationInput,
        response: { 201: z.object({ recorded: z.number().int() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await wellbeing.participate(actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/ohs/wellbeing/summary',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary: 'Programs and participation per kind in a year',
        querystring: z.object({ year: z.coerce.number().int().min(1990).max(2100) }),
        response: { 200: c.wellbeingSummary },
      },
    },
    async (request) => wellbeing.summary(actorOf(request), request.query.year),
  );
}
