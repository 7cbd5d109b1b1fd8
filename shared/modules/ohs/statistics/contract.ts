import { z } from 'zod';

/** Contracts of injury statistics and rates, and how rates are rounded. */

export const rateSet = z.object({
  hours: z.string(),
  disablingInjuries: z.number().int(),
  daysLost: z.number().int(),
  fatalities: z.number().int(),
  highConsequence: z.number().int(),
  recordable: z.number().int(),
  dart: z.number().int(),
  lostTime: z.number().int(),
  fr: z.string().nullable(),
  sr: z.string().nullable(),
  fsi: z.string().nullable(),
  trir: z.string().nullable(),
  dartRate: z.string().nullable(),
  ltir: z.string().nullable(),
  gri: z.object({
    fatalityRatePerMillion: z.string().nullable(),
    highConsequenceRatePerMillion: z.string().nullable(),
    recordableRatePerMillion: z.string().nullable(),
    fatalityRatePer200k: z.string().nullable(),
    highConsequenceRatePer200k: z.string().nullable(),
    recordableRatePer200k: z.string().nullable(),
  }),
  mainInjuryTypes: z.array(z.object({ injuryType: z.string(), count: z.number().int() })),
});
export type RateSet = z.infer<typeof rateSet>;

export const statisticsRow = z.object({
  key: z.string(),
  label: z.string(),
  period: z.string(),
  employees: rateSet,
  nonEmployees: rateSet,
  all: rateSet,
  /** Occupational injury cases: recordable injuries of all workers, commuting and traffic accidents excluded. */
  injuryCases: z.number().int(),
});
export const statisticsQuery = z.object({
  from: z.coerce.number().int().min(1990).max(2100),
  to: z.coerce.number().int().min(1990).max(2100),
  by: z.enum(['group', 'subsidiary', 'site']).default('group'),
  period: z.enum(['year', 'month']).default('year'),
  siteId: z.string().uuid().optional(),
  /**
   * Count each year from 1 January to the same day as today only (29 February: 28 February in a common
   * year), so that this year to date compares with the same span of other years. Hours are recorded by
   * month: the month of that day counts for its days up to it.
   */
  yearToDate: z.enum(['true', 'false']).optional(),
});
export const statisticsView = z.object({
  rounding: z.enum(['truncate', 'round-half-up']),
  rows: z.array(statisticsRow),
  /** With yearToDate: today, the day each year runs to (MM-DD) and the time zone today was read in. */
  yearToDate: z.object({ today: z.string(), through: z.string(), timeZone: z.string() }).nullable(),
});

export const ohsSettings = z.object({ rounding: z.enum(['truncate', 'round-half-up']) }).strict();
