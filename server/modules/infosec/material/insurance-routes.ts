import * as c from '#shared/modules/infosec/material/insurance.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import type { InsuranceService } from './insurance.ts';

const tags = ['infosec'];

export function registerInsuranceRoutes(app: TypedApp, insurance: InsuranceService) {
  app.get(
    '/api/infosec/insurance/policies',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'The cyber insurance policies of the group',
        querystring: c.policyListQuery,
        response: { 200: c.policyPage },
      },
    },
    async (request) => insurance.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/infosec/insurance/policies',
    access: 'infosec.read',
    tags,
    name: 'insurance-policies',
    querystring: c.policyListQuery,
    list: (actor, q) => insurance.list(actor, q),
    columns: [
      { header: { en: 'Insurer', 'zh-TW': '保險公司' }, value: (p) => p.insurer, width: 28 },
      { header: { en: 'Policy number', 'zh-TW': '保單號碼' }, value: (p) => p.policyNumber, width: 18 },
      { header: { en: 'Covers', 'zh-TW': '承保範圍' }, value: (p) => p.covers.join(', '), width: 40 },
      { header: { en: 'Currency', 'zh-TW': '幣別' }, value: (p) => p.currency },
      {
        header: { en: 'Limit', 'zh-TW': '保險金額' },
        value: (p) => p.limitMinor / 100,
        numberFormat: '#,##0',
      },
      {
        header: { en: 'Retention', 'zh-TW': '自負額' },
        value: (p) => p.retentionMinor / 100,
        numberFormat: '#,##0',
      },
      {
        header: { en: 'Notice (hours)', 'zh-TW': '通知期限（小時）' },
        value: (p) => p.noticeHours,
        numberFormat: '0',
      },
      { header: { en: 'Starts on', 'zh-TW': '生效日' }, value: (p) => p.startsOn, width: 12 },
      { header: { en: 'Ends on', 'zh-TW': '到期日' }, value: (p) => p.endsOn, width: 12 },
    ],
  });
  app.post(
    '/api/infosec/insurance/policies',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Register a cyber insurance policy (the program owner, group-wide)',
        body: c.policyInput,
        response: { 201: c.policyView },
      },
    },
    async (request, reply) => reply.status(201).send(await insurance.create(actorOf(request), request.body)),
  );
  app.get(
    '/api/infosec/insurance/policies/:id',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'One cyber insurance policy of the group',
        params: idParams,
        response: { 200: c.policyView },
      },
    },
    async (request) => insurance.get(actorOf(request), request.params.id),
  );
  app.patch(
    '/api/infosec/insurance/policies/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Change a cyber insurance policy',
        params: idParams,
        body: c.policyPatch,
        response: { 200: c.policyView },
      },
    },
    async (request) => insurance.update(actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/infosec/incidents/:id/insurance',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary:
          'The policies in force when the incident was noticed: notice deadline, whether and when notified',
        params: idParams,
        response: { 200: c.incidentInsurance },
      },
    },
    async (request) => insurance.ofIncident(actorOf(request), request.params.id),
  );
  app.post(
    '/api/infosec/incidents/:id/insurer-notices',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Record that, and when, the insurer of a policy was notified of the incident',
        params: idParams,
        body: c.insurerNoticeInput,
        response: { 201: c.incidentInsurance },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await insurance.notify(actorOf(request), request.params.id, request.body)),
  );
}
