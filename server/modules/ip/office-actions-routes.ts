import * as c from '#shared/modules/ip/office-actions/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { actorOf, type TypedApp } from '../../platform/http/typed.ts';
import type { OfficeActionsService } from './office-actions.ts';

const tags = ['ip'];

/** Routes of a matter's office actions and the periods to respond to them. */
export function registerOfficeActionRoutes(app: TypedApp, actions: OfficeActionsService) {
  app.get(
    '/api/ip/matters/:id/office-actions',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'The office actions of a matter, each with its period to respond to the day',
        params: idParams,
        response: { 200: c.officeActionList },
      },
    },
    async (request) => actions.list(actorOf(request), request.params.id),
  );
  app.post(
    '/api/ip/matters/:id/office-actions',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Record an office action of a matter',
        params: idParams,
        body: c.officeActionInput,
        response: { 201: c.officeActionView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await actions.create(actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/ip/office-actions/:id',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Change an office action: its extension, or the day the response was filed',
        params: idParams,
        body: c.officeActionPatch,
        response: { 200: c.officeActionView },
      },
    },
    async (request) => actions.update(actorOf(request), request.params.id, request.body),
  );
}
