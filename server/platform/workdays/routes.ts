import { z } from 'zod';
import { idParams } from '#shared/platform/http/list.ts';
import {
  calendarCoverage,
  calendarDayInput,
  calendarDayListQuery,
  calendarDayPage,
  calendarDayRemoveQuery,
  calendarDayView,
} from '#shared/platform/workdays/contract.ts';
import { registerListExport } from '../exports/list-export.ts';
import { actorOf, type TypedApp } from '../http/typed.ts';
import { platformWord } from '../i18n/index.ts';
import type { PlatformServices as Services } from '../modules/platform-services.ts';

const tags = ['organisation'];

/** Sites' working calendars: read with the sites, kept by the group admin. */
export function registerWorkdaysRoutes(app: TypedApp, { workdays }: Services) {
  app.get(
    '/api/org/calendar-days',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: "Public holidays, days off and sites' own days of the working calendars",
        querystring: calendarDayListQuery,
        response: { 200: calendarDayPage },
      },
    },
    async (request) => workdays.list(actorOf(request), request.query),
  );
  app.get(
    '/api/org/calendar-days/coverage',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'The years each country of your sites has a calendar for (others are unknown)',
        response: { 200: calendarCoverage },
      },
    },
    async (request) => workdays.coverage(actorOf(request)),
  );
  app.post(
    '/api/org/calendar-days',
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: "Add a day to a country's or a site's calendar",
        body: calendarDayInput,
        response: { 201: calendarDayView },
      },
    },
    async (request, reply) => reply.status(201).send(await workdays.add(actorOf(request), request.body)),
  );
  app.delete(
    '/api/org/calendar-days/:id',
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: 'Remove a day from a calendar',
        params: idParams,
        querystring: calendarDayRemoveQuery,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await workdays.remove(actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
  registerListExport(app, {
    url: '/api/org/calendar-days',
    access: 'org.read',
    tags,
    name: 'calendar-days',
    querystring: calendarDayListQuery,
    list: (actor, q) => workdays.list(actor, q),
    columns: [
      { header: { en: 'Date', 'zh-TW': '日期' }, value: (d) => d.day, width: 12 },
      { header: { en: 'Country', 'zh-TW': '國家' }, value: (d) => d.country },
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (d) => d.siteCode },
      {
        header: { en: 'Kind', 'zh-TW': '類別' },
        value: (d) => platformWord('platform.calendarDayKind', d.kind),
        width: 18,
      },
      { header: { en: 'Name', 'zh-TW': '名稱' }, value: (d) => d.name, width: 32 },
      { header: { en: 'Source', 'zh-TW': '來源' }, value: (d) => d.source, width: 40 },
    ],
  });
}
