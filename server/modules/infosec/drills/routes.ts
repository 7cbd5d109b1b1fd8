import { z } from 'zod';
import * as c from '#shared/modules/infosec/drills/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import { yesNo } from '../../../platform/i18n/index.ts';
import { drillWord } from './messages.ts';
import type { DrillsService } from './service.ts';

const tags = ['infosec'];

export function registerDrillRoutes(app: TypedApp, drills: DrillsService) {
  app.get(
    '/api/infosec/drills',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'Recovery and incident-response drills at the sites in your scope',
        querystring: c.drillListQuery,
        response: { 200: c.drillPage },
      },
    },
    async (request) => drills.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/infosec/drills',
    access: 'infosec.read',
    tags,
    name: 'drills',
    querystring: c.drillListQuery,
    list: (actor, q) => drills.list(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (d) => d.siteCode },
      { header: { en: 'Kind', 'zh-TW': '類型' }, value: (d) => drillWord('infosec.drillKind', d.kind) },
      { header: { en: 'Title', 'zh-TW': '名稱' }, value: (d) => d.title, width: 36 },
      { header: { en: 'Planned on', 'zh-TW': '預定日期' }, value: (d) => d.plannedOn, width: 12 },
      { header: { en: 'Status', 'zh-TW': '狀態' }, value: (d) => drillWord('infosec.drillStatus', d.status) },
      { header: { en: 'Held on', 'zh-TW': '執行日期' }, value: (d) => d.heldOn, width: 12 },
      {
        header: { en: 'Objectives met', 'zh-TW': '達成目標' },
        value: (d) => (d.objectivesMet === null ? null : yesNo(d.objectivesMet)),
      },
      { header: { en: 'Next due', 'zh-TW': '下次到期' }, value: (d) => d.nextDueOn, width: 12 },
      { header: { en: 'Systems', 'zh-TW': '系統數' }, value: (d) => d.systems.length, numberFormat: '0' },
      {
        header: { en: 'Actions', 'zh-TW': '改善措施數' },
        value: (d) => d.actionIds.length,
        numberFormat: '0',
      },
    ],
  });
  app.get(
    '/api/infosec/drills/figures',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'A year’s drills as the report counts them: incident (recovery) drills held, and IR drills',
        querystring: c.drillFiguresQuery,
        response: { 200: c.drillFigures },
      },
    },
    async (request) => drills.figures(actorOf(request), request.query),
  );
  app.get(
    '/api/infosec/drills/:id',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'One drill with its plan, run and review',
        params: idParams,
        response: { 200: c.drillView },
      },
    },
    async (request) => drills.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/infosec/drills',
    {
      config: { access: 'infosec.manage' },
      schema: { tags, summary: 'Plan a drill', body: c.drillInput, response: { 201: c.drillView } },
    },
    async (request, reply) => reply.status(201).send(await drills.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/infosec/drills/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Change the plan of a drill not yet held',
        params: idParams,
        body: c.drillPlanPatch,
        response: { 200: c.drillView },
      },
    },
    async (request) => drills.updatePlan(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/infosec/drills/:id/held',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Record the drill as held, with the recovery time and data loss each system achieved',
        params: idParams,
        body: c.drillHoldInput,
        response: { 200: c.drillView },
      },
    },
    async (request) => drills.hold(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/infosec/drills/:id/review',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Record the post-drill review; each improvement becomes an action',
        params: idParams,
        body: c.drillReviewInput,
        response: { 200: c.drillView },
      },
    },
    async (request) => drills.review(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/infosec/drills/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Remove a drill recorded in error (not one whose review raised actions)',
        params: idParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await drills.remove(actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
}
