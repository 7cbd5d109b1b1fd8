import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../../platform/http/list.ts';
import { permitStatuses, permitTransitions, permitTypes } from './rules/permits.ts';
import { controlTypes } from './rules/risk.ts';

/** Contracts of hazards and risk assessment, permits to work and contractor qualifications. */

const text = (max: number) => z.string().trim().min(1).max(max);
const level = z.enum(['low', 'medium', 'high', 'critical']);
const step = z.number().int().min(1).max(7);

export const hazardControl = z
  .object({ type: z.enum(controlTypes), description: text(1000), inPlace: z.boolean() })
  .strict();

export const hazardView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  areaId: z.string().uuid().nullable(),
  areaName: z.string().nullable(),
  activity: z.string(),
  hazard: z.string(),
  consequence: z.string(),
  likelihood: z.number().int(),
  severity: z.number().int(),
  score: z.number().int(),
  level,
  controls: z.array(hazardControl),
  residualLikelihood: z.number().int(),
  residualSeverity: z.number().int(),
  residualScore: z.number().int(),
  residualLevel: level,
  ownerId: z.string().uuid().nullable(),
  ownerName: z.string().nullable(),
  nextReview: z.string(),
  lastReviewedOn: z.string().nullable(),
  reviewOverdue: z.boolean(),
  archived: z.boolean(),
  version: z.number().int(),
});
export const hazardInput = z
  .object({
    siteId: z.string().uuid(),
    areaId: z.string().uuid().nullable().optional(),
    activity: text(300),
    hazard: text(500),
    consequence: text(500),
    likelihood: step,
    severity: step,
    controls: z.array(hazardControl).max(30).default([]),
    residualLikelihood: step,
    residualSeverity: step,
    ownerId: z.string().uuid().nullable().optional(),
    nextReview: isoDate.optional(),
  })
  .strict();
export const hazardPatch = hazardInput
  .omit({ siteId: true })
  .partial()
  .extend({ archived: z.boolean().optional(), reviewedOn: isoDate.optional() })
  .extend(versioned.shape)
  .strict();
export const hazardListQuery = listQuery(['residualScore', 'score', 'nextReview', 'activity']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  siteId: z.string().uuid().optional(),
  areaId: z.string().uuid().optional(),
  residualLevel: level.optional(),
  archived: z.enum(['true', 'false']).default('false'),
});
export const hazardPage = pageOf(hazardView);

export const riskMatrixView = z.object({
  size: z.number().int().min(3).max(7),
  likelihood: z.array(z.object({ en: text(60), zh: text(60) })),
  severity: z.array(z.object({ en: text(60), zh: text(60) })),
  bands: z
    .array(z.object({ upTo: z.number().int().min(1).max(49), level }))
    .min(2)
    .max(6),
});

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

export const permitView = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  /** The site's IANA time zone: its times read there. */
  timeZone: z.string(),
  areaId: z.string().uuid(),
  areaName: z.string(),
  type: z.enum(permitTypes),
  status: z.enum(permitStatuses),
  companyId: z.string().uuid(),
  companyName: z.string(),
  workers: z.array(z.object({ id: z.string().uuid(), name: z.string(), qualified: z.boolean() })),
  description: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  checklist: z.array(z.object({ key: z.string(), en: z.string(), zh: z.string(), checked: z.boolean() })),
  needsGasTest: z.boolean(),
  gasTest: z
    .object({
      oxygenPercent: z.number(),
      lelPercent: z.number(),
      toxicPpm: z.number().nullable(),
      testedAt: z.string(),
      testedBy: z.string().nullable(),
    })
    .nullable(),
  history: z.array(
    z.object({
      at: z.string(),
      by: z.string().nullable(),
      transition: z.string(),
      from: z.string(),
      to: z.string(),
      note: z.string().optional(),
    }),
  ),
  /** Other live permits in the same area at overlapping times. */
  overlaps: z.array(
    z.object({
      id: z.string().uuid(),
      reference: z.string(),
      type: z.enum(permitTypes),
      startsAt: z.string(),
      endsAt: z.string(),
    }),
  ),
  rejectionReason: z.string().nullable(),
  version: z.number().int(),
});
export const permitInput = z
  .object({
    siteId: z.string().uuid(),
    areaId: z.string().uuid(),
    type: z.enum(permitTypes),
    companyId: z.string().uuid(),
    workerIds: z.array(z.string().uuid()).min(1).max(50),
    description: text(5000),
    startsAt: z.string().datetime({ offset: true }),
    endsAt: z.string().datetime({ offset: true }),
  })
  .strict()
  .refine((p) => p.endsAt > p.startsAt, { message: 'The permit must end after it starts', path: ['endsAt'] });
export const permitTransitionBody = z
  .object({
    transition: z.enum(permitTransitions),
    /** Checklist items ticked (required to issue). */
    checklist: z
      .record(
        z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'A checklist item key, such as gas_tested'),
        z.boolean(),
      )
      .optional(),
    gasTest: z
      .object({
        oxygenPercent: z.number().min(0).max(100),
        lelPercent: z.number().min(0).max(100),
        toxicPpm: z.number().min(0).max(100000).nullable().optional(),
      })
      .strict()
      .optional(),
    extendTo: z.string().datetime({ offset: true }).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .extend(versioned.shape)
  .strict();
export const permitListQuery = listQuery(['startsAt', 'reference', 'status']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  siteId: z.string().uuid().optional(),
  areaId: z.string().uuid().optional(),
  type: z.enum(permitTypes).optional(),
  status: z.enum(permitStatuses).optional(),
  live: z.enum(['true', 'false']).optional(),
});
export const permitPage = pageOf(
  permitView
    .omit({ checklist: true, history: true, overlaps: true, workers: true })
    .extend({ workerCount: z.number().int() }),
);
