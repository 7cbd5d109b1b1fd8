import { z } from 'zod';
import * as c from '#shared/modules/academia/contract.ts';
import { deleteQuery } from '#shared/modules/academia/teaching-contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../platform/http/typed.ts';
import { academiaWord } from './messages.ts';
import type { AcademiaModule } from './module.ts';

const tags = ['academia'];
const money = (minor: number) => (minor / 100).toFixed(2);

/** Routes of partners, agreements, research projects, payments, exchange rates and the year's contribution. */
export function registerAcademiaRoutes(app: TypedApp, academia: AcademiaModule) {
  const { partners, projects, payments, contribution } = academia;

  // ---- partners (group records)
  app.get(
    '/api/academia/partners',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: 'Universities and institutes',
        querystring: c.partnerListQuery,
        response: { 200: c.partnerPage },
      },
    },
    async (request) => partners.listPartners(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/academia/partners',
    access: 'academia.read',
    tags,
    name: 'academia-partners',
    querystring: c.partnerListQuery,
    list: (actor, q) => partners.listPartners(actor, q),
    columns: [
      { header: { en: 'Name', 'zh-TW': '名稱' }, value: (p) => p.name, width: 40 },
      { header: { en: 'Chinese name', 'zh-TW': '中文名稱' }, value: (p) => p.nameZh, width: 24 },
      { header: { en: 'Country', 'zh-TW': '國家' }, value: (p) => p.country },
      { header: { en: 'Kind', 'zh-TW': '類型' }, value: (p) => academiaWord('academia.partnerKind', p.kind) },
    ],
  });
  app.get(
    '/api/academia/partners/:id',
    {
      config: { access: 'academia.read' },
      schema: { tags, summary: 'One partner', params: idParams, response: { 200: c.partnerView } },
    },
    async (request) => partners.getPartner(actorOf(request), request.params.id),
  );
  app.post(
    '/api/academia/partners',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Add a university or institute',
        body: c.partnerInput,
        response: { 201: c.partnerView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await partners.createPartner(actorOf(request), request.body)),
  );
  app.patch(
    '/api/academia/partners/:id',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Change a partner',
        params: idParams,
        body: c.partnerPatch,
        response: { 200: c.partnerView },
      },
    },
    async (request) => partners.updatePartner(actorOf(request), request.params.id, request.body),
  );

  // ---- agreements
  app.get(
    '/api/academia/agreements',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: 'Agreements with partners',
        querystring: c.agreementListQuery,
        response: { 200: c.agreementPage },
      },
    },
    async (request) => partners.listAgreements(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/academia/agreements',
    access: 'academia.read',
    tags,
    name: 'academia-agreements',
    querystring: c.agreementListQuery,
    list: (actor, q) => partners.listAgreements(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (a) => a.siteCode },
      { header: { en: 'Partner', 'zh-TW': '合作學校' }, value: (a) => a.partnerName, width: 36 },
      {
        header: { en: 'Kind', 'zh-TW': '類型' },
        value: (a) => academiaWord('academia.agreementKind', a.kind),
      },
      { header: { en: 'Title', 'zh-TW': '名稱' }, value: (a) => a.title, width: 36 },
      { header: { en: 'Starts', 'zh-TW': '開始' }, value: (a) => a.startsOn },
      { header: { en: 'Ends', 'zh-TW': '結束' }, value: (a) => a.endsOn },
      { header: { en: 'Renewal due', 'zh-TW': '續約期限' }, value: (a) => a.renewalDue },
    ],
  });
  app.get(
    '/api/academia/agreements/:id',
    {
      config: { access: 'academia.read' },
      schema: { tags, summary: 'One agreement', params: idParams, response: { 200: c.agreementView } },
    },
    async (request) => partners.getAgreement(actorOf(request), request.params.id),
  );
  app.post(
    '/api/academia/agreements',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Record an agreement; its renewal becomes an obligation',
        body: c.agreementInput,
        response: { 201: c.agreementView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await partners.createAgreement(actorOf(request), request.body)),
  );
  app.patch(
    '/api/academia/agreements/:id',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Change an agreement',
        params: idParams,
        body: c.agreementPatch,
        response: { 200: c.agreementView },
      },
    },
    async (request) => partners.updateAgreement(actorOf(request), request.params.id, request.body),
  );

  // ---- research projects
  app.get(
    '/api/academia/projects',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: 'Research projects',
        querystring: c.projectListQuery,
        response: { 200: c.projectPage },
      },
    },
    async (request) => projects.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/academia/projects',
    access: 'academia.read',
    tags,
    name: 'academia-projects',
    querystring: c.projectListQuery,
    list: (actor, q) => projects.list(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (p) => p.siteCode },
      { header: { en: 'Title', 'zh-TW': '計畫名稱' }, value: (p) => p.title, width: 40 },
      { header: { en: 'Partner', 'zh-TW': '合作學校' }, value: (p) => p.partnerName, width: 32 },
      {
        header: { en: 'Line', 'zh-TW': '研究主題' },
        value: (p) => academiaWord('academia.projectLine', p.line),
      },
      {
        header: { en: 'Principal investigator', 'zh-TW': '計畫主持人' },
        value: (p) => p.principalInvestigator,
        width: 24,
      },
      {
        header: { en: 'Status', 'zh-TW': '狀態' },
        value: (p) => academiaWord('academia.projectStatus', p.status),
      },
      { header: { en: 'Starts', 'zh-TW': '開始' }, value: (p) => p.startsOn },
      { header: { en: 'Ends', 'zh-TW': '結束' }, value: (p) => p.endsOn },
      { header: { en: 'Currency', 'zh-TW': '幣別' }, value: (p) => p.currency },
      { header: { en: 'Budget', 'zh-TW': '預算' }, value: (p) => money(p.budgetMinor) },
    ],
  });
  app.get(
    '/api/academia/projects/:id',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary:
          'One research project with its budget and spending by year, milestones, outcomes and payments',
        params: idParams,
        response: { 200: c.projectDetail },
      },
    },
    async (request) => projects.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/academia/projects',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Start a research project',
        body: c.projectInput,
        response: { 201: c.projectDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await projects.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/academia/projects/:id',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Change a research project or its budget',
        params: idParams,
        body: c.projectPatch,
        response: { 200: c.projectDetail },
      },
    },
    async (request) => projects.update(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/academia/projects/:id/milestones',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Add a milestone (an obligation until done)',
        params: idParams,
        body: c.milestoneInput,
        response: { 201: c.milestoneView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await projects.milestones.add(actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/academia/milestones/:id',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Change a milestone or mark it done',
        params: idParams,
        body: c.milestonePatch,
        response: { 200: c.milestoneView },
      },
    },
    async (request) => projects.milestones.update(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/academia/projects/:id/outcomes',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Record an outcome: a paper, a patent (its invention disclosure), a prototype, adoption',
        params: idParams,
        body: c.outcomeInput,
        response: { 201: c.projectDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await projects.addOutcome(actorOf(request), request.params.id, request.body)),
  );

  // ---- payments and exchange rates
  app.get(
    '/api/academia/payments',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: 'Payments to partners',
        querystring: c.paymentListQuery,
        response: { 200: c.paymentPage },
      },
    },
    async (request) => payments.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/academia/payments',
    access: 'academia.read',
    tags,
    name: 'academia-payments',
    querystring: c.paymentListQuery,
    list: (actor, q) => payments.list(actor, q),
    columns: [
      { header: { en: 'Paid on', 'zh-TW': '支付日期' }, value: (x) => x.paidOn },
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (x) => x.siteCode },
      {
        header: { en: 'School', 'zh-TW': '學校' },
        value: (x, locale) => (locale === 'zh-TW' && x.partnerNameZh) || x.partnerName,
        width: 32,
      },
      {
        header: { en: 'Category', 'zh-TW': '類別' },
        value: (x) => academiaWord('academia.paymentCategory', x.category),
      },
      { header: { en: 'Currency', 'zh-TW': '幣別' }, value: (x) => x.currency },
      { header: { en: 'Amount', 'zh-TW': '金額' }, value: (x) => money(x.amountMinor) },
      { header: { en: 'Note', 'zh-TW': '備註' }, value: (x) => x.note ?? '', width: 32 },
    ],
  });
  app.post(
    '/api/academia/payments',
    {
      config: { access: 'academia.manage' },
      schema: { tags, summary: 'Record a payment', body: c.paymentInput, response: { 201: c.paymentView } },
    },
    async (request, reply) => reply.status(201).send(await payments.create(actorOf(request), request.body)),
  );
  app.get(
    '/api/academia/payments/:id',
    {
      config: { access: 'academia.read' },
      schema: { tags, summary: 'One payment', params: idParams, response: { 200: c.paymentView } },
    },
    async (request) => payments.get(actorOf(request), request.params.id),
  );
  app.patch(
    '/api/academia/payments/:id',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Correct a payment’s day, amount, currency or note',
        params: idParams,
        body: c.paymentPatch,
        response: { 200: c.paymentView },
      },
    },
    async (request) => payments.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/academia/payments/:id',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Remove a payment recorded in error',
        params: idParams,
        querystring: deleteQuery,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await payments.remove(actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/academia/exchange-rates',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: 'The dated exchange rates payments convert at',
        response: { 200: c.rateList },
      },
    },
    async (request) => payments.listRates(actorOf(request)),
  );
  app.post(
    '/api/academia/exchange-rates',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Add a dated exchange rate (group-wide managers of the program)',
        body: c.rateInput,
        response: { 201: c.rateView },
      },
    },
    async (request, reply) => reply.status(201).send(await payments.addRate(actorOf(request), request.body)),
  );

  // ---- the year's contribution
  app.get(
    '/api/academia/contribution',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: "The year's contribution computed from the records at the reader's sites",
        querystring: c.contributionQuery,
        response: { 200: c.contributionView },
      },
    },
    async (request) => contribution.year(actorOf(request), request.query.year),
  );
  app.get(
    '/api/academia/patent-outcomes',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: 'Research projects whose patent outcome carries this invention disclosure reference',
        querystring: z.object({ ipReference: z.string().trim().min(1).max(100) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({ projectId: z.string().uuid(), outcomeId: z.string().uuid(), title: z.string() }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await projects.byIpReference(actorOf(request), request.query.ipReference) }),
  );
}
