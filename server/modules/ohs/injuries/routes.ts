import { z } from 'zod';
import { incidentView } from '#shared/modules/ohs/incidents/contract.ts';
import * as c from '#shared/modules/ohs/injuries/contract.ts';
import { defaultChargedDaysTable } from '#shared/modules/ohs/rules/injury.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { access } from '../../../platform/access/service.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import type { OhsModule } from '../module.ts';

const tags = ['ohs'];

/** Routes of the people injured in an incident, and the table of charged days. */
export function registerInjuryRoutes(app: TypedApp, ohs: OhsModule) {
  const { injuries } = ohs;

  app.post(
    '/api/ohs/incidents/:id/injuries',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Record a person injured in the incident',
        params: idParams,
        body: c.injuryInput,
        response: { 201: incidentView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await injuries.add(actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/ohs/injuries/:id',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Change an injury (classification, return to work, charged days)',
        params: idParams,
        body: c.injuryPatch,
        response: { 200: incidentView },
      },
    },
    async (request) => injuries.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/ohs/injuries/:id',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Remove an injury recorded in error',
        params: idParams,
        response: { 200: incidentView },
      },
    },
    async (request) => injuries.remove(actorOf(request), request.params.id),
  );
  app.get(
    '/api/ohs/charged-days',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary: 'Days charged for permanent partial disabilities',
        response: {
          200: z.object({
            items: z.array(
              z.object({ key: z.string(), en: z.string(), zh: z.string(), days: z.number().int() }),
            ),
          }),
        },
      },
    },
    async (request) => {
      access.listScope(actorOf(request), 'ohs.read', 'ohs');
      return { items: defaultChargedDaysTable };
    },
  );
}
