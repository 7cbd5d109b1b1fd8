import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../../../platform/http/list.ts';
import { riskBands } from './rules.ts';

/**
 * The zod contracts of information security governance: memberships and agreements with information-sharing
 * organisations, the risk register and its matrix, and security goals with their KPIs.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const uuid = z.string().uuid();

// ---- Memberships and agreements

/** A membership of an organisation (FIRST), an agreement (an information-sharing one) or a memorandum of understanding. */
export const membershipKinds = ['membership', 'agreement', 'mou'] as const;

const membershipFields = {
  organisation: text(200),
  kind: z.enum(membershipKinds),
  since: isoDate,
  renewalOn: isoDate.nullable().optional(),
  /** Days before the renewal date that the renewal falls due as an obligation. */
  renewalLeadDays: z.number().int().min(0).max(365).optional(),
  ownerId: uuid.nullable().optional(),
  note: z.string().trim().max(4000).nullable().optional(),
};

const renewsAfterStart = (m: { since?: string; renewalOn?: string | null }) =>
  !m.since || !m.renewalOn || m.renewalOn >= m.since;

/** A group-wide membership has no site; an agreement one site signed (the MOU of ASE Kaohsiung) names it. */
export const membershipInput = z
  .object({ siteId: uuid.nullable().optional(), ...membershipFields })
  .strict()
  .refine(renewsAfterStart, { message: 'The renewal follows the start', path: ['renewalOn'] });

export const membershipPatch = z
  .object({
    ...membershipFields,
    organisation: membershipFields.organisation.optional(),
    kind: membershipFields.kind.optional(),
    since: membershipFields.since.optional(),
  })
  .extend(versioned.shape)
  .strict()
  .refine(renewsAfterStart, { message: 'The renewal follows the start', path: ['renewalOn'] });

export const membershipView = z.object({
  id: uuid,
  siteId: uuid.nullable(),
  siteCode: z.string().nullable(),
  organisation: z.string(),
  kind: z.enum(membershipKinds),
  since: z.string(),
  renewalOn: z.string().nullable(),
  renewalLeadDays: z.number().int(),
  /** The day the renewal falls due (its obligation), null without a renewal date. */
  renewalDueOn: z.string().nullable(),
  ownerId: uuid.nullable(),
  ownerName: z.string().nullable(),
  note: z.string().nullable(),
  documents: z.number().int(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type MembershipView = z.infer<typeof membershipView>;

export const membershipListQuery = listQuery([
  'organisation',
  'renewalOn',
  'since',
  'kind',
  'updatedAt',
] as const).extend({
  /** A site's own agreements; `group` for the group-wide ones. */
  siteId: z.union([uuid, z.literal('group')]).optional(),
  kind: z.enum(membershipKinds).optional(),
  /** Only those whose renewal falls due on or before this day. */
  dueBy: isoDate.optional(),
});
export const membershipPage = pageOf(membershipView);

// ---- Risk register

/** How a risk is treated (ISO/IEC 27005: modify, share, avoid, retain). */
export const riskTreatments = ['mitigate', 'transfer', 'avoid', 'accept'] as const;

const level = z.number().int().min(1).max(10);

/** The program's risk matrix: levels of likelihood and impact (2–10) and the lowest score of each band. */
export const riskMatrixInput = z
  .object({
    likelihoodLevels: z.number().int().min(2).max(10),
    impactLevels: z.number().int().min(2).max(10),
    bands: z
      .array(z.object({ band: z.enum(riskBands), minScore: z.number().int().min(1).max(100) }).strict())
      .min(2)
      .max(riskBands.length),
  })
  .strict();

const riskFields = {
  title: text(300),
  description: z.string().trim().max(4000).nullable().optional(),
  systemId: uuid.nullable().optional(),
  likelihood: level,
  impact: level,
  treatment: z.enum(riskTreatments),
  ownerId: uuid.nullable().optional(),
  reviewOn: isoDate,
  residualLikelihood: level.nullable().optional(),
  residualImpact: level.nullable().optional(),
};

const residualPaired = (r: { residualLikelihood?: number | null; residualImpact?: number | null }) =>
  (r.residualLikelihood == null) === (r.residualImpact == null);
const residualMessage = {
  message: 'Give both residual likelihood and impact, or neither',
  path: ['residualImpact'],
};

export const riskInput = z
  .object({ siteId: uuid, ...riskFields })
  .strict()
  .refine(residualPaired, residualMessage);

export const riskPatch = z
  .object({
    ...riskFields,
    title: riskFields.title.optional(),
    likelihood: level.optional(),
    impact: level.optional(),
    treatment: riskFields.treatment.optional(),
    reviewOn: isoDate.optional(),
  })
  .extend(versioned.shape)
  .strict()
  .refine(
    (r) => (r.residualLikelihood === undefined) === (r.residualImpact === undefined) && residualPaired(r),
    residualMessage,
  );

const rating = z.object({ score: z.number().int(), band: z.enum(riskBands) });

export const riskView = z.object({
  id: uuid,
  siteId: uuid,
  siteCode: z.string(),
  systemId: uuid.nullable(),
  systemName: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  likelihood: z.number().int(),
  impact: z.number().int(),
  /** Likelihood × impact on the program's matrix as it is set now. */
  rating,
  treatment: z.enum(riskTreatments),
  ownerId: uuid.nullable(),
  ownerName: z.string().nullable(),
  reviewOn: z.string(),
  reviewOverdue: z.boolean(),
  residualLikelihood: z.number().int().nullable(),
  residualImpact: z.number().int().nullable(),
  residualRating: rating.nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type RiskView = z.infer<typeof riskView>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const riskListQuery = listQuery(['score', 'reviewOn', 'title', 'updatedAt'] as const).extend({
  siteId: uuid.optional(),
  systemId: uuid.optional(),
  treatment: z.enum(riskTreatments).optional(),
  band: z.enum(riskBands).optional(),
  /** Only the risks whose review date has passed. */
  overdue: flag.optional(),
});
export const riskPage = pageOf(riskView);

export const riskHeatmapQuery = z.object({
  siteId: uuid.optional(),
  /** The residual ratings rather than the inherent ones (risks without a residual rating are left out). */
  residual: flag.optional(),
});
export const riskHeatmap = z.object({
  matrix: riskMatrixInput,
  cells: z.array(
    z.object({ likelihood: z.number().int(), impact: z.number().int(), count: z.number().int() }),
  ),
  total: z.number().int(),
});
