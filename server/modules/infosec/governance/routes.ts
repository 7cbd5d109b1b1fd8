import { z } from 'zod';
import * as c from '#shared/modules/infosec/governance/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import type { GoalsService } from './goals.ts';
import type { MembershipsService } from './memberships.ts';
import { governanceWord } from './messages.ts';
import type { PoliciesService } from './policies.ts';
import type { PolicyCampaignsService } from './policy-campaigns.ts';
import { registerPolicyRoutes } from './policy-routes.ts';
import type { RisksService } from './risks.ts';

const tags = ['infosec'];

/** Routes of governance: memberships and agreements, the risk register and its matrix, goals and KPIs. */
export function registerGovernanceRoutes(
  app: TypedApp,
  governance: {
    memberships: MembershipsService;
    risks: RisksService;
    goals: GoalsService;
    policies: PoliciesService;
    policyCampaigns: PolicyCampaignsService;
  },
) {
  const { memberships, risks, goals } = governance;
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
  registerGoalRoutes(app, goals);
  registerPolicyRoutes(app, { policies: governance.policies, campaigns: governance.policyCampaigns });
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
      config: { access: 'infosec.read', setting: 'infosec.risk_matrix' },
      schema: {
        tags,
        summary:
          'The risk matrix: levels of likelihood and impact and the bands of their product, and whether the reader may change it',
        response: { 200: c.riskMatrixView },
      },
    },
    async (request) => risks.matrix(actorOf(request)),
  );
  app.put(
    '/api/infosec/risk-matrix',
    {
      config: { access: 'infosec.manage', setting: 'infosec.risk_matrix' },
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

function registerGoalRoutes(app: TypedApp, goals: GoalsService) {
  app.get(
    '/api/infosec/goals',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'Security goals (the group’s and your sites’) with their KPIs, targets and actuals',
        querystring: c.goalListQuery,
        response: { 200: c.goalPage },
      },
    },
    async (request) => goals.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/infosec/goals',
    access: 'infosec.read',
    tags,
    name: 'security-goals',
    querystring: c.goalListQuery,
    list: (actor, q) => goals.list(actor, q),
    columns: [
      { header: { en: 'Year', 'zh-TW': '年度' }, value: (g) => g.year, numberFormat: '0' },
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (g) => g.siteCode },
      { header: { en: 'Goal', 'zh-TW': '目標' }, value: (g) => g.title, width: 40 },
      { header: { en: 'KPIs', 'zh-TW': 'KPI 數' }, value: (g) => g.kpis.length, numberFormat: '0' },
      {
        header: { en: 'KPIs met', 'zh-TW': '達成 KPI 數' },
        value: (g) => g.kpis.filter((k) => k.met === true).length,
        numberFormat: '0',
      },
    ],
  });
  app.get(
    '/api/infosec/goals/count',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary:
          'How many security goals were set for a year (the group’s and your sites’), counted from the rows',
        querystring: c.goalCountQuery,
        response: { 200: c.goalCount },
      },
    },
    async (request) => goals.count(actorOf(request), request.query.year),
  );
  app.get(
    '/api/infosec/site-kpis',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'The sites’ monthly security KPIs as imported',
        querystring: c.siteKpiListQuery,
        response: { 200: c.siteKpiPage },
      },
    },
    async (request) => goals.siteKpis(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/infosec/site-kpis',
    access: 'infosec.read',
    tags,
    name: 'site-kpis',
    querystring: c.siteKpiListQuery,
    list: (actor, q) => goals.siteKpis(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (k) => k.siteCode },
      { header: { en: 'Month', 'zh-TW': '月份' }, value: (k) => k.month },
      {
        header: { en: 'Training completion %', 'zh-TW': '訓練完成率 %' },
        value: (k) => k.trainingCompletion,
      },
      {
        header: { en: 'Drill participation %', 'zh-TW': '演練參與率 %' },
        value: (k) => k.drillParticipation,
      },
      {
        header: { en: 'Endpoint protection coverage %', 'zh-TW': '端點防護覆蓋率 %' },
        value: (k) => k.endpointProtection,
      },
      {
        header: { en: 'Confidential-file labelling %', 'zh-TW': '機密文件標示率 %' },
        value: (k) => k.fileLabelling,
      },
    ],
  });
  app.get(
    '/api/infosec/goals/:id',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'One security goal with its KPIs',
        params: idParams,
        response: { 200: c.goalView },
      },
    },
    async (request) => goals.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/infosec/goals',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Set a security goal with its KPIs (group goals by group-wide security managers)',
        body: c.goalInput,
        response: { 201: c.goalView },
      },
    },
    async (request, reply) => reply.status(201).send(await goals.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/infosec/goals/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Change a security goal or its KPIs',
        params: idParams,
        body: c.goalPatch,
        response: { 200: c.goalView },
      },
    },
    async (request) => goals.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/infosec/goals/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Remove a security goal set in error',
        params: idParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await goals.remove(actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
}
