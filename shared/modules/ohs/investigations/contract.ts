import { z } from 'zod';
import { isoDate, versioned } from '../../../platform/http/list.ts';
import { isoDateTime, text } from '../fields.ts';

/** Contracts of investigations: team, timeline, root causes and their actions. */

export const investigationStatuses = ['draft', 'investigating', 'review', 'closed'] as const;
export const rootCauseCategories = [
  'people',
  'machine',
  'method',
  'material',
  'measurement',
  'environment',
  'management',
] as const;

export const rootCauseView = z.object({
  id: z.string().uuid(),
  method: z.enum(['five_whys', 'fishbone']),
  category: z.enum(rootCauseCategories).nullable(),
  whys: z.array(z.string()),
  statement: z.string(),
  actionIds: z.array(z.string().uuid()),
  version: z.number().int(),
});
export const rootCauseInput = z
  .object({
    method: z.enum(['five_whys', 'fishbone']),
    category: z.enum(rootCauseCategories).nullable().optional(),
    whys: z.array(text(1000)).max(7).optional(),
    statement: text(2000),
  })
  .strict()
  .refine((r) => r.method !== 'fishbone' || !!r.category, {
    message: 'A fishbone cause has a category',
    path: ['category'],
  });
export const rootCausePatch = z
  .object({
    category: z.enum(rootCauseCategories).nullable().optional(),
    whys: z.array(text(1000)).max(7).optional(),
    statement: text(2000).optional(),
  })
  .extend(versioned.shape)
  .strict();

export const investigationView = z.object({
  id: z.string().uuid(),
  incidentId: z.string().uuid(),
  incidentReference: z.string(),
  siteId: z.string().uuid(),
  status: z.enum(investigationStatuses),
  leadId: z.string().uuid().nullable(),
  leadName: z.string().nullable(),
  team: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
  summary: z.string().nullable(),
  timeline: z.array(z.object({ id: z.string().uuid(), at: z.string(), description: z.string() })),
  rootCauses: z.array(rootCauseView),
  /** Why it cannot close yet (empty when it can). */
  closeBlockers: z.array(z.string()),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
export const investigationPatch = z
  .object({
    leadId: z.string().uuid().nullable().optional(),
    teamIds: z.array(z.string().uuid()).max(30).optional(),
    summary: z.string().trim().max(20_000).nullable().optional(),
  })
  .extend(versioned.shape)
  .strict();
export const investigationTransition = z
  .object({ to: z.enum(investigationStatuses) })
  .extend(versioned.shape)
  .strict();
export const timelineInput = z.object({ at: isoDateTime, description: text(2000) }).strict();
export const rootCauseActionInput = z
  .object({
    title: text(300),
    description: z.string().trim().max(5000).nullable().optional(),
    kind: z.enum(['corrective', 'preventive', 'improvement']).default('corrective'),
    ownerId: z.string().uuid().nullable().optional(),
    dueDate: isoDate,
  })
  .strict();
