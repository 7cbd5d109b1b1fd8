import { z } from 'zod';
import * as c from '#shared/modules/ohs/hours/contract.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import type { OhsModule } from '../module.ts';

const tags = ['ohs'];

/** Routes of the hours worked per site and month. */
export function registerHoursRoutes(app: TypedApp, ohs: OhsModule) {
  const { hours } = ohs;

  app.get(
    '/api/ohs/hours',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary: 'Hours worked per site and month',
        querystring: c.hoursListQuery,
        response: { 200: z.object({ items: z.array(c.hoursView) }) },
      },
    },
    async (request) => ({
      items: await hours.list(actorOf(request), request.query.year, request.query.siteId),
    }),
  );
  app.put(
    '/api/ohs/hours',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Record the hours worked at a site in a month (spreadsheets: /api/imports, kind ohs_hours)',
        body: c.hoursInput,
        response: { 200: c.hoursView },
      },
    },
    async (request) => hours.put(actorOf(request), request.body),
  );
}
