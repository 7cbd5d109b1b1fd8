import { z } from 'zod';
import { isoDate, versioned } from '../../../platform/http/list.ts';

/** Contracts of contractor workers' qualifications. */

export const qualificationView = z.object({
  id: z.string().uuid(),
  workerId: z.string().uuid(),
  workerName: z.string(),
  siteId: z.string().uuid(),
  kind: z.string(),
  certificateNo: z.string().nullable(),
  issuedOn: z.string().nullable(),
  validUntil: z.string(),
  expired: z.boolean(),
  version: z.number().int(),
});
export const qualificationKinds = [
  'safety_induction',
  'pipeline_work',
  'hot_work',
  'confined_space',
  'electrical',
  'crane_operation',
  'elevated_work',
  'chemical_handling',
  'first_aid',
] as const;
export const qualificationInput = z
  .object({
    workerId: z.string().uuid(),
    kind: z.enum(qualificationKinds),
    certificateNo: z.string().trim().max(60).nullable().optional(),
    issuedOn: isoDate.nullable().optional(),
    validUntil: isoDate,
  })
  .strict();
export const qualificationPatch = qualificationInput
  .omit({ workerId: true })
  .partial()
  .extend(versioned.shape)
  .strict();
export const qualificationListQuery = z.object({
  workerId: z.string().uuid().optional(),
  siteId: z.string().uuid().optional(),
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
});
