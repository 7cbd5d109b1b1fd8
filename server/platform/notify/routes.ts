import { z } from 'zod';
import { idParams } from '#shared/platform/http/list.ts';
import {
  notificationListQuery,
  notificationPage,
  notificationPreferences,
  notificationView,
  unreadCount,
} from '#shared/platform/notify/contract.ts';
import { actorOf, type TypedApp } from '../http/typed.ts';
import type { PlatformServices as Services } from '../modules/platform-services.ts';

const tags = ['notifications'];

export function registerNotifyRoutes(app: TypedApp, { inbox }: Services) {
  app.get(
    '/api/notifications',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Your inbox',
        querystring: notificationListQuery,
        response: { 200: notificationPage },
      },
    },
    async (request) => inbox.list(actorOf(request), request.query),
  );
  app.get(
    '/api/notifications/unread-count',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'How many notifications you have not read', response: { 200: unreadCount } },
    },
    async (request) => inbox.unreadCount(actorOf(request)),
  );
  app.post(
    '/api/notifications/:id/read',
    {
      config: { access: 'signed-in', personal: true },
      schema: {
        tags,
        summary: 'Mark one notification read',
        params: idParams,
        response: { 200: notificationView },
      },
    },
    async (request) => inbox.markRead(actorOf(request), request.params.id),
  );
  app.post(
    '/api/notifications/read-all',
    {
      config: { access: 'signed-in', personal: true },
      schema: {
        tags,
        summary: 'Mark every notification read',
        response: { 200: z.object({ updated: z.number().int() }) },
      },
    },
    async (request) => inbox.markAllRead(actorOf(request)),
  );
  app.get(
    '/api/notifications/preferences',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'Your notification preferences', response: { 200: notificationPreferences } },
    },
    async (request) => inbox.preferences(actorOf(request)),
  );
  app.put(
    '/api/notifications/preferences',
    {
      config: { access: 'signed-in', personal: true },
      schema: {
        tags,
        summary: 'Choose immediate email or a daily digest',
        body: notificationPreferences,
        response: { 200: notificationPreferences },
      },
    },
    async (request) => inbox.setPreferences(actorOf(request), request.body),
  );
}
