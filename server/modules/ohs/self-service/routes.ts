import * as c from '#shared/modules/ohs/self-service/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import type { OhsModule } from '../module.ts';

const tags = ['ohs'];

/** The self-service routes: a person's own reports and a contractor worker's own qualifications. */
export function registerSelfServiceRoutes(app: TypedApp, { self }: OhsModule) {
  app.get(
    '/api/ohs/my/reports',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'The incidents and hazards you reported, where each stands and what was done about it',
        querystring: c.myReportsQuery,
        response: { 200: c.myReportsPage },
      },
    },
    async (request) => self.myReports(actorOf(request), request.query),
  );
  app.get(
    '/api/ohs/my/qualifications',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Your own qualifications as a contractor worker, with their expiry',
        response: { 200: c.myQualifications },
      },
    },
    async (request) => self.myQualifications(actorOf(request)),
  );
  app.get(
    '/api/ohs/my/qualifications/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'One of your own qualifications (any other is not found)',
        params: idParams,
        response: { 200: c.myQualification },
      },
    },
    async (request) => self.myQualification(actorOf(request), request.params.id),
  );
}
