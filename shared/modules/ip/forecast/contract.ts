import { z } from 'zod';
import { isoDate, listQuery, pageOf } from '../../../platform/http/list.ts';
import { entitySizes, epStates, kinds, offices, technologies } from '../rules/offices.ts';

/** Contracts of the five-year cost forecast of annuities, renewal and maintenance fees. */

const filters = {
  siteId: z.string().uuid().optional(),
  subsidiaryId: z.string().uuid().optional(),
  office: z.enum(offices).optional(),
  technology: z.enum(technologies).optional(),
};

export const forecastQuery = z.object(filters).strict();

/** Why a fee has no amount in NT$ or US$: no schedule prices it, or no dated rate converts it. */
export const missingReasons = ['no_schedule', 'no_line', 'national_fee', 'no_claims', 'rate'] as const;
export type MissingReason = (typeof missingReasons)[number];

export const forecastRate = z.object({
  currency: z.string(),
  state: z.enum(['found', 'missing']),
  /** The date of the rate used: the latest on or before the forecast's day. */
  validFrom: isoDate.nullable(),
  perUsd: z.string().nullable(),
});

/** Integer minor units (hundredths) of the currency named. */
const minor = z.number().int();

export const forecastFee = z.object({
  matterId: z.string().uuid(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  subsidiaryId: z.string().uuid().nullable(),
  subsidiaryName: z.string().nullable(),
  familyReference: z.string(),
  technology: z.enum(technologies),
  office: z.enum(offices),
  /** A European patent after grant: the validation state paid, or 'UP' for the Unitary Patent's renewal fee. */
  paidTo: z.enum([...epStates, 'UP']).nullable(),
  kind: z.enum(kinds),
  applicationNo: z.string(),
  patentNo: z.string().nullable(),
  /** The patent year the fee maintains (US: the stage, 4, 8 or 12 for 3.5, 7.5 and 11.5 years). */
  year: z.number().int(),
  /** The USPTO entity size the fee is priced at; null for offices without sizes. */
  entitySize: z.enum(entitySizes).nullable(),
  dueDate: isoDate,
  currency: z.string().nullable(),
  amountMinor: minor.nullable(),
  scheduleFrom: isoDate.nullable(),
  twdMinor: minor.nullable(),
  usdMinor: minor.nullable(),
  missing: z.enum(missingReasons).nullable(),
});
export type ForecastFee = z.infer<typeof forecastFee>;

/** The fees of one calendar year, office, technology and subsidiary. */
export const forecastGroup = z.object({
  year: z.number().int(),
  office: z.enum(offices),
  technology: z.enum(technologies),
  subsidiaryId: z.string().uuid().nullable(),
  subsidiaryName: z.string().nullable(),
  fees: z.number().int(),
  /** Fees without an amount in NT$ or US$: the sums below leave them out and say so. */
  missing: z.number().int(),
  twdMinor: minor,
  usdMinor: minor,
});
export type ForecastGroup = z.infer<typeof forecastGroup>;

export const forecastView = z.object({
  /** The first and the last day of the five years. */
  from: isoDate,
  to: isoDate,
  rates: z.array(forecastRate),
  groups: z.array(forecastGroup),
});
export type ForecastView = z.infer<typeof forecastView>;

export const forecastFeeQuery = listQuery(['dueDate', 'office']).extend(filters);
export const forecastFeePage = pageOf(forecastFee);
