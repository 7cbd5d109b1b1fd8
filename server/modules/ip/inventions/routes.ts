import { z } from 'zod';
import * as c from '#shared/modules/ip/inventions/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import { ipWord } from '../messages.ts';
import type { InventionsService } from './service.ts';

const tags = ['ip'];
const choiceQuery = z.object({ q: z.string().trim().max(100).optional() }).strict();
const colleagues = z.object({
  items: z.array(
    z.object({
      id: z.string().uuid(),
      siteId: z.string().uuid(),
      fullName: z.string(),
      employeeNo: z.string(),
    }),
  ),
});

/** Routes of invention disclosures, the committee's decision, filing and the inventors' rewards. */
export function registerInventionRoutes(app: TypedApp, inventions: InventionsService) {
  app.get(
    '/api/ip/disclosures',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Invention disclosures at the sites in your scope (mine=true: those you filed or invented)',
        querystring: c.disclosureListQuery,
        response: { 200: c.disclosurePage },
      },
    },
    async (request) => inventions.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/ip/disclosures',
    access: 'ip.read',
    tags,
    name: 'invention-disclosures',
    querystring: c.disclosureListQuery,
    list: (actor, q) => inventions.list(actor, q),
    columns: [
      { header: { en: 'Reference', 'zh-TW': '編號' }, value: (d) => d.reference, width: 16 },
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (d) => d.siteCode },
      { header: { en: 'Title', 'zh-TW': '名稱' }, value: (d) => d.title, width: 40 },
      { header: { en: 'Submitted', 'zh-TW': '提出日' }, value: (d) => d.submittedAt.slice(0, 10) },
      {
        header: { en: 'Inventors', 'zh-TW': '發明人' },
        value: (d) => d.inventors.map((i) => `${i.name} ${i.share}%`).join('; '),
        width: 30,
      },
      { header: { en: 'Status', 'zh-TW': '狀態' }, value: (d) => ipWord('ip.disclosureStatus', d.status) },
      {
        header: { en: 'Research project', 'zh-TW': '研究計畫' },
        value: (d) => d.researchProjectTitle,
        width: 30,
      },
      { header: { en: 'Family', 'zh-TW': '專利家族' }, value: (d) => d.familyReference },
    ],
  });
  app.get(
    '/api/ip/disclosures/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'One invention disclosure with the decision and the rewards',
        params: idParams,
        response: { 200: c.disclosureDetail },
      },
    },
    async (request) => inventions.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/ip/disclosures',
    {
      config: { access: 'ip.disclose' },
      schema: {
        tags,
        summary: 'File an invention disclosure: inventors and shares, description, research project, partner',
        body: c.disclosureInput,
        response: { 201: c.disclosureDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await inventions.create(actorOf(request), request.body)),
  );
  app.post(
    '/api/ip/disclosures/:id/decision',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'The review committee’s decision: file, keep as a trade secret, publish defensively or drop',
        params: idParams,
        body: c.decisionInput,
        response: { 200: c.disclosureDetail },
      },
    },
    async (request) => inventions.decide(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/ip/disclosures/:id/filing',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary:
          'The application filed: creates the patent family and its first matter, and the filing rewards',
        params: idParams,
        body: c.filingInput,
        response: { 200: c.disclosureDetail },
      },
    },
    async (request) => inventions.file(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/ip/disclosures/:id/grant-rewards',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'The inventors’ rewards on grant, once a patent of the family is granted',
        params: idParams,
        response: { 200: c.disclosureDetail },
      },
    },
    async (request) => inventions.grantRewards(actorOf(request), request.params.id),
  );
  app.post(
    '/api/ip/invention-rewards/:id/payment',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Record that an inventor’s reward was paid',
        params: idParams,
        body: c.rewardPayment,
        response: { 200: c.disclosureDetail },
      },
    },
    async (request) => inventions.payReward(actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/ip/invention-reward-schedule',
    {
      config: { access: 'ip.read', setting: 'ip.invention_rewards' },
      schema: {
        tags,
        summary: 'The company’s inventor reward schedule (NT$)',
        response: { 200: c.rewardSchedule },
      },
    },
    async () => inventions.schedule(),
  );
  app.put(
    '/api/ip/invention-reward-schedule',
    {
      config: { access: 'ip.manage', setting: 'ip.invention_rewards' },
      schema: {
        tags,
        summary: 'Change the inventor reward schedule (group-wide IP managers)',
        body: c.rewardScheduleInput,
        response: { 200: c.rewardSchedule },
      },
    },
    async (request) => inventions.setSchedule(actorOf(request), request.body),
  );
  app.get(
    '/api/ip/disclosure-colleagues',
    {
      config: { access: 'ip.disclose' },
      schema: {
        tags,
        summary: 'Colleagues to name as co-inventors: current employees at the sites you see',
        querystring: choiceQuery,
        response: { 200: colleagues },
      },
    },
    async (request) => inventions.colleagues(actorOf(request), request.query.q),
  );
  app.get(
    '/api/ip/disclosure-projects',
    {
      config: { access: 'ip.disclose' },
      schema: {
        tags,
        summary: 'Research projects a disclosure may name: those at the sites you see',
        querystring: choiceQuery,
        response: { 200: c.researchProjectChoices },
      },
    },
    async (request) => inventions.projectChoices(actorOf(request), request.query.q),
  );
  app.get(
    '/api/ip/research-projects/:id/disclosures',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: 'The invention disclosures that came out of a research project, for its readers',
        params: idParams,
        response: { 200: c.projectDisclosures },
      },
    },
    async (request) => inventions.ofProject(actorOf(request), request.params.id),
  );
}
