import { z } from 'zod';
import { documentTarget, documentView } from '#shared/platform/documents/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { ValidationError } from '../http/errors.ts';
import { actorOf, type TypedApp } from '../http/typed.ts';
import type { PlatformServices as Services } from '../modules/platform-services.ts';
import { StoredFileMissingError } from './service.ts';

const tags = ['documents'];

export function registerDocumentRoutes(app: TypedApp, { documents }: Services) {
  app.get(
    '/api/documents',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Documents attached to a record you can see',
        querystring: documentTarget,
        response: { 200: z.object({ items: z.array(documentView) }) },
      },
    },
    async (request) => ({
      items: await documents.list(actorOf(request), request.query.entityType, request.query.entityId),
    }),
  );
  app.post(
    '/api/documents',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Attach a file (multipart field "file") to a record you may change',
        querystring: documentTarget,
        consumes: ['multipart/form-data'],
        response: { 201: documentView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!request.isMultipart())
        throw new ValidationError('Send the file as multipart/form-data in the field "file".');
      const file = await request.file();
      if (!file || file.fieldname !== 'file')
        throw new ValidationError('Send the file in the multipart field "file".', [
          { path: 'file', message: 'Required' },
        ]);
      const created = await documents.upload(actor, request.query.entityType, request.query.entityId, {
        filename: file.filename,
        stream: file.file,
      });
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/api/documents/:id/download',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Download a document',
        params: idParams,
        produces: ['application/octet-stream'],
      },
    },
    async (request, reply) => {
      const { document, stream } = await documents
        .open(actorOf(request), request.params.id)
        .catch((error: unknown) => {
          if (error instanceof StoredFileMissingError)
            request.log.error(
              { documentId: request.params.id, path: error.path },
              'the stored file of a document is missing',
            );
          throw error;
        });
      return reply
        .type(document.contentType)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(document.filename)}`,
        )
        .header('content-length', document.sizeBytes)
        .send(stream);
    },
  );
  app.delete(
    '/api/documents/:id',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'Remove a document', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await documents.remove(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
