import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../../platform/http/list.ts';

/**
 * Contracts of internship cooperation placements: the students a school places at a site for a term (counted,
 * never named) and the participation hours they put in, shared by the server and the web app.
 */

const uuid = z.string().uuid();
const year = z.coerce.number().int().min(1990).max(2200);

export const placementView = z.object({
  id: uuid,
  siteId: uuid,
  siteCode: z.string(),
  partnerId: uuid,
  partnerName: z.string(),
  /** The school's name in Chinese, where it has one. */
  partnerNameZh: z.string().nullable(),
  /** The school's term, class or department the students came in, as the school names it. */
  term: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  students: z.number().int(),
  /** The hours the placement's students took part, added up from their timesheets. */
  participationHours: z.number().int(),
  version: z.number().int(),
});
const placementFields = z.object({
  siteId: uuid,
  partnerId: uuid,
  term: z.string().trim().min(1, 'Required').max(200),
  startsOn: isoDate,
  endsOn: isoDate,
  students: z.number().int().min(1, 'At least one student').max(100_000),
  participationHours: z.number().int().min(0).max(100_000_000),
});
export const placementInput = placementFields.strict();
export const placementPatch = versioned
  .extend(placementFields.omit({ siteId: true }).partial().shape)
  .strict();
export const placementListQuery = listQuery(['startsOn', 'term', 'students', 'participationHours']).extend({
  siteId: uuid.optional(),
  partnerId: uuid.optional(),
  /** Placements whose term starts in the year. */
  year: year.optional(),
});
export const placementPage = pageOf(placementView);

const cooperationTotals = z.object({
  placements: z.number().int(),
  students: z.number().int(),
  participationHours: z.number().int(),
});
/** The year's internship cooperation: placements whose term starts in it, at the reader's sites. */
export const internshipCooperation = cooperationTotals.extend({
  bySubsidiary: z.array(cooperationTotals.extend({ subsidiaryCode: z.string() })),
});
