import * as c from '#shared/modules/infosec/material/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import type { MaterialDecisionsService } from './service.ts';

const tags = ['infosec'];

export function registerMaterialRoutes(app: TypedApp, material: MaterialDecisionsService) {
  app.get(
    '/api/infosec/incidents/:id/material-decisions',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'Whether the incident is material: the standing decision and those before it',
        params: idParams,
        response: { 200: c.materialDecisions },
      },
    },
    async (request) => material.list(actorOf(request), request.params.id),
  );
  app.post(
    '/api/infosec/incidents/:id/material-decisions',
    {
      config: { access: 'infosec.disclose' },
      schema: {
        tags,
        summary:
          'Decide whether the incident is material, with the reason (the security team or program owner)',
        params: idParams,
        body: c.materialDecisionInput,
        response: { 201: c.materialDecisionView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await material.decide(actorOf(request), request.params.id, request.body)),
  );
}
