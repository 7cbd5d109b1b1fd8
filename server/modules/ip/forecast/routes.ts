import * as c from '#shared/modules/ip/forecast/contract.ts';
import { registerListExport } from '../../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import { ipWord } from '../messages.ts';
import type { ForecastService } from './service.ts';

const tags = ['ip'];
const money = (minor: number | null) => (minor === null ? null : minor / 100);

/** Routes of the five-year cost forecast of annuities, renewal and maintenance fees. */
export function registerForecastRoutes(app: TypedApp, forecast: ForecastService) {
  app.get(
    '/api/ip/fee-forecast',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary:
          'Fees due in the next five years by year, office, technology and subsidiary, in NT$ and US$ at the latest dated rates',
        querystring: c.forecastQuery,
        response: { 200: c.forecastView },
      },
    },
    async (request) => forecast.forecast(actorOf(request), request.query),
  );
  app.get(
    '/api/ip/fee-forecast/fees',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'Each fee of the five-year forecast with its amount in the office’s currency, NT$ and US$',
        querystring: c.forecastFeeQuery,
        response: { 200: c.forecastFeePage },
      },
    },
    async (request) => forecast.fees(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/ip/fee-forecast/fees',
    access: 'ip.read',
    tags,
    name: 'fee-forecast',
    querystring: c.forecastFeeQuery,
    list: (actor, q) => forecast.fees(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (f) => f.siteCode },
      { header: { en: 'Subsidiary', 'zh-TW': '子公司' }, value: (f) => f.subsidiaryName, width: 24 },
      { header: { en: 'Family', 'zh-TW': '專利家族' }, value: (f) => f.familyReference },
      { header: { en: 'Technology', 'zh-TW': '技術' }, value: (f) => ipWord('ip.technology', f.technology) },
      { header: { en: 'Office', 'zh-TW': '專利局' }, value: (f) => f.office },
      { header: { en: 'Paid to', 'zh-TW': '繳納對象' }, value: (f) => f.paidTo },
      { header: { en: 'Application no.', 'zh-TW': '申請號' }, value: (f) => f.applicationNo },
      { header: { en: 'Patent no.', 'zh-TW': '證書號' }, value: (f) => f.patentNo },
      { header: { en: 'Fee year', 'zh-TW': '年費年度' }, value: (f) => f.year },
      { header: { en: 'Due', 'zh-TW': '期限' }, value: (f) => f.dueDate },
      {
        header: { en: 'Entity size', 'zh-TW': '實體規模' },
        value: (f) => (f.entitySize ? ipWord('ip.entitySize', f.entitySize) : null),
      },
      { header: { en: 'Currency', 'zh-TW': '幣別' }, value: (f) => f.currency },
      {
        header: { en: 'Amount', 'zh-TW': '金額' },
        value: (f) => money(f.amountMinor),
        numberFormat: '#,##0.00',
      },
      { header: { en: 'NT$', 'zh-TW': '新臺幣' }, value: (f) => money(f.twdMinor), numberFormat: '#,##0.00' },
      { header: { en: 'US$', 'zh-TW': '美元' }, value: (f) => money(f.usdMinor), numberFormat: '#,##0.00' },
      {
        header: { en: 'Missing', 'zh-TW': '缺漏' },
        value: (f) => (f.missing ? ipWord('ip.forecastMissing', f.missing) : null),
      },
    ],
  });
}
