import {
  actionInput,
  actionListQuery,
  actionPage,
  actionPatch,
  actionTransitionBody,
  actionView,
} from '#shared/platform/actions/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../exports/list-export.ts';
import { actorOf, type TypedApp } from '../http/typed.ts';
import { platformWord, yesNo } from '../i18n/index.ts';
import type { PlatformServices as Services } from '../modules/platform-services.ts';

const tags = ['actions'];

export function registerActionRoutes(app: TypedApp, { actions }: Services) {
  app.get(
    '/api/actions',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Actions: yours (mine=true) or of the sites in your scope',
        querystring: actionListQuery,
        response: { 200: actionPage },
      },
    },
    async (request) => actions.list(actorOf(request), request.query),
  );
  app.get(
    '/api/actions/:id',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'One action', params: idParams, response: { 200: actionView } },
    },
    async (request) => actions.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/actions',
    {
      config: { access: 'actions.manage' },
      schema: {
        tags,
        summary: 'Open a corrective, preventive or improvement action',
        body: actionInput,
        response: { 201: actionView },
      },
    },
    async (request, reply) => reply.status(201).send(await actions.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/actions/:id',
    {
      config: { access: 'actions.manage' },
      schema: {
        tags,
        summary: 'Change an action',
        params: idParams,
        body: actionPatch,
        response: { 200: actionView },
      },
    },
    async (request) => actions.update(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/actions/:id/transition',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Start, complete, verify effectiveness, or reopen',
        params: idParams,
        body: actionTransitionBody,
        response: { 200: actionView },
      },
    },
    async (request) => actions.transition(actorOf(request), request.params.id, request.body),
  );
  registerListExport(app, {
    url: '/api/actions',
    access: 'signed-in',
    tags,
    name: 'actions',
    querystring: actionListQuery,
    list: (actor, q) => actions.list(actor, q),
    columns: [
      { header: { en: 'Title', 'zh-TW': '標題' }, value: (a) => a.title, width: 40 },
      { header: { en: 'Kind', 'zh-TW': '類別' }, value: (a) => platformWord('platform.actionKind', a.kind) },
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (a) => a.siteCode },
      {
        header: { en: 'Program', 'zh-TW': '計畫' },
        value: (a) => a.program && platformWord('platform.program', a.program),
      },
      { header: { en: 'Owner', 'zh-TW': '負責人' }, value: (a) => a.ownerName, width: 20 },
      { header: { en: 'Due', 'zh-TW': '期限' }, value: (a) => a.dueDate },
      {
        header: { en: 'Status', 'zh-TW': '狀態' },
        value: (a) => platformWord('platform.actionStatus', a.status),
      },
      { header: { en: 'Overdue', 'zh-TW': '逾期' }, value: (a) => yesNo(a.overdue) },
      {
        header: { en: 'Source', 'zh-TW': '來源' },
        value: (a) => (a.sourceType ? `${a.sourceType} ${a.sourceId}` : ''),
      },
    ],
  });
}
