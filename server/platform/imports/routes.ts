import { idParams } from '#shared/platform/http/list.ts';
import {
  importJobView,
  importListQuery,
  importMappingBody,
  importPage,
  importStepBody,
  importUploadQuery,
} from '#shared/platform/imports/contract.ts';
import { ValidationError } from '../http/errors.ts';
import { actorOf, type TypedApp } from '../http/typed.ts';
import { IMPORT_MAX_BYTES, type PlatformServices as Services } from '../modules/platform-services.ts';

const tags = ['imports'];

export function registerImportRoutes(app: TypedApp, { imports }: Services) {
  app.get(
    '/api/imports',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Your imports, newest first',
        querystring: importListQuery,
        response: { 200: importPage },
      },
    },
    async (request) => imports.list(actorOf(request), request.query),
  );
  app.post(
    '/api/imports',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Upload a CSV or XLSX file (multipart field "file") for an import of this kind',
        querystring: importUploadQuery,
        consumes: ['multipart/form-data'],
        response: { 201: importJobView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!request.isMultipart())
        throw new ValidationError('Send the file as multipart/form-data in the field "file".');
      const file = await request.file({ limits: { fileSize: IMPORT_MAX_BYTES + 1 } });
      if (!file || file.fieldname !== 'file')
        throw new ValidationError('Send the file in the multipart field "file".', [
          { path: 'file', message: 'Required' },
        ]);
      return reply
        .status(201)
        .send(
          await imports.upload(actor, request.query.kind, { filename: file.filename, stream: file.file }),
        );
    },
  );
  app.get(
    '/api/imports/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'An import with its progress and row errors',
        params: idParams,
        response: { 200: importJobView },
      },
    },
    async (request) => imports.get(actorOf(request), request.params.id),
  );
  app.put(
    '/api/imports/:id/mapping',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Say which file column feeds which field',
        params: idParams,
        body: importMappingBody,
        response: { 200: importJobView },
      },
    },
    async (request) =>
      imports.setMapping(actorOf(request), request.params.id, request.body.mapping, request.body.version),
  );
  app.post(
    '/api/imports/:id/validate',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Check every row (runs in the background: poll the import)',
        params: idParams,
        body: importStepBody,
        response: { 202: importJobView },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await imports.validate(actorOf(request), request.params.id, request.body.version)),
  );
  app.post(
    '/api/imports/:id/commit',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Import every row in one transaction, or none (runs in the background)',
        params: idParams,
        body: importStepBody,
        response: { 202: importJobView },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await imports.commit(actorOf(request), request.params.id, request.body.version)),
  );
}
