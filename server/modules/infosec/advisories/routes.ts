import * as c from '#shared/modules/infosec/advisories/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import { infosecWord } from '../messages.ts';
import type { AdvisoriesService } from './service.ts';

const tags = ['infosec'];
const word = (enumeration: string, code: string) => infosecWord(enumeration as never, code);

export function registerAdvisoryRoutes(app: TypedApp, advisories: AdvisoriesService) {
  app.get(
    '/api/infosec/advisories',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'Cybersecurity advisories routed to the sites in your scope, as their TLP level allows',
        querystring: c.advisoryListQuery,
        response: { 200: c.advisoryPage },
      },
    },
    async (request) => advisories.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/infosec/advisories',
    access: 'infosec.read',
    tags,
    name: 'advisories',
    querystring: c.advisoryListQuery,
    list: (actor, q) => advisories.list(actor, q),
    columns: [
      { header: { en: 'Reference', 'zh-TW': '編號' }, value: (a) => a.reference, width: 16 },
      { header: { en: 'Title', 'zh-TW': '標題' }, value: (a) => a.title, width: 40 },
      { header: { en: 'Source', 'zh-TW': '來源' }, value: (a) => word('infosec.advisorySource', a.source) },
      {
        header: { en: 'Severity', 'zh-TW': '嚴重度' },
        value: (a) => word('infosec.advisorySeverity', a.severity),
      },
      { header: { en: 'TLP', 'zh-TW': 'TLP' }, value: (a) => a.tlp.toUpperCase().replace('_', '+') },
      { header: { en: 'Routed at', 'zh-TW': '分送時間' }, value: (a) => a.routedAt, width: 22 },
      { header: { en: 'Sites', 'zh-TW': '廠區數' }, value: (a) => a.siteCount, numberFormat: '0' },
      {
        header: { en: 'Awaiting response', 'zh-TW': '待回覆' },
        value: (a) => a.openCount,
        numberFormat: '0',
      },
      { header: { en: 'Next due', 'zh-TW': '下一期限' }, value: (a) => a.nextDueOn },
    ],
  });
  app.get(
    '/api/infosec/advisories/:id',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'One advisory with its STIX objects and the responses of the routed sites in your scope',
        params: idParams,
        response: { 200: c.advisoryDetail },
      },
    },
    async (request) => advisories.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/infosec/advisories/import',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Import a STIX 2.1 bundle as an advisory and route it (all or nothing; group-wide managers)',
        body: c.advisoryImport,
        response: { 201: c.advisoryDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await advisories.importBundle(actorOf(request), request.body)),
  );
  app.post(
    '/api/infosec/advisories',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Enter an advisory by hand and route it by its software (group-wide managers)',
        body: c.advisoryInput,
        response: { 201: c.advisoryDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await advisories.create(actorOf(request), request.body)),
  );
  app.put(
    '/api/infosec/advisories/:id/response',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: "Record a routed site's response: not affected, patched, mitigated or accepted",
        params: idParams,
        body: c.responseInput,
        response: { 200: c.advisoryDetail },
      },
    },
    async (request) => advisories.respond(actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/infosec/advisory-indicators',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: "Observables of the advisories' indicators you may see (IP addresses, domains, hashes)",
        querystring: c.indicatorListQuery,
        response: { 200: c.indicatorPage },
      },
    },
    async (request) => advisories.indicators(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/infosec/advisory-indicators',
    access: 'infosec.read',
    tags,
    name: 'advisory-indicators',
    querystring: c.indicatorListQuery,
    list: (actor, q) => advisories.indicators(actor, q),
    columns: [
      { header: { en: 'Advisory', 'zh-TW': '情資' }, value: (i) => i.reference, width: 16 },
      { header: { en: 'TLP', 'zh-TW': 'TLP' }, value: (i) => i.tlp.toUpperCase().replace('_', '+') },
      { header: { en: 'Kind', 'zh-TW': '類型' }, value: (i) => i.kind, width: 24 },
      { header: { en: 'Value', 'zh-TW': '值' }, value: (i) => i.value, width: 50 },
      { header: { en: 'Indicator', 'zh-TW': '指標' }, value: (i) => i.name ?? i.stixId, width: 40 },
    ],
  });
  app.get(
    '/api/infosec/incidents/:id/indicator-matches',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: "Advisories' indicators whose observable appears in the incident's record",
        params: idParams,
        querystring: c.indicatorListQuery,
        response: { 200: c.indicatorPage },
      },
    },
    async (request) => advisories.incidentMatches(actorOf(request), request.params.id, request.query),
  );
  app.get(
    '/api/infosec/advisory-due-days',
    {
      config: { access: 'infosec.read', setting: 'infosec.advisory_due_days' },
      schema: {
        tags,
        summary: 'Days a site has to answer an advisory, by severity',
        response: { 200: c.dueDaysInput },
      },
    },
    async (request) => advisories.dueDays(actorOf(request)),
  );
  app.put(
    '/api/infosec/advisory-due-days',
    {
      config: { access: 'infosec.manage', setting: 'infosec.advisory_due_days' },
      schema: {
        tags,
        summary: 'Change the days a site has to answer an advisory (group-wide managers)',
        body: c.dueDaysInput,
        response: { 200: c.dueDaysInput },
      },
    },
    async (request) => advisories.setDueDays(actorOf(request), request.body),
  );
}
