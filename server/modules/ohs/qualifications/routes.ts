import { z } from 'zod';
import * as c from '#shared/modules/ohs/qualifications/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import type { OhsModule } from '../module.ts';

const tags = ['ohs'];

/** Routes of contractor workers' qualifications. */
export function registerQualificationRoutes(app: TypedApp, ohs: OhsModule) {
  const { qualifications } = ohs;

  app.get(
    '/api/ohs/qualifications',
    {
      config: { access: 'contractors.read' },
      schema: {
        tags,
        summary: 'Contractor workers qualifications and their expiry',
        querystring: c.qualificationListQuery,
        response: { 200: z.object({ items: z.array(c.qualificationView) }) },
      },
    },
    async (request) => ({ items: await qualifications.list(actorOf(request), request.query) }),
  );
  app.post(
    '/api/ohs/qualifications',
    {
      config: { access: 'contractors.workers.manage' },
      schema: {
        tags,
        summary: 'Record a qualification of a contractor worker',
        body: c.qualificationInput,
        response: { 201: c.qualificationView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await qualifications.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/ohs/qualifications/:id',
    {
      config: { access: 'contractors.workers.manage' },
      schema: {
        tags,
        summary: 'Change a qualification (renewal)',
        params: idParams,
        body: c.qualificationPatch,
        response: { 200: c.qualificationView },
      },
    },
    async (request) => qualifications.update(actorOf(request), request.params.id, request.body),
  );
}
