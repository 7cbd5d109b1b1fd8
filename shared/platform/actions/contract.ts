import { z } from 'zod';
import { programKey } from '../access/programs.ts';
import { isoDate, listQuery, pageOf, versioned } from '../http/list.ts';
import { actionStatuses, actionTransitions } from './rules/status.ts';

export const actionKinds = ['corrective', 'preventive', 'improvement'] as const;

export const actionView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid().nullable(),
  siteCode: z.string().nullable(),
  program: programKey.nullable(),
  kind: z.enum(actionKinds),
  title: z.string(),
  description: z.string().nullable(),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
  ownerId: z.string().uuid().nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string(),
  status: z.enum(actionStatuses),
  overdue: z.boolean(),
  doneAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  verifiedByName: z.string().nullable(),
  effectivenessNote: z.string().nullable(),
  evidenceCount: z.number().int(),
  version: z.number().int(),
});
export type ActionView = z.infer<typeof actionView>;

/** An action as the follow-up of a record: what is being done, and how far it has got. */
export const actionSummary = actionView.pick({
  id: true,
  kind: true,
  title: true,
  status: true,
  dueDate: true,
  doneAt: true,
  overdue: true,
});
export type ActionSummary = z.infer<typeof actionSummary>;

export const actionInput = z
  .object({
    siteId: z.string().uuid().nullable(),
    program: programKey.nullable().optional(),
    kind: z.enum(actionKinds),
    title: z.string().trim().min(3).max(300),
    description: z.string().trim().max(10_000).nullable().optional(),
    sourceType: z.string().trim().max(64).nullable().optional(),
    sourceId: z.string().trim().max(64).nullable().optional(),
    ownerId: z.string().uuid().nullable().optional(),
    dueDate: isoDate,
  })
  .strict()
  .refine((a) => !a.sourceType === !a.sourceId, {
    message: 'A source names both its type and its id',
    path: ['sourceId'],
  });

export const actionPatch = z
  .object({
    title: z.string().trim().min(3).max(300).optional(),
    description: z.string().trim().max(10_000).nullable().optional(),
    kind: z.enum(actionKinds).optional(),
    ownerId: z.string().uuid().nullable().optional(),
    dueDate: isoDate.optional(),
  })
  .extend(versioned.shape)
  .strict();

export const actionTransitionBody = z
  .object({
    transition: z.enum(actionTransitions),
    /** How effectiveness was verified, or why the action is reopened. */
    note: z.string().trim().max(5000).optional(),
  })
  .extend(versioned.shape)
  .strict();

export const actionListQuery = listQuery(['dueDate', 'title', 'status', 'site']).extend({
  status: z.enum(actionStatuses).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  siteId: z.string().uuid().optional(),
  program: programKey.optional(),
  sourceType: z.string().max(64).optional(),
  sourceId: z.string().max(64).optional(),
  mine: z.enum(['true', 'false']).optional(),
});
export const actionPage = pageOf(actionView);
