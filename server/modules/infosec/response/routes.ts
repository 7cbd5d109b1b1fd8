import * as c from '#shared/modules/infosec/response/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import type { IncidentResponseService } from './service.ts';

const tags = ['infosec'];

/** The response work on an incident: each write answers with the incident's whole response, as the page shows it. */
export function registerResponseRoutes(app: TypedApp, response: IncidentResponseService) {
  app.get(
    '/api/infosec/incidents/:id/response',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary:
          "The incident's response: tasks, observables and what else carries them, evidence and custody, lessons",
        params: idParams,
        response: { 200: c.responseView },
      },
    },
    async (request) => response.view(actorOf(request), request.params.id),
  );
  app.post(
    '/api/infosec/incidents/:id/tasks',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Add a response task (phase, what, owner, due)',
        params: idParams,
        body: c.taskInput,
        response: { 201: c.responseView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await response.addTask(actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/infosec/incident-tasks/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Change a response task, or mark it done or open again',
        params: idParams,
        body: c.taskPatch,
        response: { 200: c.responseView },
      },
    },
    async (request) => response.updateTask(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/infosec/incidents/:id/observables',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Record an observable (IP address, domain, URL, e-mail address, file hash), defanged or not',
        params: idParams,
        body: c.observableInput,
        response: { 201: c.responseView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await response.addObservable(actorOf(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/infosec/incident-observables/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Remove an observable recorded by mistake',
        params: idParams,
        response: { 200: c.responseView },
      },
    },
    async (request) => response.removeObservable(actorOf(request), request.params.id),
  );
  app.post(
    '/api/infosec/incidents/:id/custody',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: "Record a step in an evidence file's chain of custody",
        params: idParams,
        body: c.custodyInput,
        response: { 201: c.responseView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await response.addCustody(actorOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/infosec/incidents/:id/lessons',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Record a lesson learned, and the improvement action it calls for',
        params: idParams,
        body: c.lessonInput,
        response: { 201: c.responseView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await response.addLesson(actorOf(request), request.params.id, request.body)),
  );
}
