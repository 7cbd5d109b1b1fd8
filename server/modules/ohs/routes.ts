import { z } from 'zod';
import { access } from '../../platform/access/service.ts';
import { registerListExport } from '../../platform/exports/list-export.ts';
import { idParams } from '../../platform/http/list.ts';
import { actorOf, type TypedApp } from '../../platform/http/typed.ts';
import { yesNo } from '../../platform/i18n/index.ts';
import * as c from './contract.ts';
import { ohsWord } from './messages.ts';
import type { OhsModule } from './module.ts';
import { defaultChargedDaysTable } from './rules/injury.ts';

const tags = ['ohs'];

export function registerOhsRoutes(app: TypedApp, ohs: OhsModule) {
  const { incidents, investigations, hours, statistics } = ohs;

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
  app.post(
    '/api/ohs/incidents/:id/injuries',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Record a person injured in the incident',
        params: idParams,
        body: c.injuryInput,
        response: { 201: c.incidentView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await incidents.addInjury(actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/ohs/injuries/:id',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Change an injury (classification, return to work, charged days)',
        params: idParams,
        body: c.injuryPatch,
        response: { 200: c.incidentView },
      },
    },
    async (request) => incidents.updateInjury(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/ohs/injuries/:id',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Remove an injury recorded in error',
        params: idParams,
        response: { 200: c.incidentView },
      },
    },
    async (request) => incidents.removeInjury(actorOf(request), request.params.id),
  );
  app.get(
    '/api/ohs/charged-days',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary: 'Days charged for permanent partial disabilities',
        response: {
          200: z.object({
            items: z.array(
              z.object({ key: z.string(), en: z.string(), zh: z.string(), days: z.number().int() }),
            ),
          }),
        },
      },
    },
    async (request) => {
      access.listScope(actorOf(request), 'ohs.read', 'ohs');
      return { items: defaultChargedDaysTable };
    },
  );

  app.post(
    '/api/ohs/incidents/:id/investigation',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Open the investigation of an incident',
        params: idParams,
        response: { 201: c.investigationView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await investigations.open(actorOf(request), request.params.id)),
  );
  app.get(
    '/api/ohs/investigations/:id',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary: 'An investigation with its timeline and root causes',
        params: idParams,
        response: { 200: c.investigationView },
      },
    },
    async (request) => investigations.get(actorOf(request), request.params.id),
  );
  app.patch(
    '/api/ohs/investigations/:id',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Change the lead, team or summary',
        params: idParams,
        body: c.investigationPatch,
        response: { 200: c.investigationView },
      },
    },
    async (request) => investigations.update(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/ohs/investigations/:id/transition',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Move to investigating, review or closed (closing needs an action for every root cause)',
        params: idParams,
        body: c.investigationTransition,
        response: { 200: c.investigationView },
      },
    },
    async (request) =>
      investigations.transition(actorOf(request), request.params.id, request.body.to, request.body.version),
  );
  app.post(
    '/api/ohs/investigations/:id/timeline',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Add an event to the timeline',
        params: idParams,
        body: c.timelineInput,
        response: { 201: c.investigationView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await investigations.addTimelineEvent(actorOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/ohs/investigations/:id/root-causes',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Add a root cause (5 whys or fishbone)',
        params: idParams,
        body: c.rootCauseInput,
        response: { 201: c.investigationView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await investigations.addRootCause(actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/ohs/root-causes/:id',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Change a root cause',
        params: idParams,
        body: c.rootCausePatch,
        response: { 200: c.investigationView },
      },
    },
    async (request) => investigations.updateRootCause(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/ohs/root-causes/:id',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Remove a root cause without actions',
        params: idParams,
        response: { 200: c.investigationView },
      },
    },
    async (request) => investigations.removeRootCause(actorOf(request), request.params.id),
  );
  app.post(
    '/api/ohs/root-causes/:id/actions',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Open a corrective or preventive action for a root cause',
        params: idParams,
        body: c.rootCauseActionInput,
        response: { 201: c.investigationView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await investigations.addAction(actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/ohs/hours',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary: 'Hours worked per site and month',
        querystring: c.hoursListQuery,
        response: { 200: z.object({ items: z.array(c.hoursView) }) },
      },
    },
    async (request) => ({
      items: await hours.list(actorOf(request), request.query.year, request.query.siteId),
    }),
  );
  app.put(
    '/api/ohs/hours',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Record the hours worked at a site in a month (spreadsheets: /api/imports, kind ohs_hours)',
        body: c.hoursInput,
        response: { 200: c.hoursView },
      },
    },
    async (request) => hours.put(actorOf(request), request.body),
  );

  app.get(
    '/api/ohs/statistics',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary:
          'Injury statistics and rates (FR, SR, FSI, GRI 403-9, TRIR, DART, LTIR) by site, subsidiary or group',
        querystring: c.statisticsQuery,
        response: { 200: c.statisticsView },
      },
    },
    async (request) => statistics.statistics(actorOf(request), request.query),
  );
  app.get(
    '/api/ohs/settings',
    {
      config: { access: 'ohs.read' },
      schema: { tags, summary: 'How rates are rounded', response: { 200: c.ohsSettings } },
    },
    async (request) => statistics.settings(actorOf(request)),
  );
  app.put(
    '/api/ohs/settings',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Truncate (the Ministry of Labor) or round rates',
        body: c.ohsSettings,
        response: { 200: c.ohsSettings },
      },
    },
    async (request) => statistics.setSettings(actorOf(request), request.body),
  );
}
