import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../http/list.ts';

export const calendarStates = ['overdue', 'due-soon', 'upcoming', 'done', 'cancelled'] as const;

export const obligationView = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  sourceType: z.string(),
  sourceId: z.string(),
  siteId: z.string().uuid().nullable(),
  siteCode: z.string().nullable(),
  ownerId: z.string().uuid().nullable(),
  ownerName: z.string().nullable(),
  delegateId: z.string().uuid().nullable(),
  delegateName: z.string().nullable(),
  title: z.string(),
  dueDate: z.string(),
  dueAt: z.string().nullable(),
  graceDays: z.number().int(),
  state: z.enum(['open', 'done', 'cancelled']),
  calendarState: z.enum(calendarStates),
  daysLeft: z.number().int(),
  doneAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ObligationView = z.infer<typeof obligationView>;

export const obligationListQuery = listQuery(['dueDate', 'title', 'site']).extend({
  view: z.enum(['mine', 'scope']).default('mine'),
  /** A calendar state, or 'open' for every obligation not yet done (overdue, due soon and upcoming). */
  calendarState: z.enum([...calendarStates, 'open']).optional(),
  kind: z.string().max(64).optional(),
  siteId: z.string().uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export const obligationPage = pageOf(obligationView);

export const obligationSummary = z.object({
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  upcoming: z.number().int(),
  doneThisYear: z.number().int(),
});

export const completeBody = versioned.strict();
export const delegateBody = versioned.extend({ delegateId: z.string().uuid().nullable() }).strict();

export const calendarFeedView = z.object({ url: z.string() });
