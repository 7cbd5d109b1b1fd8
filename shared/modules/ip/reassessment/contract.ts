import { z } from 'zod';
import { listQuery, pageOf, versioned } from '../../../platform/http/list.ts';
import { entitySizes, offices, technologies } from '../rules/offices.ts';
import { type Goal, goalIndicators, goals, indicators, modelProblems, type ScoringModel } from './rules.ts';

/** Contracts of the keep-or-drop decisions before each annuity and the re-assessment scoring model. */

const weight = z.number().min(0, 'Not negative').max(100);
const goalWeights = <G extends Goal>(goal: G) =>
  z
    .object(
      Object.fromEntries(goalIndicators[goal].map((i) => [i, weight])) as Record<
        (typeof goalIndicators)[G][number],
        typeof weight
      >,
    )
    .strict();

export const scoringModel = z
  .object({
    weights: z
      .object({
        quantity: goalWeights('quantity'),
        quality: goalWeights('quality'),
        value: goalWeights('value'),
      })
      .strict(),
    goalWeights: z.object({ quantity: weight, quality: weight, value: weight }).strict(),
    revitaliseAt: z.number().min(0).max(100),
    dropBelow: z.number().min(0).max(100),
    leadDays: z.number().int().min(0).max(365),
  })
  .strict()
  .superRefine((m, ctx) => {
    for (const p of modelProblems(m as ScoringModel))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: p.path.split('.'), message: p.message });
  });

export const keepDropDecisions = ['keep', 'drop', 'sell', 'license'] as const;
export type KeepDropDecision = (typeof keepDropDecisions)[number];
export const recommendations = ['keep', 'revitalise', 'consider_drop'] as const;

const indicatorValue = z.union([z.number(), z.boolean()]).nullable();
export const assessmentView = z.object({
  goals: z.object({ quantity: z.number(), quality: z.number(), value: z.number() }),
  goalWeights: z.object({ quantity: z.number(), quality: z.number(), value: z.number() }),
  overall: z.number(),
  recommendation: z.enum(recommendations),
  working: z.array(
    z.object({
      indicator: z.enum(indicators as [string, ...string[]]),
      goal: z.enum(goals),
      raw: indicatorValue,
      normalised: z.number(),
      weight: z.number(),
      contribution: z.number(),
    }),
  ),
});

export const decisionView = z.object({
  id: z.string().uuid(),
  decision: z.enum(keepDropDecisions),
  reason: z.string(),
  feeDueDate: z.string(),
  decideBy: z.string(),
  /** A drop lets the matter lapse at the fee's deadline (its status is not changed before). */
  lapsesOn: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedOn: z.string(),
  assessment: assessmentView,
});

/** The facts entered in the re-assessment, where Steward holds no record of them. */
export const reassessmentFields = {
  claims: z.number().int().min(0).max(1000).nullable().optional(),
  forwardCitations: z.number().int().min(0).max(100000).nullable().optional(),
  backwardCitations: z.number().int().min(0).max(100000).nullable().optional(),
  technologyFit: z.number().int().min(1).max(5).nullable().optional(),
  usedInProducts: z.boolean().nullable().optional(),
};

export const keepDropItem = z.object({
  matterId: z.string().uuid(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  subsidiaryName: z.string().nullable(),
  familyId: z.string().uuid(),
  familyReference: z.string(),
  familyTitle: z.string(),
  technology: z.enum(technologies),
  office: z.enum(offices),
  applicationNo: z.string(),
  patentNo: z.string().nullable(),
  feeYear: z.number().nullable(),
  feeDueDate: z.string(),
  /** What keeping costs: the fee at the schedule in force on its due date (null: no schedule prices it). */
  feeCurrency: z.string().nullable(),
  feeAmountMinor: z.number().int().nullable(),
  /** The USPTO entity size the fee is priced at; null for offices without sizes. */
  entitySize: z.enum(entitySizes).nullable(),
  decideBy: z.string(),
  termEnd: z.string().nullable(),
  claims: z.number().int().nullable(),
  forwardCitations: z.number().int().nullable(),
  backwardCitations: z.number().int().nullable(),
  technologyFit: z.number().int().nullable(),
  usedInProducts: z.boolean().nullable(),
  assessment: assessmentView,
  /** The decision taken for this fee, if any. */
  decision: decisionView.nullable(),
  /** The latest verdict a portfolio review gave the matter, if any: the site's view in front of the decider. */
  review: z
    .object({
      campaignId: z.string().uuid(),
      campaignName: z.string(),
      verdict: z.enum(keepDropDecisions),
      note: z.string().nullable(),
      reviewedOn: z.string(),
      reviewedByName: z.string().nullable(),
    })
    .nullable(),
  /** The matter's version: a decision names it, and a stale one is refused. */
  version: z.number().int(),
});
export type KeepDropItem = z.infer<typeof keepDropItem>;

export const keepDropListQuery = listQuery(['decideBy', 'feeDueDate', 'score', 'office']).extend({
  /** Fees due within this many months from today. */
  months: z.coerce.number().int().min(1).max(36).default(12),
  siteId: z.string().uuid().optional(),
  subsidiaryId: z.string().uuid().optional(),
  office: z.enum(offices).optional(),
  technology: z.enum(technologies).optional(),
  recommendation: z.enum(recommendations).optional(),
  state: z.enum(['open', 'decided']).optional(),
});
export const keepDropPage = pageOf(keepDropItem);

export const keepDropDecisionInput = z
  .object({
    decision: z.enum(keepDropDecisions),
    reason: z.string().trim().min(1).max(2000),
    ...reassessmentFields,
  })
  .extend(versioned.shape)
  .strict();
