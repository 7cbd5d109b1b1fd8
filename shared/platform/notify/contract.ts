import { z } from 'zod';
import { listQuery, pageOf } from '../http/list.ts';

export const notificationView = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  obligationId: z.string().uuid().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const notificationListQuery = listQuery(['createdAt']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  unread: z.enum(['true', 'false']).optional(),
});
export const notificationPage = pageOf(notificationView);
export const unreadCount = z.object({ unread: z.number().int() });
export const notificationPreferences = z.object({ digest: z.boolean() }).strict();
