import { z } from 'zod';
import { isoDate, versioned } from '../../../platform/http/list.ts';
import { classifications, recoveryOutcomes } from '../rules/injury.ts';

/** Contracts of the people injured in an incident. */

export const injuryTypes = [
  'cut',
  'bruise',
  'fracture',
  'sprain',
  'burn',
  'chemical_burn',
  'crush',
  'amputation',
  'electric_shock',
  'inhalation',
  'eye_injury',
  'hearing_loss',
  'fall',
  'struck_by',
  'caught_in',
  'other',
] as const;
export const bodyParts = [
  'head',
  'eye',
  'ear',
  'face',
  'neck',
  'back',
  'chest',
  'abdomen',
  'shoulder',
  'arm',
  'elbow',
  'wrist',
  'hand',
  'finger',
  'hip',
  'leg',
  'knee',
  'ankle',
  'foot',
  'toe',
  'multiple',
  'internal',
  'other',
] as const;

export const injuryView = z.object({
  id: z.string().uuid(),
  personType: z.enum(['employee', 'contractor_worker']),
  personId: z.string().uuid(),
  personName: z.string().nullable(),
  personNo: z.string().nullable(),
  injuryType: z.string(),
  bodyPart: z.string(),
  treatment: z.string().nullable(),
  classification: z.enum(classifications),
  injuryDate: z.string(),
  returnDate: z.string().nullable(),
  chargedDays: z.number().int().nullable(),
  chargedDaysKey: z.string().nullable(),
  restrictedDays: z.number().int(),
  hospitalised: z.boolean(),
  /** GRI 403-9: whether the worker recovers fully within six months (expected, or as it turned out). */
  recovery: z.enum(recoveryOutcomes),
  daysLost: z.number().int(),
  disabling: z.boolean(),
  /** GRI 403-9 high-consequence injury (fatalities apart), from the recovery outcome. */
  highConsequence: z.boolean(),
  version: z.number().int(),
});
export type InjuryView = z.infer<typeof injuryView>;

export const injuryInput = z
  .object({
    personType: z.enum(['employee', 'contractor_worker']),
    personId: z.string().uuid(),
    injuryType: z.enum(injuryTypes),
    bodyPart: z.enum(bodyParts),
    treatment: z.string().trim().max(2000).nullable().optional(),
    classification: z.enum(classifications),
    returnDate: isoDate.nullable().optional(),
    chargedDays: z.number().int().min(0).max(6000).nullable().optional(),
    chargedDaysKey: z.string().max(40).nullable().optional(),
    restrictedDays: z.number().int().min(0).max(3650).optional(),
    hospitalised: z.boolean().optional(),
    /** Defaults to "expected to recover fully within six months" (a permanent disability: "not expected"). */
    recovery: z.enum(recoveryOutcomes).optional(),
  })
  .strict();
export const injuryPatch = injuryInput
  .omit({ personType: true, personId: true })
  .partial()
  .extend(versioned.shape)
  .strict();
