import { z } from 'zod';
import { access } from '../../platform/access/service.ts';
import { registerListExport } from '../../platform/exports/list-export.ts';
import { idParams } from '../../platform/http/list.ts';
import { actorOf, type TypedApp } from '../../platform/http/typed.ts';
import { renderMessage } from '../../platform/i18n/index.ts';
import * as c from './contract-work.ts';
import { ohsWord } from './messages.ts';
import type { OhsModule } from './module.ts';
import { checklists, permitTypes } from './rules/permits.ts';

const tags = ['ohs'];

/** Routes of hazards and risk, permits to work and contractor qualifications. */
export function registerOhsWorkRoutes(app: TypedApp, ohs: OhsModule) {
  const { hazards, permits, qualifications } = ohs;

  app.get(
    '/api/ohs/risk-matrix',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary: 'The likelihood × severity matrix in use',
        response: { 200: c.riskMatrixView },
      },
    },
    async (request) => {
      access.listScope(actorOf(request), 'ohs.read', 'ohs');
      return hazards.matrix();
    },
  );
  app.put(
    '/api/ohs/risk-matrix',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Configure the risk matrix (group-wide OHS managers)',
        body: c.riskMatrixView.strict(),
        response: { 200: c.riskMatrixView },
      },
    },
    async (request) => hazards.setMatrix(actorOf(request), request.body),
  );
  app.get(
    '/api/ohs/hazards',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary: 'Hazards and their risk, highest residual risk first',
        querystring: c.hazardListQuery,
        response: { 200: c.hazardPage },
      },
    },
    async (request) => hazards.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/ohs/hazards',
    access: 'ohs.read',
    tags,
    name: 'hazards',
    querystring: c.hazardListQuery,
    list: (actor, q) => hazards.list(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (h) => h.siteCode },
      { header: { en: 'Area', 'zh-TW': '區域' }, value: (h) => h.areaName, width: 18 },
      { header: { en: 'Activity', 'zh-TW': '作業' }, value: (h) => h.activity, width: 28 },
      { header: { en: 'Hazard', 'zh-TW': '危害' }, value: (h) => h.hazard, width: 32 },
      {
        header: { en: 'Risk', 'zh-TW': '風險' },
        value: (h, locale) => `${h.score} ${renderMessage(locale, ohsWord('ohs.riskLevel', h.level))}`,
      },
      {
        header: { en: 'Controls', 'zh-TW': '控制措施' },
        value: (h, locale) =>
          h.controls
            .map((x) => `${renderMessage(locale, ohsWord('ohs.controlType', x.type))}: ${x.description}`)
            .join('; '),
        width: 48,
      },
      {
        header: { en: 'Residual risk', 'zh-TW': '殘餘風險' },
        value: (h, locale) =>
          `${h.residualScore} ${renderMessage(locale, ohsWord('ohs.riskLevel', h.residualLevel))}`,
      },
      { header: { en: 'Next review', 'zh-TW': '下次審查' }, value: (h) => h.nextReview },
    ],
  });
  app.get(
    '/api/ohs/hazards/:id',
    {
      config: { access: 'ohs.read' },
      schema: { tags, summary: 'One hazard', params: idParams, response: { 200: c.hazardView } },
    },
    async (request) => hazards.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/ohs/hazards',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Assess a hazard of an area and activity',
        body: c.hazardInput,
        response: { 201: c.hazardView },
      },
    },
    async (request, reply) => reply.status(201).send(await hazards.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/ohs/hazards/:id',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Change a hazard, record its review, or archive it',
        params: idParams,
        body: c.hazardPatch,
        response: { 200: c.hazardView },
      },
    },
    async (request) => hazards.update(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/ohs/permit-types',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary: 'The eight high-risk operations and their checklists',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                type: z.enum(permitTypes),
                checklist: z.array(z.object({ key: z.string(), en: z.string(), zh: z.string() })),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      access.listScope(actorOf(request), 'ohs.read', 'ohs');
      return { items: permitTypes.map((type) => ({ type, checklist: checklists[type] })) };
    },
  );
  app.get(
    '/api/ohs/permits',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary: 'Permits to work',
        querystring: c.permitListQuery,
        response: { 200: c.permitPage },
      },
    },
    async (request) => permits.list(actorOf(request), request.query),
  );
  app.get(
    '/api/ohs/permits/:id',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary: 'A permit with its checklist, gas test, history and overlaps',
        params: idParams,
        response: { 200: c.permitView },
      },
    },
    async (request) => permits.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/ohs/permits',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Request a permit to work',
        body: c.permitInput,
        response: { 201: c.permitView },
      },
    },
    async (request, reply) => reply.status(201).send(await permits.request(actorOf(request), request.body)),
  );
  app.post(
    '/api/ohs/permits/:id/transition',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary:
          'Approve, verify isolations, record the gas test, issue, start, suspend, resume, extend, complete, close, reject or cancel',
        params: idParams,
        body: c.permitTransitionBody,
        response: { 200: c.permitView },
      },
    },
    async (request) => permits.transition(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/ohs/qualifications',
    {
      config: { access: 'contractors.read' },
      schema: {
        tags,
        summary: 'Contractor workers qualifications and their expiry',
        querystring: c.qualificationListQuery,
        response: { 200: z.object({ items: z.array(c.qualificationView) }) },
      },
    },
    async (request) => ({ items: await qualifications.list(actorOf(request), request.query) }),
  );
  app.post(
    '/api/ohs/qualifications',
    {
      config: { access: 'contractors.workers.manage' },
      schema: {
        tags,
        summary: 'Record a qualification of a contractor worker',
        body: c.qualificationInput,
        response: { 201: c.qualificationView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await qualifications.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/ohs/qualifications/:id',
    {
      config: { access: 'contractors.workers.manage' },
      schema: {
        tags,
        summary: 'Change a qualification (renewal)',
        params: idParams,
        body: c.qualificationPatch,
        response: { 200: c.qualificationView },
      },
    },
    async (request) => qualifications.update(actorOf(request), request.params.id, request.body),
  );
}
