import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../../../platform/http/list.ts';

/** The zod contracts of the cyber insurance register and the notices given to insurers. */

const text = (max: number) => z.string().trim().min(1).max(max);

/** What a policy covers (codes; the words are in the message files). */
export const insuranceCovers = [
  'incident_response',
  'business_interruption',
  'data_restoration',
  'cyber_extortion',
  'third_party_liability',
  'regulatory',
] as const;

const policyFields = z.object({
  insurer: text(200),
  policyNumber: text(80),
  covers: z.array(z.enum(insuranceCovers)).max(insuranceCovers.length),
  /** The limit and the retention in the currency's minor unit (cents). */
  limitMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  retentionMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** Hours after awareness within which the insurer must be told of an incident. */
  noticeHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 365),
  startsOn: isoDate,
  endsOn: isoDate,
});

export const policyInput = policyFields.strict().refine((p) => p.endsOn >= p.startsOn, {
  path: ['endsOn'],
  message: 'Ends before it starts',
});
export const policyPatch = policyFields.partial().merge(versioned).strict();

export const policyView = z.object({
  id: z.string().uuid(),
  insurer: z.string(),
  policyNumber: z.string(),
  covers: z.array(z.enum(insuranceCovers)),
  limitMinor: z.number(),
  retentionMinor: z.number(),
  currency: z.string(),
  noticeHours: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  version: z.number().int(),
});
export type PolicyView = z.infer<typeof policyView>;

export const policyListQuery = listQuery(['endsOn', 'insurer', 'startsOn'] as const).extend({
  /** Only the policies in force on this day. */
  inForceOn: isoDate.optional(),
});
export const policyPage = pageOf(policyView);

export const insurerNoticeInput = z
  .object({
    policyId: z.string().uuid(),
    notifiedAt: z.string().datetime({ offset: true }),
    claimReference: z.string().trim().max(120).optional(),
  })
  .strict();

/** Per policy in force when the incident was noticed: the notice deadline, and whether and when it was given. */
export const incidentInsurance = z.object({
  awareAt: z.string(),
  policies: z.array(
    z.object({
      policyId: z.string().uuid(),
      insurer: z.string(),
      policyNumber: z.string(),
      noticeHours: z.number().int(),
      deadline: z.string(),
      notifiedAt: z.string().nullable(),
      claimReference: z.string().nullable(),
      late: z.boolean(),
    }),
  ),
  mayNotify: z.boolean(),
});
