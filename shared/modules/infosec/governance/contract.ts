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
  siteId: uuid.optional(),
  /** Only the group-wide ones (no site). */
  groupWide: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
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

/** The matrix as read, and whether the reader may change it (a security manager over the whole group). */
export const riskMatrixView = riskMatrixInput.extend({ mayChange: z.boolean() });
export type RiskMatrixView = z.infer<typeof riskMatrixView>;

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

// ---- Goals and KPIs

/** The KPIs each site reports monthly (imported), and a KPI whose actual is entered by hand. */
export const siteKpiMetrics = [
  'training_completion',
  'drill_participation',
  'endpoint_protection',
  'file_labelling',
] as const;
export const kpiMetrics = [...siteKpiMetrics, 'manual'] as const;

const figure = z
  .union([z.number(), z.string()])
  .transform(String)
  .pipe(z.string().regex(/^-?\d{1,10}(\.\d{1,2})?$/, 'A number with at most two decimals'));

const kpiInput = z
  .object({
    metric: z.enum(kpiMetrics),
    name: z.string().trim().min(1).max(200).nullable().optional(),
    comparison: z.enum(['at_least', 'at_most']),
    target: figure,
    actual: figure.nullable().optional(),
  })
  .strict()
  .refine((k) => (k.metric === 'manual') === Boolean(k.name), {
    message: 'A KPI entered by hand has a name; an imported one takes its metric’s',
    path: ['name'],
  })
  .refine((k) => k.metric === 'manual' || k.actual == null, {
    message: 'An imported KPI’s actual comes from the sites’ monthly figures',
    path: ['actual'],
  });

const goalFields = {
  year: z.number().int().min(2000).max(2100),
  title: text(300),
  description: z.string().trim().max(4000).nullable().optional(),
  kpis: z.array(kpiInput).max(20),
};

export const goalInput = z.object({ siteId: uuid.nullable().optional(), ...goalFields }).strict();
export const goalPatch = z
  .object({
    title: goalFields.title.optional(),
    description: goalFields.description,
    kpis: goalFields.kpis.optional(),
  })
  .extend(versioned.shape)
  .strict();

export const kpiView = z.object({
  metric: z.enum(kpiMetrics),
  name: z.string().nullable(),
  comparison: z.enum(['at_least', 'at_most']),
  target: z.string(),
  /** Imported metrics: the mean over the goal's sites of each site's latest month of the year; null without one. */
  actual: z.string().nullable(),
  /** The sites whose monthly figures the actual is computed from (0 for a KPI entered by hand). */
  sites: z.number().int(),
  met: z.boolean().nullable(),
});

export const goalView = z.object({
  id: uuid,
  siteId: uuid.nullable(),
  siteCode: z.string().nullable(),
  year: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  kpis: z.array(kpiView),
  /** A group goal's imported actuals cover the whole group, or only the reader's sites. */
  actualOf: z.enum(['goal', 'reader_sites']),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type GoalView = z.infer<typeof goalView>;

export const goalListQuery = listQuery(['year', 'title', 'updatedAt'] as const).extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  siteId: uuid.optional(),
  /** Only the group's goals (no site). */
  groupWide: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const goalPage = pageOf(goalView);

export const goalCountQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const goalCount = z.object({ year: z.number().int(), goals: z.number().int() });

export const siteKpiView = z.object({
  siteId: uuid,
  siteCode: z.string(),
  month: z.string(),
  trainingCompletion: z.number(),
  drillParticipation: z.number(),
  endpointProtection: z.number(),
  fileLabelling: z.number(),
});
export const siteKpiListQuery = listQuery(['month', 'site'] as const).extend({
  siteId: uuid.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const siteKpiPage = pageOf(siteKpiView);
