import * as c from '#shared/modules/infosec/drills/phishing.ts';
import { idParams, versioned } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import type { PhishingService } from './phishing-service.ts';

const tags = ['infosec'];
const pct = (v: number | null) => (v === null ? null : v / 100);

export function registerPhishingRoutes(app: TypedApp, phishing: PhishingService) {
  app.get(
    '/api/infosec/phishing/campaigns',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'Social-engineering email drills at the sites in your scope, with their rates',
        querystring: c.phishingCampaignListQuery,
        response: { 200: c.phishingCampaignPage },
      },
    },
    async (request) => phishing.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/infosec/phishing/campaigns',
    access: 'infosec.read',
    tags,
    name: 'phishing-campaigns',
    querystring: c.phishingCampaignListQuery,
    list: (actor, q) => phishing.list(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (r) => r.siteCode },
      { header: { en: 'Campaign', 'zh-TW': '演練' }, value: (r) => r.name, width: 32 },
      { header: { en: 'Sent on', 'zh-TW': '寄送日期' }, value: (r) => r.sentOn, width: 12 },
      { header: { en: 'Targets', 'zh-TW': '對象數' }, value: (r) => r.rates.targets, numberFormat: '0' },
      {
        header: { en: 'Opened', 'zh-TW': '開啟率' },
        value: (r) => pct(r.rates.openedRate),
        numberFormat: '0.0%',
      },
      {
        header: { en: 'Clicked', 'zh-TW': '點擊率' },
        value: (r) => pct(r.rates.clickedRate),
        numberFormat: '0.0%',
      },
      {
        header: { en: 'Submitted data', 'zh-TW': '提交資料率' },
        value: (r) => pct(r.rates.submittedRate),
        numberFormat: '0.0%',
      },
      {
        header: { en: 'Reported', 'zh-TW': '回報率' },
        value: (r) => pct(r.rates.reportedRate),
        numberFormat: '0.0%',
      },
    ],
  });
  app.get(
    '/api/infosec/phishing/rates',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'A year’s phishing drill rates by site',
        querystring: c.phishingRatesQuery,
        response: { 200: c.phishingSiteRates },
      },
    },
    async (request) => phishing.rates(actorOf(request), request.query),
  );
  app.get(
    '/api/infosec/phishing/campaigns/:id',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'One campaign with its rates by department and its repeat clickers',
        params: idParams,
        response: { 200: c.phishingCampaignDetail },
      },
    },
    async (request) => phishing.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/infosec/phishing/campaigns',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Record a phishing simulation campaign sent at a site',
        body: c.phishingCampaignInput,
        response: { 201: c.phishingCampaignView },
      },
    },
    async (request, reply) => reply.status(201).send(await phishing.create(actorOf(request), request.body)),
  );
  app.post(
    '/api/infosec/phishing/campaigns/:id/import',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Send your next results import (kind infosec_phishing_results) to this campaign',
        params: idParams,
        body: versioned.strict(),
        response: { 200: c.phishingCampaignView },
      },
    },
    async (request) => phishing.openImport(actorOf(request), request.params.id, request.body.version),
  );
}
