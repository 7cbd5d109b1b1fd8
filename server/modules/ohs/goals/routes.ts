import { z } from 'zod';
import * as c from '#shared/modules/ohs/goals/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import type { OhsModule } from '../module.ts';

const tags = ['ohs'];

/** Routes of OHS goals. */
export function registerGoalRoutes(app: TypedApp, ohs: OhsModule) {
  const { goals } = ohs;

  app.get(
    '/api/ohs/goals',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary: 'Goals with their actual figures',
        response: { 200: z.object({ items: z.array(c.goalView) }) },
      },
    },
    async (request) => ({ items: await goals.list(actorOf(request)) }),
  );
  app.post(
    '/api/ohs/goals',
    {
      config: { access: 'ohs.manage' },
      schema: { tags, summary: 'Set a goal', body: c.goalInput, response: { 201: c.goalView } },
    },
    async (request, reply) => reply.status(201).send(await goals.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/ohs/goals/:id',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Change a goal',
        params: idParams,
        body: c.goalPatch,
        response: { 200: c.goalView },
      },
    },
    async (request) => goals.update(actorOf(request), request.params.id, request.body),
  );
}
