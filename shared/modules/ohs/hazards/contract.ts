import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../../../platform/http/list.ts';
import { text } from '../fields.ts';
import { controlTypes } from '../rules/risk.ts';

/** Contracts of hazards and risk assessment, and the risk matrix. */

export const level = z.enum(['low', 'medium', 'high', 'critical']);
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
