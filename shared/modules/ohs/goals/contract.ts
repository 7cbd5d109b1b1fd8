import { z } from 'zod';
import { versioned } from '../../../platform/http/list.ts';

/** Contracts of OHS goals and their actual figures. */

export const goalMetrics = [
  'fatalities',
  'disabling_injuries',
  'fr',
  'sr',
  'contractor_injuries',
  'screening_coverage',
] as const;
export const goalActualOf = ['goal', 'reader_sites', 'withheld'] as const;
export type GoalActualOf = (typeof goalActualOf)[number];
export const goalView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid().nullable(),
  siteCode: z.string().nullable(),
  title: z.string(),
  horizon: z.enum(['short', 'medium', 'long']),
  metric: z.enum(goalMetrics),
  comparison: z.enum(['at_most', 'at_least']),
  target: z.string(),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  actual: z.string().nullable(),
  /**
   * What `actual` covers: the goal's own scope (its site, or the whole group); only the reader's sites (a
   * group goal read by someone who does not see the whole group; `met` is then null); or nothing, withheld
   * because the reader may not see the figures it is computed from (`actual` is then null).
   */
  actualOf: z.enum(goalActualOf),
  met: z.boolean().nullable(),
  version: z.number().int(),
});
const goalTarget = z
  .union([z.number(), z.string()])
  .transform(String)
  .pipe(z.string().regex(/^\d{1,10}(\.\d{1,2})?$/, 'A number with at most two decimals'));
export const goalInput = z
  .object({
    siteId: z.string().uuid().nullable().optional(),
    title: z.string().trim().min(2).max(200),
    horizon: z.enum(['short', 'medium', 'long']),
    metric: z.enum(goalMetrics),
    comparison: z.enum(['at_most', 'at_least']),
    target: goalTarget,
    fromYear: z.number().int().min(2000).max(2100),
    toYear: z.number().int().min(2000).max(2100),
  })
  .strict()
  .refine((g) => g.toYear >= g.fromYear, { message: 'The period ends after it starts', path: ['toYear'] });
export const goalPatch = z
  .object({
    title: z.string().trim().min(2).max(200).optional(),
    target: goalTarget.optional(),
    toYear: z.number().int().min(2000).max(2100).optional(),
  })
  .extend(versioned.shape)
  .strict();
