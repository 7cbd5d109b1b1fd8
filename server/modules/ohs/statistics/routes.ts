import * as c from '#shared/modules/ohs/statistics/contract.ts';
import { AnswerCache } from '../../../platform/http/answer-cache.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import type { OhsModule } from '../module.ts';

const tags = ['ohs'];

/** Routes of injury statistics and rates, and how rates are rounded. */
export function registerStatisticsRoutes(app: TypedApp, ohs: OhsModule) {
  const { statistics } = ohs;
  // The statistics of many sites over years are read again and again and change seldom: their answers are
  // kept under their data's version (the service's key), a few megabytes at most.
  const answers = new AnswerCache(c.statisticsView, { maxBytes: 8 * 1024 * 1024 });

  app.get(
    '/api/ohs/statistics',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary:
          'Injury statistics and rates (FR, SR, FSI, GRI 403-9, TRIR, DART, LTIR) by site, subsidiary or group',
        querystring: c.statisticsQuery,
        response: { 200: c.statisticsView },
      },
    },
    async (request, reply) => {
      const { key, compute } = await statistics.statisticsAnswer(actorOf(request), request.query);
      return answers.send(reply, key, compute);
    },
  );
  app.get(
    '/api/ohs/settings',
    {
      config: { access: 'ohs.read', setting: 'ohs.rates' },
      schema: { tags, summary: 'How rates are rounded', response: { 200: c.ohsSettings } },
    },
    async (request) => statistics.settings(actorOf(request)),
  );
  app.put(
    '/api/ohs/settings',
    {
      config: { access: 'ohs.manage', setting: 'ohs.rates' },
      schema: {
        tags,
        summary: 'Truncate (the Ministry of Labor) or round rates',
        body: c.ohsSettings,
        response: { 200: c.ohsSettings },
      },
    },
    async (request) => statistics.setSettings(actorOf(request), request.body),
  );
}
