import { z } from 'zod';
import * as c from '#shared/modules/infosec/governance/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import type { MembershipsService } from './memberships.ts';
import { governanceWord } from './messages.ts';
import type { RisksService } from './risks.ts';

const tags = ['infosec'];

/** Routes of governance: memberships and agreements, the risk register and its matrix. */
export function registerGovernanceRoutes(
  app: TypedApp,
  governance: { memberships: MembershipsService; risks: RisksService },
) {
  const { memberships, risks } = governance;
  app.get(
    '/api/infosec/memberships',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary:
          'Memberships and agreements with information-sharing organisations (group-wide and your sites’)',
        querystring: c.membershipListQuery,
        response: { 200: c.membershipPage },
      },
    },
    async (request) => memberships.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/infosec/memberships',
    access: 'infosec.read',
    tags,
    name: 'memberships',
    querystring: c.membershipListQuery,
    list: (actor, q) => memberships.list(actor, q),
    columns: [
      { header: { en: 'Organisation', 'zh-TW': '組織' }, value: (m) => m.organisation, width: 36 },
      {
        header: { en: 'Kind', 'zh-TW': '類型' },
        value: (m) => governanceWord('infosec.membershipKind', m.kind),
      },
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (m) => m.siteCode },
      { header: { en: 'Since', 'zh-TW': '起始日' }, value: (m) => m.since, width: 12 },
      { header: { en: 'Renewal', 'zh-TW': '續約日' }, value: (m) => m.renewalOn, width: 12 },
      { header: { en: 'Renewal due', 'zh-TW': '續約到期' }, value: (m) => m.renewalDueOn, width: 12 },
      { header: { en: 'Owner', 'zh-TW': '負責人' }, value: (m) => m.ownerName, width: 20 },
      { header: { en: 'Documents', 'zh-TW': '文件數' }, value: (m) => m.documents, numberFormat: '0' },
    ],
  });
  app.get(
    '/api/infosec/memberships/:id',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'One membership or agreement',
        params: idParams,
        response: { 200: c.membershipView },
      },
    },
    async (request) => memberships.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/infosec/memberships',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Record a membership or agreement (group-wide ones by group-wide security managers)',
        body: c.membershipInput,
        response: { 201: c.membershipView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await memberships.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/infosec/memberships/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Change a membership or agreement, its renewal date among others',
        params: idParams,
        body: c.membershipPatch,
        response: { 200: c.membershipView },
      },
    },
    async (request) => memberships.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/infosec/memberships/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Remove a membership or agreement that ended or was recorded in error',
        params: idParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await memberships.remove(actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
  registerRiskRoutes(app, risks);
}

function registerRiskRoutes(app: TypedApp, risks: RisksService) {
  app.get(
    '/api/infosec/risks',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'The information security risk register of the sites in your scope, rated on the matrix',
        querystring: c.riskListQuery,
        response: { 200: c.riskPage },
      },
    },
    async (request) => risks.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/infosec/risks',
    access: 'infosec.read',
    tags,
    name: 'risks',
    querystring: c.riskListQuery,
    list: (actor, q) => risks.list(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (r) => r.siteCode },
      { header: { en: 'Risk', 'zh-TW': '風險' }, value: (r) => r.title, width: 40 },
      { header: { en: 'System', 'zh-TW': '系統' }, value: (r) => r.systemName, width: 24 },
      { header: { en: 'Likelihood', 'zh-TW': '可能性' }, value: (r) => r.likelihood, numberFormat: '0' },
      { header: { en: 'Impact', 'zh-TW': '衝擊' }, value: (r) => r.impact, numberFormat: '0' },
      { header: { en: 'Score', 'zh-TW': '分數' }, value: (r) => r.rating.score, numberFormat: '0' },
      {
        header: { en: 'Rating', 'zh-TW': '等級' },
        value: (r) => governanceWord('infosec.riskBand', r.rating.band),
      },
      {
        header: { en: 'Treatment', 'zh-TW': '處理方式' },
        value: (r) => governanceWord('infosec.riskTreatment', r.treatment),
      },
      { header: { en: 'Owner', 'zh-TW': '負責人' }, value: (r) => r.ownerName, width: 20 },
      { header: { en: 'Review on', 'zh-TW': '檢視日' }, value: (r) => r.reviewOn, width: 12 },
      {
        header: { en: 'Residual score', 'zh-TW': '剩餘分數' },
        value: (r) => r.residualRating?.score ?? null,
        numberFormat: '0',
      },
      {
        header: { en: 'Residual rating', 'zh-TW': '剩餘等級' },
        value: (r) => (r.residualRating ? governanceWord('infosec.riskBand', r.residualRating.band) : null),
      },
    ],
  });
  app.get(
    '/api/infosec/risks/heatmap',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'The risks counted by likelihood and impact, inherent or residual, for the heat map',
        querystring: c.riskHeatmapQuery,
        response: { 200: c.riskHeatmap },
      },
    },
    async (request) => risks.heatmap(actorOf(request), request.query),
  );
  app.get(
    '/api/infosec/risk-matrix',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'The risk matrix: levels of likelihood and impact and the bands of their product',
        response: { 200: c.riskMatrixInput },
      },
    },
    async (request) => risks.matrix(actorOf(request)),
  );
  app.put(
    '/api/infosec/risk-matrix',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Change the risk matrix (group-wide security managers)',
        body: c.riskMatrixInput,
        response: { 200: c.riskMatrixInput },
      },
    },
    async (request) => risks.setMatrix(actorOf(request), request.body),
  );
  app.get(
    '/api/infosec/risks/:id',
    {
      config: { access: 'infosec.read' },
      schema: { tags, summary: 'One security risk', params: idParams, response: { 200: c.riskView } },
    },
    async (request) => risks.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/infosec/risks',
    {
      config: { access: 'infosec.manage' },
      schema: { tags, summary: 'Register a security risk', body: c.riskInput, response: { 201: c.riskView } },
    },
    async (request, reply) => reply.status(201).send(await risks.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/infosec/risks/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Change a security risk: its rating, treatment, owner, review date or residual rating',
        params: idParams,
        body: c.riskPatch,
        response: { 200: c.riskView },
      },
    },
    async (request) => risks.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/infosec/risks/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Remove a security risk recorded in error or retired',
        params: idParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await risks.remove(actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
}
