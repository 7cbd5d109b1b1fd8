import * as c from '#shared/modules/ohs/investigations/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import type { OhsModule } from '../module.ts';

const tags = ['ohs'];

/** Routes of investigations: team, timeline, root causes and their actions. */
export function registerInvestigationRoutes(app: TypedApp, ohs: OhsModule) {
  const { investigations } = ohs;

  app.post(
    '/api/ohs/incidents/:id/investigation',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Open the investigation of an incident',
        params: idParams,
        response: { 201: c.investigationView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await investigations.open(actorOf(request), request.params.id)),
  );
  app.get(
    '/api/ohs/investigations/:id',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary: 'An investigation with its timeline and root causes',
        params: idParams,
        response: { 200: c.investigationView },
      },
    },
    async (request) => investigations.get(actorOf(request), request.params.id),
  );
  app.patch(
    '/api/ohs/investigations/:id',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Change the lead, team or summary',
        params: idParams,
        body: c.investigationPatch,
        response: { 200: c.investigationView },
      },
    },
    async (request) => investigations.update(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/ohs/investigations/:id/transition',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Move to investigating, review or closed (closing needs an action for every root cause)',
        params: idParams,
        body: c.investigationTransition,
        response: { 200: c.investigationView },
      },
    },
    async (request) =>
      investigations.transition(actorOf(request), request.params.id, request.body.to, request.body.version),
  );
  app.post(
    '/api/ohs/investigations/:id/timeline',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Add an event to the timeline',
        params: idParams,
        body: c.timelineInput,
        response: { 201: c.investigationView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await investigations.addTimelineEvent(actorOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/ohs/investigations/:id/root-causes',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Add a root cause (5 whys or fishbone)',
        params: idParams,
        body: c.rootCauseInput,
        response: { 201: c.investigationView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await investigations.addRootCause(actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/ohs/root-causes/:id',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Change a root cause',
        params: idParams,
        body: c.rootCausePatch,
        response: { 200: c.investigationView },
      },
    },
    async (request) => investigations.updateRootCause(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/ohs/root-causes/:id',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Remove a root cause without actions',
        params: idParams,
        response: { 200: c.investigationView },
      },
    },
    async (request) => investigations.removeRootCause(actorOf(request), request.params.id),
  );
  app.post(
    '/api/ohs/root-causes/:id/actions',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Open a corrective or preventive action for a root cause',
        params: idParams,
        body: c.rootCauseActionInput,
        response: { 201: c.investigationView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await investigations.addAction(actorOf(request), request.params.id, request.body)),
  );
}
