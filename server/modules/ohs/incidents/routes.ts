import { z } from 'zod';
import * as c from '#shared/modules/ohs/incidents/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import { yesNo } from '../../../platform/i18n/index.ts';
import { ohsWord } from '../messages.ts';
import type { OhsModule } from '../module.ts';

const tags = ['ohs'];

/** Routes of incidents: report, read, change, delete, and the list export. */
export function registerIncidentRoutes(app: TypedApp, ohs: OhsModule) {
  const { incidents } = ohs;

  app.get(
    '/api/ohs/incidents',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Incidents at the sites in your scope (mine=true: the ones you reported)',
        querystring: c.incidentListQuery,
        response: { 200: c.incidentPage },
      },
    },
    async (request) => incidents.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/ohs/incidents',
    access: 'ohs.read',
    tags,
    name: 'incidents',
    querystring: c.incidentListQuery,
    list: (actor, q) => incidents.list(actor, q),
    columns: [
      { header: { en: 'Reference', 'zh-TW': '編號' }, value: (i) => i.reference, width: 16 },
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (i) => i.siteCode },
      { header: { en: 'Area', 'zh-TW': '區域' }, value: (i) => i.areaName, width: 20 },
      { header: { en: 'Kind', 'zh-TW': '類別' }, value: (i) => ohsWord('ohs.incidentKind', i.kind) },
      { header: { en: 'Occurred on', 'zh-TW': '發生日' }, value: (i) => i.occurredOn },
      { header: { en: 'Title', 'zh-TW': '標題' }, value: (i) => i.title, width: 40 },
      { header: { en: 'Injured', 'zh-TW': '受傷人數' }, value: (i) => i.injured, numberFormat: '0' },
      { header: { en: 'Commuting', 'zh-TW': '通勤' }, value: (i) => yesNo(i.commuting) },
      {
        header: { en: 'Investigation', 'zh-TW': '調查' },
        value: (i) => i.investigationStatus && ohsWord('ohs.investigationStatus', i.investigationStatus),
      },
    ],
  });
  app.get(
    '/api/ohs/incidents/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'One incident with the people injured',
        params: idParams,
        response: { 200: c.incidentView },
      },
    },
    async (request) => incidents.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/ohs/incidents',
    {
      config: { access: 'ohs.report' },
      schema: {
        tags,
        summary: 'Report an injury, illness, near miss or unsafe condition',
        body: c.incidentInput,
        response: { 201: c.incidentView },
      },
    },
    async (request, reply) => reply.status(201).send(await incidents.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/ohs/incidents/:id',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Change an incident (and record the authority notice)',
        params: idParams,
        body: c.incidentPatch,
        response: { 200: c.incidentView },
      },
    },
    async (request) => incidents.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/ohs/incidents/:id',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Delete an incident recorded in error',
        params: idParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await incidents.remove(actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
}
