import { homeView } from '#shared/platform/home/contract.ts';
import { actorOf, type TypedApp } from '../http/typed.ts';
import type { PlatformServices as Services } from '../modules/platform-services.ts';

export function registerHomeRoutes(app: TypedApp, { home }: Services) {
  app.get(
    '/api/home',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['home'],
        summary: 'Your sites and what needs your attention',
        response: { 200: homeView },
      },
    },
    async (request) => home.view(actorOf(request)),
  );
}
