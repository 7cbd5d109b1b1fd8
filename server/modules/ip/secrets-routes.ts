import * as c from '#shared/modules/ip/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../platform/http/typed.ts';
import { ipWord } from './messages.ts';
import type { SecretsService } from './secrets.ts';

const tags = ['ip'];

/** Routes of the trade secrets register. */
export function registerSecretRoutes(app: TypedApp, secrets: SecretsService) {
  app.get(
    '/api/ip/trade-secrets',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'Trade secrets: what is protected, its owner, the measures and their yearly review',
        querystring: c.secretListQuery,
        response: { 200: c.secretPage },
      },
    },
    async (request) => secrets.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/ip/trade-secrets',
    access: 'ip.read',
    tags,
    name: 'trade-secrets',
    querystring: c.secretListQuery,
    list: (actor, q) => secrets.list(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (s) => s.siteCode },
      { header: { en: 'What is protected', 'zh-TW': '保護標的' }, value: (s) => s.title, width: 40 },
      { header: { en: 'Category', 'zh-TW': '類別' }, value: (s) => ipWord('ip.secretCategory', s.category) },
      { header: { en: 'Owner', 'zh-TW': '負責人' }, value: (s) => s.ownerName, width: 20 },
      {
        header: { en: 'May access', 'zh-TW': '可接觸人員' },
        value: (s) => s.access.map((a) => a.name ?? a.userId).join('; '),
        width: 30,
      },
      {
        header: { en: 'Employees who may access it', 'zh-TW': '可接觸之員工' },
        value: (s) => s.accessEmployees.map((e) => `${e.name} (${e.employeeNo})`).join('; '),
        width: 30,
      },
      { header: { en: 'Measures score', 'zh-TW': '合理保密措施分數' }, value: (s) => s.score },
      { header: { en: 'Last review', 'zh-TW': '上次檢視' }, value: (s) => s.lastReviewDate },
      { header: { en: 'Next review due', 'zh-TW': '下次檢視期限' }, value: (s) => s.nextReviewDue },
    ],
  });
  app.get(
    '/api/ip/trade-secrets/:id',
    {
      config: { access: 'ip.read' },
      schema: { tags, summary: 'One trade secret', params: idParams, response: { 200: c.secretView } },
    },
    async (request) => secrets.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/ip/trade-secrets',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Register a trade secret (a description of it, never the secret)',
        body: c.secretInput,
        response: { 201: c.secretView },
      },
    },
    async (request, reply) => reply.status(201).send(await secrets.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/ip/trade-secrets/:id',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Change a trade secret or record its yearly review',
        params: idParams,
        body: c.secretPatch,
        response: { 200: c.secretView },
      },
    },
    async (request) => secrets.update(actorOf(request), request.params.id, request.body),
  );
}
