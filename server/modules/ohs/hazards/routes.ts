import * as c from '#shared/modules/ohs/hazards/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { access } from '../../../platform/access/service.ts';
import { registerListExport } from '../../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import { renderMessage } from '../../../platform/i18n/index.ts';
import { ohsWord } from '../messages.ts';
import type { OhsModule } from '../module.ts';

const tags = ['ohs'];

/** Routes of the hazard register and the risk matrix. */
export function registerHazardRoutes(app: TypedApp, ohs: OhsModule) {
  const { hazards } = ohs;

  app.get(
    '/api/ohs/risk-matrix',
    {
      config: { access: 'ohs.read', setting: 'ohs.risk_matrix' },
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
      config: { access: 'ohs.manage', setting: 'ohs.risk_matrix' },
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
}
