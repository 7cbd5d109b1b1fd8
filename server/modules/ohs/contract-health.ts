import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../../platform/http/list.ts';

/** Contracts of health management (individual results for medical staff only), wellbeing and goals. */

const count = z.union([z.number().int(), z.literal('<5')]);
export const specialHazards = [
  'noise',
  'dust',
  'organic_solvents',
  'lead',
  'ionizing_radiation',
  'heavy_metals',
  'night_work',
  'high_temperature',
  'other',
] as const;

export const screeningView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  personType: z.enum(['employee', 'contractor_worker']),
  personId: z.string().uuid(),
  personName: z.string().nullable(),
  personNo: z.string().nullable(),
  kind: z.enum(['general', 'special']),
  specialHazard: z.string().nullable(),
  screenedOn: z.string(),
  provider: z.string().nullable(),
  costMinor: z.number().int(),
  currency: z.string(),
  managementLevel: z.number().int().nullable(),
  abnormal: z.boolean(),
  findings: z.string().nullable(),
  recommendation: z.string().nullable(),
  followups: z.array(
    z.object({
      id: z.string().uuid(),
      dueDate: z.string(),
      consultedOn: z.string().nullable(),
      notes: z.string().nullable(),
      version: z.number().int(),
    }),
  ),
  version: z.number().int(),
});
export const screeningInput = z
  .object({
    siteId: z.string().uuid(),
    personType: z.enum(['employee', 'contractor_worker']),
    personId: z.string().uuid(),
    kind: z.enum(['general', 'special']),
    specialHazard: z.enum(specialHazards).nullable().optional(),
    screenedOn: isoDate,
    provider: z.string().trim().max(200).nullable().optional(),
    costMinor: z.number().int().min(0).max(10_000_000_00).optional(),
    managementLevel: z.number().int().min(1).max(4).nullable().optional(),
    abnormal: z.boolean().optional(),
    findings: z.string().trim().max(10_000).nullable().optional(),
    recommendation: z.string().trim().max(10_000).nullable().optional(),
    followUpBy: isoDate.optional(),
  })
  .strict()
  .refine((s) => s.kind === 'general' || !!s.specialHazard, {
    message: 'A special-condition screening names its hazard',
    path: ['specialHazard'],
  })
  .refine((s) => s.kind === 'special' || !s.managementLevel, {
    message: 'Management levels apply to special-condition screenings',
    path: ['managementLevel'],
  });
export const followupInput = z
  .object({ consultedOn: isoDate, notes: z.string().trim().max(10_000) })
  .extend(versioned.shape)
  .strict();
export const screeningListQuery = listQuery(['screenedOn']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  siteId: z.string().uuid().optional(),
  personId: z.string().uuid().optional(),
  abnormal: z.enum(['true', 'false']).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
export const screeningPage = pageOf(screeningView);

export const healthSummary = z.object({
  year: z.number().int(),
  peopleScreened: count,
  screenings: count,
  general: count,
  special: count,
  abnormal: count,
  followUpsOpen: count,
  byLevel: z.object({ level1: count, level2: count, level3: count, level4: count }),
  costMinor: z.number().int(),
  currency: z.string(),
  bySite: z.array(
    z.object({
      siteId: z.string().uuid(),
      siteCode: z.string(),
      peopleScreened: count,
      abnormal: count,
      costMinor: z.number().int(),
    }),
  ),
});

export const wellbeingKinds = [
  'clinic',
  'counselling',
  'gym',
  'club',
  'group_course',
  'counsellor_training',
  'other',
] as const;
export const wellbeingProgramView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid().nullable(),
  siteCode: z.string().nullable(),
  kind: z.enum(wellbeingKinds),
  name: z.string(),
  nameZh: z.string().nullable(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  participations: z.number().int(),
  people: count,
  version: z.number().int(),
});
export const wellbeingProgramInput = z
  .object({
    siteId: z.string().uuid().nullable().optional(),
    kind: z.enum(wellbeingKinds),
    name: z.string().trim().min(2).max(200),
    nameZh: z.string().trim().max(200).nullable().optional(),
    startedOn: isoDate,
    endedOn: isoDate.nullable().optional(),
  })
  .strict();
export const participationInput = z
  .object({
    personId: z.string().uuid().nullable().optional(),
    participatedOn: isoDate,
    count: z.number().int().min(1).max(1000).default(1),
  })
  .strict();
export const wellbeingSummary = z.object({
  year: z.number().int(),
  kinds: z.array(
    z.object({ kind: z.enum(wellbeingKinds), programs: z.number().int(), participations: z.number().int() }),
  ),
});

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
