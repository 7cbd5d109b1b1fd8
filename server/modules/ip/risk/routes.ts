import { z } from 'zod';
import * as c from '#shared/modules/ip/risk/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import { ipWord } from '../messages.ts';
import type { RiskCasesService } from './service.ts';

const tags = ['ip'];

/** Routes of IP risk cases: the register, their steps, costs and the security incident they name. */
export function registerRiskCaseRoutes(app: TypedApp, cases: RiskCasesService) {
  app.get(
    '/api/ip/risk-cases',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'IP risk cases: misappropriation, infringement either way, indemnity claims, litigation',
        querystring: c.riskCaseListQuery,
        response: { 200: c.riskCasePage },
      },
    },
    async (request) => cases.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/ip/risk-cases',
    access: 'ip.read',
    tags,
    name: 'ip-risk-cases',
    querystring: c.riskCaseListQuery,
    list: (actor, q) => cases.list(actor, q),
    columns: [
      { header: { en: 'Reference', 'zh-TW': '編號' }, value: (x) => x.reference },
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (x) => x.siteCode },
      { header: { en: 'Kind', 'zh-TW': '類型' }, value: (x) => ipWord('ip.riskKind', x.kind), width: 24 },
      {
        header: { en: 'Direction', 'zh-TW': '方向' },
        value: (x) => ipWord('ip.riskDirection', x.direction),
        width: 22,
      },
      { header: { en: 'Title', 'zh-TW': '案由' }, value: (x) => x.title, width: 36 },
      { header: { en: 'Counterparty', 'zh-TW': '相對人' }, value: (x) => x.counterparty, width: 24 },
      { header: { en: 'Counsel', 'zh-TW': '律師' }, value: (x) => x.counsel, width: 24 },
      { header: { en: 'Step', 'zh-TW': '處理階段' }, value: (x) => ipWord('ip.riskStep', x.step) },
      { header: { en: 'Since', 'zh-TW': '起始日' }, value: (x) => x.stepOn },
      {
        header: { en: 'Outcome', 'zh-TW': '結果' },
        value: (x) => (x.outcome ? ipWord('ip.riskOutcome', x.outcome) : null),
      },
      {
        header: { en: 'Costs', 'zh-TW': '費用' },
        value: (x) => x.costs.map((k) => `${k.currency} ${k.amount}`).join('; '),
        width: 24,
      },
      {
        header: { en: 'Security incident', 'zh-TW': '資安事件' },
        value: (x) => x.incident?.reference ?? null,
      },
    ],
  });
  app.get(
    '/api/ip/risk-cases/:id',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'One risk case with its steps and costs',
        params: idParams,
        response: { 200: c.riskCaseDetail },
      },
    },
    async (request) => cases.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/ip/risk-cases',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Open a risk case',
        body: c.riskCaseInput,
        response: { 201: c.riskCaseDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await cases.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/ip/risk-cases/:id',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Change a risk case, its security incident or its outcome',
        params: idParams,
        body: c.riskCasePatch,
        response: { 200: c.riskCaseDetail },
      },
    },
    async (request) => cases.update(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/ip/risk-cases/:id/steps',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Record a step of the response procedure on its day',
        params: idParams,
        body: c.riskStepInput,
        response: { 201: c.riskCaseDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await cases.recordStep(actorOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/ip/risk-cases/:id/costs',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Record a cost of a risk case',
        params: idParams,
        body: c.riskCostInput,
        response: { 201: c.riskCaseDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await cases.addCost(actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/ip/security-incidents/:id/risk-cases',
    {
      // Readers of the incident (some hold no program permission: the people named on it) see the cases
      // they may read in the IP program, which may be none.
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'The risk cases that name a security incident (those you may read)',
        params: idParams,
        response: { 200: c.incidentRiskCases },
      },
    },
    async (request) => cases.ofIncident(actorOf(request), request.params.id),
  );
  app.get(
    '/api/ip/risk-case-incidents',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Security incidents you may read, for a risk case to name',
        querystring: z.object({ q: z.string().trim().max(200).optional() }),
        response: { 200: c.incidentChoices },
      },
    },
    async (request) => cases.incidentChoices(actorOf(request), request.query.q),
  );
}
