import { sourceParams, sourceView } from '#shared/platform/sources/contract.ts';
import { actorOf, type TypedApp } from '../http/typed.ts';
import type { PlatformServices as Services } from '../modules/platform-services.ts';

/** The human name and page of a record that an action or an obligation comes from. */
export function registerSourceRoutes(app: TypedApp, { sources }: Services) {
  app.get(
    '/api/sources/:type/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['sources'],
        summary: 'The name and page of the record an action or obligation comes from, if you may read it',
        params: sourceParams,
        response: { 200: sourceView },
      },
    },
    async (request) => sources.describe(actorOf(request), request.params.type, request.params.id),
  );
}
