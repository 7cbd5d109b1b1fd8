import { z } from 'zod';
import * as c from '#shared/modules/ohs/permits/contract.ts';
import { checklists, permitTypes } from '#shared/modules/ohs/rules/permits.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { access } from '../../../platform/access/service.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import type { OhsModule } from '../module.ts';

const tags = ['ohs'];

/** Routes of permits to work and the checklists of their types. */
export function registerPermitRoutes(app: TypedApp, ohs: OhsModule) {
  const { permits } = ohs;

  app.get(
    '/api/ohs/permit-types',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary: 'The eight high-risk operations and their checklists',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                type: z.enum(permitTypes),
                checklist: z.array(z.object({ key: z.string(), en: z.string(), zh: z.string() })),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      access.listScope(actorOf(request), 'ohs.read', 'ohs');
      return { items: permitTypes.map((type) => ({ type, checklist: checklists[type] })) };
    },
  );
  app.get(
    '/api/ohs/permits',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary: 'Permits to work',
        querystring: c.permitListQuery,
        response: { 200: c.permitPage },
      },
    },
    async (request) => permits.list(actorOf(request), request.query),
  );
  app.get(
    '/api/ohs/permits/:id',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary: 'A permit with its checklist, gas test, history and overlaps',
        params: idParams,
        response: { 200: c.permitView },
      },
    },
    async (request) => permits.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/ohs/permits',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Request a permit to work',
        body: c.permitInput,
        response: { 201: c.permitView },
      },
    },
    async (request, reply) => reply.status(201).send(await permits.request(actorOf(request), request.body)),
  );
  app.post(
    '/api/ohs/permits/:id/transition',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary:
          'Approve, verify isolations, record the gas test, issue, start, suspend, resume, extend, complete, close, reject or cancel',
        params: idParams,
        body: c.permitTransitionBody,
        response: { 200: c.permitView },
      },
    },
    async (request) => permits.transition(actorOf(request), request.params.id, request.body),
  );
}
