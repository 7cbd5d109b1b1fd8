import { usptoUploadQuery, usptoUploadView } from '#shared/modules/ip/import/contract.ts';
import { ValidationError } from '../../../platform/http/errors.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import { USPTO_XML_MAX_BYTES, type UsptoImportService } from './service.ts';

const tags = ['ip'];

export function registerMatterImportRoutes(app: TypedApp, uspto: UsptoImportService) {
  app.post(
    '/api/ip/matters/uspto-xml',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary:
          'Upload USPTO grant XML (multipart field "file") as an import of patent matters owned by a site',
        querystring: usptoUploadQuery,
        consumes: ['multipart/form-data'],
        response: { 201: usptoUploadView },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new ValidationError('Send the file as multipart/form-data in the field "file".');
      const file = await request.file({ limits: { fileSize: USPTO_XML_MAX_BYTES + 1 } });
      if (file?.fieldname !== 'file')
        throw new ValidationError('Send the file in the multipart field "file".', [
          { path: 'file', message: 'Required' },
        ]);
      const answer = await uspto.upload(actorOf(request), request.query, {
        filename: file.filename,
        stream: file.file,
      });
      return reply.status(201).send(answer);
    },
  );
}
