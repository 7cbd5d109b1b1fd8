import { z } from 'zod';
import { idParams } from '#shared/platform/http/list.ts';
import {
  areaInput,
  areaPatch,
  areaView,
  orgTree,
  siteInput,
  siteListQuery,
  sitePage,
  sitePatch,
  siteView,
  subsidiaryInput,
  subsidiaryPatch,
  subsidiaryView,
} from '#shared/platform/org/contract.ts';
import { registerListExport } from '../exports/list-export.ts';
import { actorOf, type TypedApp } from '../http/typed.ts';
import { platformWord } from '../i18n/index.ts';
import type { PlatformServices as Services } from '../modules/platform-services.ts';

const tags = ['organisation'];

export function registerOrgRoutes(app: TypedApp, { org }: Services) {
  app.get(
    '/api/org/tree',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Holding, subsidiaries and the sites you can see',
        response: { 200: orgTree },
      },
    },
    async (request) => org.tree(actorOf(request)),
  );

  app.get(
    '/api/org/subsidiaries',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Subsidiaries',
        response: { 200: z.object({ items: z.array(subsidiaryView) }) },
      },
    },
    async (request) => ({ items: await org.listSubsidiaries(actorOf(request)) }),
  );
  app.post(
    '/api/org/subsidiaries',
    {
      config: { access: 'org.manage' },
      schema: { tags, summary: 'Add a subsidiary', body: subsidiaryInput, response: { 201: subsidiaryView } },
    },
    async (request, reply) =>
      reply.status(201).send(await org.createSubsidiary(actorOf(request), request.body)),
  );
  app.patch(
    '/api/org/subsidiaries/:id',
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: 'Change a subsidiary',
        params: idParams,
        body: subsidiaryPatch,
        response: { 200: subsidiaryView },
      },
    },
    async (request) => org.updateSubsidiary(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/org/sites',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Sites in your scope',
        querystring: siteListQuery,
        response: { 200: sitePage },
      },
    },
    async (request) => org.listSites(actorOf(request), request.query),
  );
  app.get(
    '/api/org/sites/:id',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'One site', params: idParams, response: { 200: siteView } },
    },
    async (request) => org.getSite(actorOf(request), request.params.id),
  );
  app.post(
    '/api/org/sites',
    {
      config: { access: 'org.manage' },
      schema: { tags, summary: 'Add a site', body: siteInput, response: { 201: siteView } },
    },
    async (request, reply) => reply.status(201).send(await org.createSite(actorOf(request), request.body)),
  );
  app.patch(
    '/api/org/sites/:id',
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: 'Change a site',
        params: idParams,
        body: sitePatch,
        response: { 200: siteView },
      },
    },
    async (request) => org.updateSite(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/org/sites/:id/areas',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Areas of a site (buildings, floors, lines)',
        params: idParams,
        response: { 200: z.object({ items: z.array(areaView) }) },
      },
    },
    async (request) => ({ items: await org.listAreas(actorOf(request), request.params.id) }),
  );
  app.post(
    '/api/org/areas',
    {
      config: { access: 'org.areas.manage' },
      schema: { tags, summary: 'Add an area to a site', body: areaInput, response: { 201: areaView } },
    },
    async (request, reply) => reply.status(201).send(await org.createArea(actorOf(request), request.body)),
  );
  app.patch(
    '/api/org/areas/:id',
    {
      config: { access: 'org.areas.manage' },
      schema: {
        tags,
        summary: 'Change an area',
        params: idParams,
        body: areaPatch,
        response: { 200: areaView },
      },
    },
    async (request) => org.updateArea(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/org/areas/:id',
    {
      config: { access: 'org.areas.manage' },
      schema: {
        tags,
        summary: 'Remove an empty area',
        params: idParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await org.deleteArea(actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
  registerListExport(app, {
    url: '/api/org/sites',
    access: 'org.read',
    tags,
    name: 'sites',
    querystring: siteListQuery,
    list: (actor, q) => org.listSites(actor, q),
    columns: [
      { header: { en: 'Code', 'zh-TW': '代碼' }, value: (s) => s.code },
      { header: { en: 'Name', 'zh-TW': '名稱' }, value: (s) => s.name, width: 28 },
      { header: { en: 'Chinese name', 'zh-TW': '中文名稱' }, value: (s) => s.nameZh, width: 20 },
      { header: { en: 'Subsidiary', 'zh-TW': '子公司' }, value: (s) => s.subsidiaryCode },
      { header: { en: 'Country', 'zh-TW': '國家' }, value: (s) => s.country },
      { header: { en: 'Time zone', 'zh-TW': '時區' }, value: (s) => s.timeZone, width: 20 },
      { header: { en: 'Kind', 'zh-TW': '類型' }, value: (s) => platformWord('platform.siteKind', s.kind) },
      {
        header: { en: 'Active employees', 'zh-TW': '在職員工' },
        value: (s) => s.employeeCount,
        numberFormat: '#,##0',
      },
    ],
  });
}
