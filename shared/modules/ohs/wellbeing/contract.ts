import { z } from 'zod';
import { isoDate } from '../../../platform/http/list.ts';

/** Contracts of wellbeing programs and participation. */

const count = z.union([z.number().int(), z.literal('<5')]);

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
