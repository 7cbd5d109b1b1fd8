import { z } from 'zod';
import { isoDate, listQuery, pageOf } from '../http/list.ts';
import { CALENDAR_DAY_KINDS } from './rules.ts';

export const calendarDayKinds = CALENDAR_DAY_KINDS;

const country = z
  .string()
  .length(2)
  .regex(/^[A-Z]{2}$/, 'Use an ISO 3166 two-letter code');

/** A day of a working calendar: a country's (its sites share it) or one site's, which stands over it. */
export const calendarDayView = z.object({
  id: z.string().uuid(),
  day: z.string(),
  country: z.string().nullable(),
  siteId: z.string().uuid().nullable(),
  siteCode: z.string().nullable(),
  kind: z.enum(calendarDayKinds),
  /** The day's proper name as published or entered (data, shown as it is). */
  name: z.string(),
  source: z.string().nullable(),
  version: z.number().int(),
});
export type CalendarDayView = z.infer<typeof calendarDayView>;

export const calendarDayInput = z
  .object({
    day: isoDate,
    country: country.optional(),
    siteId: z.string().uuid().optional(),
    kind: z.enum(calendarDayKinds),
    name: z.string().trim().min(1).max(200),
    source: z.string().trim().max(500).nullable().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.country === !v.siteId)
      ctx.addIssue({ code: 'custom', path: ['country'], message: 'Give either a country or a site' });
    if (v.kind === 'closure' && !v.siteId)
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'A closure belongs to a site' });
  });

export const calendarDayListQuery = listQuery(['day']).extend({
  country: country.optional(),
  siteId: z.string().uuid().optional(),
  year: z.coerce.number().int().min(1950).max(2150).optional(),
});
export const calendarDayPage = pageOf(calendarDayView);

/** Which years each country of the reader's sites has a calendar for (the others are unknown). */
export const calendarCoverage = z.object({
  items: z.array(z.object({ country: z.string(), years: z.array(z.number().int()) })),
});

export const calendarDayRemoveQuery = z.object({ version: z.coerce.number().int().min(1) });
