import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../../../platform/http/list.ts';

/**
 * Contracts of IP risk cases: suspected misappropriation or infringement (by us or against us), customer
 * indemnity claims and litigation, with the response procedure's dated steps, costs and outcome.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const reference = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9./\- ]+$/, 'Letters, digits, spaces and . / - only');
const currency = z
  .string()
  .trim()
  .regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as USD or TWD');
const money = z
  .string()
  .trim()
  .regex(/^\d{1,14}(\.\d{1,2})?$/, 'An amount such as 1250000 or 1250000.50');

export const riskKinds = ['misappropriation', 'infringement', 'indemnity_claim', 'litigation'] as const;
export const riskDirections = ['by_us', 'against_us'] as const;
/** The response procedure, in its usual order (a case may skip steps). */
export const riskSteps = [
  'suspected',
  'investigating',
  'evidence_preserved',
  'notice_sent',
  'negotiating',
  'litigation',
  'settled',
  'judgment',
  'closed',
] as const;
export const riskOutcomes = [
  'settled',
  'won',
  'lost',
  'withdrawn',
  'licence_granted',
  'no_infringement',
  'indemnified',
] as const;
export const riskCostCategories = ['counsel', 'court', 'expert', 'settlement', 'damages', 'other'] as const;

export type RiskKind = (typeof riskKinds)[number];
export type RiskDirection = (typeof riskDirections)[number];
export type RiskStep = (typeof riskSteps)[number];
export type RiskOutcome = (typeof riskOutcomes)[number];
export type RiskCostCategory = (typeof riskCostCategories)[number];

export const riskCaseInput = z
  .object({
    siteId: z.string().uuid(),
    reference,
    kind: z.enum(riskKinds),
    direction: z.enum(riskDirections),
    title: text(300),
    counterparty: text(300).nullable().optional(),
    counsel: text(300).nullable().optional(),
    /** A security incident through which data left the company. */
    incidentId: z.string().uuid().nullable().optional(),
    step: z.enum(riskSteps).default('suspected'),
    stepOn: isoDate,
  })
  .strict();
export const riskCasePatch = z
  .object({
    kind: z.enum(riskKinds),
    direction: z.enum(riskDirections),
    title: text(300),
    counterparty: text(300).nullable(),
    counsel: text(300).nullable(),
    incidentId: z.string().uuid().nullable(),
    outcome: z.enum(riskOutcomes).nullable(),
  })
  .partial()
  .extend(versioned.shape)
  .strict();
export const riskStepInput = z
  .object({ step: z.enum(riskSteps), effectiveOn: isoDate })
  .extend(versioned.shape)
  .strict();
export const riskCostInput = z
  .object({
    incurredOn: isoDate,
    category: z.enum(riskCostCategories),
    amount: money,
    currency,
  })
  .strict();

const incidentLink = z.object({ id: z.string().uuid(), reference: z.string(), title: z.string() });
export const riskCaseView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  reference: z.string(),
  kind: z.enum(riskKinds),
  direction: z.enum(riskDirections),
  title: z.string(),
  counterparty: z.string().nullable(),
  counsel: z.string().nullable(),
  /** The linked incident, shown only to those who may read it. */
  incident: incidentLink.nullable(),
  step: z.enum(riskSteps),
  stepOn: z.string(),
  outcome: z.enum(riskOutcomes).nullable(),
  /** Costs so far, summed per currency (never converted). */
  costs: z.array(z.object({ currency: z.string(), amount: z.string() })),
  version: z.number().int(),
});
export const riskCaseDetail = riskCaseView.extend({
  steps: z.array(z.object({ id: z.string().uuid(), step: z.enum(riskSteps), effectiveOn: z.string() })),
  costItems: z.array(
    z.object({
      id: z.string().uuid(),
      incurredOn: z.string(),
      category: z.enum(riskCostCategories),
      amount: z.string(),
      currency: z.string(),
    }),
  ),
});
export const riskCaseListQuery = listQuery(['stepOn', 'reference', 'kind', 'step']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  siteId: z.string().uuid().optional(),
  kind: z.enum(riskKinds).optional(),
  direction: z.enum(riskDirections).optional(),
  step: z.enum(riskSteps).optional(),
  open: z.enum(['true', 'false']).optional(),
});
export const riskCasePage = pageOf(riskCaseView);

/** A security incident a risk case may name, for the form's choice. */
export const incidentChoices = z.object({ items: z.array(incidentLink) });

/** The risk cases that name a security incident, for the incident's page (those the reader may read). */
export const incidentRiskCases = z.object({
  items: z.array(
    riskCaseView.pick({
      id: true,
      reference: true,
      kind: true,
      direction: true,
      title: true,
      step: true,
      stepOn: true,
      outcome: true,
    }),
  ),
});
