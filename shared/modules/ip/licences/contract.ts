import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../../../platform/http/list.ts';
import { technologies } from '../rules/offices.ts';
import { reportingPeriods } from './rules.ts';

/** Contracts of licences (in, out, cross), their royalty reports, and freedom-to-operate records. */

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
/** ISO 3166-1 alpha-2 country codes, EP for the European patent's states, or WW for worldwide. */
const territoryCode = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}$/, 'A two-letter country code, EP or WW');

export const licenceDirections = ['in', 'out', 'cross'] as const;
export const exclusivities = ['exclusive', 'sole', 'non_exclusive'] as const;
export const royaltyBases = ['none', 'rate', 'fixed'] as const;
export const ftoConclusions = ['clear', 'clear_with_licence', 'design_around', 'not_clear'] as const;

const licenceFields = {
  reference,
  direction: z.enum(licenceDirections),
  counterparty: text(300),
  subject: text(500),
  territory: z.array(territoryCode).max(100).default([]),
  fieldOfUse: text(500).nullable().optional(),
  startsOn: isoDate,
  endsOn: isoDate.nullable().optional(),
  exclusivity: z.enum(exclusivities),
  royaltyBasis: z.enum(royaltyBases).default('none'),
  /** Per cent of net sales. */
  royaltyRate: z.number().min(0).max(100).nullable().optional(),
  royaltyAmount: money.nullable().optional(),
  currency: currency.nullable().optional(),
  reportingPeriod: z.enum(reportingPeriods).nullable().optional(),
  /** Days after a period ends that its report is due. */
  reportDueDays: z.number().int().min(0).max(365).nullable().optional(),
  familyIds: z.array(z.string().uuid()).max(500).default([]),
  matterIds: z.array(z.string().uuid()).max(500).default([]),
};
export const licenceInput = z.object({ siteId: z.string().uuid(), ...licenceFields }).strict();
export const licencePatch = z
  .object(licenceFields)
  .omit({ reference: true })
  .partial()
  .extend(versioned.shape)
  .strict();

const royaltyPeriod = z.object({ start: z.string(), end: z.string(), dueDate: z.string() });
export const licenceView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  /** Our party: the subsidiary the site belongs to. */
  subsidiaryName: z.string().nullable(),
  reference: z.string(),
  direction: z.enum(licenceDirections),
  counterparty: z.string(),
  subject: z.string(),
  territory: z.array(z.string()),
  fieldOfUse: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  exclusivity: z.enum(exclusivities),
  royaltyBasis: z.enum(royaltyBases),
  royaltyRate: z.number().nullable(),
  royaltyAmount: z.string().nullable(),
  currency: z.string().nullable(),
  reportingPeriod: z.enum(reportingPeriods).nullable(),
  reportDueDays: z.number().int().nullable(),
  families: z.array(z.object({ id: z.string().uuid(), reference: z.string(), title: z.string() })),
  matters: z.array(
    z.object({
      id: z.string().uuid(),
      office: z.string(),
      applicationNo: z.string(),
      patentNo: z.string().nullable(),
    }),
  ),
  /** The royalty report to chase next (the earliest not recorded), if royalties are due. */
  nextReport: royaltyPeriod.nullable(),
  version: z.number().int(),
});
export const royaltyReportView = z.object({
  id: z.string().uuid(),
  periodStart: z.string(),
  periodEnd: z.string(),
  reportedOn: z.string(),
  amount: z.string(),
  currency: z.string(),
});
export const licenceDetail = licenceView.extend({ reports: z.array(royaltyReportView) });

export const licenceListQuery = listQuery(['startsOn', 'reference', 'counterparty', 'endsOn']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  siteId: z.string().uuid().optional(),
  direction: z.enum(licenceDirections).optional(),
  exclusivity: z.enum(exclusivities).optional(),
  /** In force on this day. */
  activeOn: isoDate.optional(),
});
export const licencePage = pageOf(licenceView);
export const matterLicences = z.object({ items: z.array(licenceView) });

export const royaltyReportInput = z
  .object({
    periodEnd: isoDate,
    reportedOn: isoDate,
    amount: money,
    currency,
  })
  .strict();

const ftoFields = {
  subject: text(500),
  technology: z.enum(technologies).nullable().optional(),
  conclusion: z.enum(ftoConclusions),
  counsel: text(300),
  opinionDate: isoDate,
  /** Third parties' patents the opinion weighed, by number (US 10,123,456 B2, TW I812345). */
  patentsConsidered: z.array(text(60)).max(500).default([]),
  /** Our own families that bear on it (cross-licence or defensive value). */
  familyIds: z.array(z.string().uuid()).max(200).default([]),
};
export const ftoInput = z.object({ siteId: z.string().uuid(), ...ftoFields }).strict();
export const ftoPatch = z.object(ftoFields).partial().extend(versioned.shape).strict();
export const ftoView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  subject: z.string(),
  technology: z.enum(technologies).nullable(),
  conclusion: z.enum(ftoConclusions),
  counsel: z.string(),
  opinionDate: z.string(),
  patentsConsidered: z.array(z.string()),
  families: z.array(z.object({ id: z.string().uuid(), reference: z.string(), title: z.string() })),
  version: z.number().int(),
});
export const ftoListQuery = listQuery(['opinionDate', 'subject', 'conclusion']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  siteId: z.string().uuid().optional(),
  conclusion: z.enum(ftoConclusions).optional(),
  technology: z.enum(technologies).optional(),
});
export const ftoPage = pageOf(ftoView);

export type Exclusivity = (typeof exclusivities)[number];
export type RoyaltyBasis = (typeof royaltyBases)[number];
export type FtoConclusion = (typeof ftoConclusions)[number];
export type LicenceView = z.infer<typeof licenceView>;
export type FtoView = z.infer<typeof ftoView>;
