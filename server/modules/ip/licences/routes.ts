import * as c from '#shared/modules/ip/licences/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import { ipWord } from '../messages.ts';
import type { FtoService } from './fto.ts';
import type { LicencesService } from './service.ts';

const tags = ['ip'];

/** Routes of licences, their royalty reports, and freedom-to-operate records. */
export function registerLicenceRoutes(app: TypedApp, licences: LicencesService, fto: FtoService) {
  app.get(
    '/api/ip/licences',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'Licences in, out and across: parties, coverage, term, royalties and the next report',
        querystring: c.licenceListQuery,
        response: { 200: c.licencePage },
      },
    },
    async (request) => licences.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/ip/licences',
    access: 'ip.read',
    tags,
    name: 'licences',
    querystring: c.licenceListQuery,
    list: (actor, q) => licences.list(actor, q),
    columns: [
      { header: { en: 'Reference', 'zh-TW': '編號' }, value: (l) => l.reference },
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (l) => l.siteCode },
      { header: { en: 'Our party', 'zh-TW': '我方當事人' }, value: (l) => l.subsidiaryName, width: 24 },
      {
        header: { en: 'Direction', 'zh-TW': '類型' },
        value: (l) => ipWord('ip.licenceDirection', l.direction),
      },
      { header: { en: 'Counterparty', 'zh-TW': '相對人' }, value: (l) => l.counterparty, width: 28 },
      { header: { en: 'Subject', 'zh-TW': '標的' }, value: (l) => l.subject, width: 36 },
      { header: { en: 'Territory', 'zh-TW': '地域' }, value: (l) => l.territory.join(' ') },
      { header: { en: 'Field of use', 'zh-TW': '實施領域' }, value: (l) => l.fieldOfUse, width: 24 },
      { header: { en: 'Starts', 'zh-TW': '起始日' }, value: (l) => l.startsOn },
      { header: { en: 'Ends', 'zh-TW': '終止日' }, value: (l) => l.endsOn },
      {
        header: { en: 'Exclusivity', 'zh-TW': '專屬性' },
        value: (l) => ipWord('ip.exclusivity', l.exclusivity),
      },
      {
        header: { en: 'Royalty', 'zh-TW': '權利金' },
        value: (l) => ipWord('ip.royaltyBasis', l.royaltyBasis),
      },
      { header: { en: 'Rate (%)', 'zh-TW': '費率（%）' }, value: (l) => l.royaltyRate },
      { header: { en: 'Fixed amount', 'zh-TW': '固定金額' }, value: (l) => l.royaltyAmount },
      { header: { en: 'Currency', 'zh-TW': '幣別' }, value: (l) => l.currency },
      {
        header: { en: 'Families', 'zh-TW': '專利家族' },
        value: (l) => l.families.map((f) => f.reference).join('; '),
        width: 24,
      },
      {
        header: { en: 'Matters', 'zh-TW': '案件' },
        value: (l) => l.matters.map((m) => `${m.office} ${m.applicationNo}`).join('; '),
        width: 24,
      },
      {
        header: { en: 'Next report due', 'zh-TW': '下次報告期限' },
        value: (l) => l.nextReport?.dueDate ?? null,
      },
    ],
  });
  app.get(
    '/api/ip/licences/:id',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'One licence with its royalty reports',
        params: idParams,
        response: { 200: c.licenceDetail },
      },
    },
    async (request) => licences.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/ip/licences',
    {
      config: { access: 'ip.manage' },
      schema: { tags, summary: 'Register a licence', body: c.licenceInput, response: { 201: c.licenceView } },
    },
    async (request, reply) => reply.status(201).send(await licences.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/ip/licences/:id',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Change a licence',
        params: idParams,
        body: c.licencePatch,
        response: { 200: c.licenceDetail },
      },
    },
    async (request) => licences.update(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/ip/licences/:id/royalty-reports',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Record the royalty report of one period (the obligation moves to the next)',
        params: idParams,
        body: c.royaltyReportInput,
        response: { 201: c.licenceDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await licences.recordReport(actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/ip/matters/:id/licences',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'The licences a matter is under (naming it or its family)',
        params: idParams,
        response: { 200: c.matterLicences },
      },
    },
    async (request) => licences.ofMatter(actorOf(request), request.params.id),
  );

  app.get(
    '/api/ip/fto',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'Freedom-to-operate records per product or technology',
        querystring: c.ftoListQuery,
        response: { 200: c.ftoPage },
      },
    },
    async (request) => fto.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/ip/fto',
    access: 'ip.read',
    tags,
    name: 'freedom-to-operate',
    querystring: c.ftoListQuery,
    list: (actor, q) => fto.list(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (o) => o.siteCode },
      { header: { en: 'Product or technology', 'zh-TW': '產品或技術' }, value: (o) => o.subject, width: 36 },
      { header: { en: 'Technology', 'zh-TW': '技術領域' }, value: (o) => o.technology },
      {
        header: { en: 'Conclusion', 'zh-TW': '結論' },
        value: (o) => ipWord('ip.ftoConclusion', o.conclusion),
        width: 24,
      },
      { header: { en: 'Counsel', 'zh-TW': '意見律師' }, value: (o) => o.counsel, width: 24 },
      { header: { en: 'Opinion date', 'zh-TW': '意見日期' }, value: (o) => o.opinionDate },
      {
        header: { en: 'Patents considered', 'zh-TW': '檢視之專利' },
        value: (o) => o.patentsConsidered.join('; '),
        width: 36,
      },
      {
        header: { en: 'Our families', 'zh-TW': '我方專利家族' },
        value: (o) => o.families.map((f) => f.reference).join('; '),
        width: 24,
      },
    ],
  });
  app.get(
    '/api/ip/fto/:id',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'One freedom-to-operate record',
        params: idParams,
        response: { 200: c.ftoView },
      },
    },
    async (request) => fto.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/ip/fto',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Record a freedom-to-operate opinion',
        body: c.ftoInput,
        response: { 201: c.ftoView },
      },
    },
    async (request, reply) => reply.status(201).send(await fto.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/ip/fto/:id',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Change a freedom-to-operate record',
        params: idParams,
        body: c.ftoPatch,
        response: { 200: c.ftoView },
      },
    },
    async (request) => fto.update(actorOf(request), request.params.id, request.body),
  );
}
