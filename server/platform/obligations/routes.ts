import { z } from 'zod';
import { idParams } from '#shared/platform/http/list.ts';
import {
  calendarFeedView,
  completeBody,
  delegateBody,
  obligationListQuery,
  obligationPage,
  obligationSummary,
  obligationView,
} from '#shared/platform/obligations/contract.ts';
import { registerListExport } from '../exports/list-export.ts';
import { NotFoundError } from '../http/errors.ts';
import { actorOf, type TypedApp } from '../http/typed.ts';
import { platformWord } from '../i18n/index.ts';
import type { PlatformServices as Services } from '../modules/platform-services.ts';
import { obligationKind } from './kinds.ts';

const tags = ['obligations'];

export function registerObligationRoutes(app: TypedApp, { obligations }: Services, publicUrl: string) {
  app.get(
    '/api/obligations',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Obligations: yours (view=mine) or of the sites in your scope (view=scope)',
        querystring: obligationListQuery,
        response: { 200: obligationPage },
      },
    },
    async (request) => obligations.list(actorOf(request), request.query),
  );
  app.get(
    '/api/obligations/summary',
    {
      config: { access: 'obligations.read' },
      schema: {
        tags,
        summary: 'Overdue, due soon, upcoming and done in your scope',
        response: { 200: obligationSummary },
      },
    },
    async (request) => obligations.summary(actorOf(request)),
  );
  app.get(
    '/api/obligations/:id',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'One obligation', params: idParams, response: { 200: obligationView } },
    },
    async (request) => obligations.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/obligations/:id/complete',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Mark an obligation done',
        params: idParams,
        body: completeBody,
        response: { 200: obligationView },
      },
    },
    async (request) => obligations.complete(actorOf(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/obligations/:id/delegate',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Hand an obligation to another user (null takes it back)',
        params: idParams,
        body: delegateBody,
        response: { 200: obligationView },
      },
    },
    async (request) =>
      obligations.delegate(
        actorOf(request),
        request.params.id,
        request.body.delegateId,
        request.body.version,
      ),
  );
  app.post(
    '/api/obligations/calendar-feed',
    {
      config: { access: 'signed-in', personal: true },
      schema: {
        tags,
        summary: 'Create (or replace) your private iCalendar feed URL',
        response: { 200: calendarFeedView },
      },
    },
    async (request) => ({
      url: `${publicUrl}/api/obligations/feed/${await obligations.rotateCalendarToken(actorOf(request))}.ics`,
    }),
  );
  app.get(
    '/api/obligations/feed/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A private iCalendar feed (the URL is the credential)',
        params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) }),
        produces: ['text/calendar'],
      },
    },
    async (request, reply) => {
      const feed = await obligations.calendarFeed(request.params.token.replace(/\.ics$/, ''));
      if (feed === null) throw new NotFoundError('calendar feed');
      return reply.type('text/calendar; charset=utf-8').send(feed);
    },
  );
  registerListExport(app, {
    url: '/api/obligations',
    access: 'signed-in',
    tags,
    name: 'obligations',
    querystring: obligationListQuery,
    list: (actor, q) => obligations.list(actor, q),
    columns: [
      { header: { en: 'Title', 'zh-TW': '事項' }, value: (o) => o.title, width: 44 },
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (o) => o.siteCode },
      { header: { en: 'Owner', 'zh-TW': '負責人' }, value: (o) => o.delegateName ?? o.ownerName, width: 20 },
      { header: { en: 'Due', 'zh-TW': '到期日' }, value: (o) => o.dueDate },
      { header: { en: 'Days left', 'zh-TW': '剩餘天數' }, value: (o) => o.daysLeft, numberFormat: '0' },
      {
        header: { en: 'State', 'zh-TW': '狀態' },
        value: (o) => platformWord('platform.calendarState', o.calendarState),
      },
      { header: { en: 'Kind', 'zh-TW': '類型' }, value: (o) => obligationKind(o.kind).name ?? o.kind },
    ],
  });
}
