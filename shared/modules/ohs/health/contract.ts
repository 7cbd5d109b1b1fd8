import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../../../platform/http/list.ts';

/** Contracts of health management (individual results for medical staff only). */

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
