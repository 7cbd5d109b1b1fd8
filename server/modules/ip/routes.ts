import * as c from '#shared/modules/ip/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../platform/http/typed.ts';
import { renderText, word } from '../../platform/i18n/index.ts';
import { registerIpBoardRoutes } from './board/routes.ts';
import { registerExitInterviewRoutes } from './exit-interviews/routes.ts';
import { registerForecastRoutes } from './forecast/routes.ts';
import { registerMatterImportRoutes } from './import/routes.ts';
import { registerInventionRoutes } from './inventions/routes.ts';
import { registerKeepDropRoutes } from './keep-drop/routes.ts';
import { registerLicenceRoutes } from './licences/routes.ts';
import { ipWord } from './messages.ts';
import type { IpModule } from './module.ts';
import { registerOfficeActionRoutes } from './office-actions-routes.ts';
import { registerReviewRoutes } from './reviews/routes.ts';
import { registerRiskCaseRoutes } from './risk/routes.ts';
import { registerSecretRoutes } from './secrets-routes.ts';

const tags = ['ip'];

/** Routes of the IP portfolio: families, matters and their deadlines, trademarks, trade secrets, office calendars. */
export function registerIpRoutes(app: TypedApp, ip: IpModule) {
  const { families, matters, trademarks, calendars } = ip;
  registerSecretRoutes(app, ip.secrets);
  registerExitInterviewRoutes(app, ip.exitInterviews);
  registerInventionRoutes(app, ip.inventions);
  registerLicenceRoutes(app, ip.licences, ip.fto);
  registerRiskCaseRoutes(app, ip.riskCases);
  registerKeepDropRoutes(app, ip.keepDrop);
  registerReviewRoutes(app, ip.reviews);
  registerOfficeActionRoutes(app, ip.officeActions);
  registerForecastRoutes(app, ip.forecast);
  registerIpBoardRoutes(app, ip.board);
  registerMatterImportRoutes(app, ip.usptoImport);

  app.get(
    '/api/ip/portfolio/counts',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'Matters by office and status as they stood on a day: granted and pending',
        querystring: c.portfolioCountsQuery,
        response: { 200: c.portfolioCounts },
      },
    },
    async (request) => ip.portfolio.counts(actorOf(request), request.query),
  );
  app.get(
    '/api/ip/portfolio/green',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'Green-related patents granted in a year by technology, and all granted up to its end',
        querystring: c.greenQuery,
        response: { 200: c.greenView },
      },
    },
    async (request) => ip.portfolio.green(actorOf(request), request.query),
  );
  app.get(
    '/api/ip/matters',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'The portfolio: matters per office with their next deadline',
        querystring: c.matterListQuery,
        response: { 200: c.matterPage },
      },
    },
    async (request) => matters.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/ip/matters',
    access: 'ip.read',
    tags,
    name: 'ip-portfolio',
    querystring: c.matterListQuery,
    list: (actor, q) => matters.list(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (m) => m.siteCode },
      { header: { en: 'Family', 'zh-TW': '專利家族' }, value: (m) => m.familyReference, width: 16 },
      { header: { en: 'Title', 'zh-TW': '名稱' }, value: (m) => m.familyTitle, width: 40 },
      { header: { en: 'Office', 'zh-TW': '專利局' }, value: (m) => m.office },
      { header: { en: 'Kind', 'zh-TW': '種類' }, value: (m) => ipWord('ip.kind', m.kind) },
      { header: { en: 'Application no.', 'zh-TW': '申請號' }, value: (m) => m.applicationNo, width: 18 },
      { header: { en: 'Filing date', 'zh-TW': '申請日' }, value: (m) => m.filingDate },
      { header: { en: 'Priority date', 'zh-TW': '優先權日' }, value: (m) => m.priorityDate },
      { header: { en: 'Grant date', 'zh-TW': '公告／核准日' }, value: (m) => m.grantDate },
      { header: { en: 'Patent no.', 'zh-TW': '專利號' }, value: (m) => m.patentNo, width: 16 },
      { header: { en: 'Status', 'zh-TW': '狀態' }, value: (m) => ipWord('ip.status', m.status) },
      { header: { en: 'Term ends', 'zh-TW': '專利期滿' }, value: (m) => m.termEnd },
      {
        header: { en: 'Next deadline', 'zh-TW': '下一期限' },
        value: (m, locale) =>
          m.nextDeadline
            ? `${renderText(locale, word('ip.obligationKind', m.nextDeadline.kind))} ${m.nextDeadline.actBy}`
            : null,
        width: 24,
      },
      {
        header: { en: 'Data problems', 'zh-TW': '資料問題' },
        value: (m, locale) =>
          m.problems.map((p) => renderText(locale, ipWord('ip.problem', p.code))).join('; '),
      },
    ],
  });
  app.get(
    '/api/ip/matters/:id',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'One matter with every deadline',
        params: idParams,
        response: { 200: c.matterDetail },
      },
    },
    async (request) => matters.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/ip/matters',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Record a matter of a family in an office',
        body: c.matterInput,
        response: { 201: c.matterDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await matters.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/ip/matters/:id',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Change a matter (publication, grant, status…)',
        params: idParams,
        body: c.matterPatch,
        response: { 200: c.matterDetail },
      },
    },
    async (request) => matters.update(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/ip/families',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'Patent families',
        querystring: c.familyListQuery,
        response: { 200: c.familyPage },
      },
    },
    async (request) => families.list(actorOf(request), request.query),
  );
  app.get(
    '/api/ip/families/:id',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'One family with its matters',
        params: idParams,
        response: { 200: c.familyDetail },
      },
    },
    async (request) => families.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/ip/families',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Record a patent family with its inventors',
        body: c.familyInput,
        response: { 201: c.familyDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await families.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/ip/families/:id',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Change a family or its inventors',
        params: idParams,
        body: c.familyPatch,
        response: { 200: c.familyDetail },
      },
    },
    async (request) => families.update(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/ip/trademarks',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'Trademarks and their renewals',
        querystring: c.trademarkListQuery,
        response: { 200: c.trademarkPage },
      },
    },
    async (request) => trademarks.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/ip/trademarks',
    access: 'ip.read',
    tags,
    name: 'trademarks',
    querystring: c.trademarkListQuery,
    list: (actor, q) => trademarks.list(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (t) => t.siteCode },
      { header: { en: 'Mark', 'zh-TW': '商標' }, value: (t) => t.mark, width: 24 },
      { header: { en: 'Office', 'zh-TW': '註冊地' }, value: (t) => t.office },
      { header: { en: 'Classes', 'zh-TW': '類別' }, value: (t) => t.niceClasses.join(', ') },
      { header: { en: 'Application no.', 'zh-TW': '申請號' }, value: (t) => t.applicationNo, width: 18 },
      { header: { en: 'Registration no.', 'zh-TW': '註冊號' }, value: (t) => t.registrationNo, width: 18 },
      { header: { en: 'Status', 'zh-TW': '狀態' }, value: (t) => ipWord('ip.trademarkStatus', t.status) },
      { header: { en: 'Expires', 'zh-TW': '專用期限' }, value: (t) => t.expires },
    ],
  });
  app.get(
    '/api/ip/trademarks/:id',
    {
      config: { access: 'ip.read' },
      schema: { tags, summary: 'One trademark', params: idParams, response: { 200: c.trademarkView } },
    },
    async (request) => trademarks.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/ip/trademarks',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Record a trademark',
        body: c.trademarkInput,
        response: { 201: c.trademarkView },
      },
    },
    async (request, reply) => reply.status(201).send(await trademarks.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/ip/trademarks/:id',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Change a trademark',
        params: idParams,
        body: c.trademarkPatch,
        response: { 200: c.trademarkView },
      },
    },
    async (request) => trademarks.update(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/ip/office-closures',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'The days each office is closed (the USPTO’s by statute, the others as entered)',
        querystring: c.closureListQuery,
        response: { 200: c.closureList },
      },
    },
    async (request) => calendars.list(actorOf(request), request.query),
  );
  app.post(
    '/api/ip/office-closures',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Enter a day an office is closed (group-wide IP managers)',
        body: c.closureInput,
        response: { 201: c.closureView },
      },
    },
    async (request, reply) => reply.status(201).send(await calendars.add(actorOf(request), request.body)),
  );
  app.delete(
    '/api/ip/office-closures',
    {
      config: { access: 'ip.manage' },
      schema: { tags, summary: 'Remove an entered closure day', body: c.closureKey },
    },
    async (request, reply) => {
      await calendars.remove(actorOf(request), request.body.office, request.body.day);
      return reply.status(204).send();
    },
  );
}
