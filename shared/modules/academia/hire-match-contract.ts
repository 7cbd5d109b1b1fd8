import { z } from 'zod';
import { listQuery, pageOf, versioned } from '../../platform/http/list.ts';
import { internPrograms } from './contract.ts';

/** Contracts of the former interns' hires: proposed matches and the intern-to-hire conversion report. */

const uuid = z.string().uuid();
const year = z.coerce.number().int().min(1990).max(2200);

/** Why Steward proposes a match: the same e-mail, or the same name and date of birth. */
export const hireMatchReasons = ['email', 'name_and_birth_date'] as const;
export const hireMatchStatuses = ['proposed', 'confirmed', 'dismissed'] as const;

export const hireMatchView = z.object({
  id: uuid,
  siteId: uuid,
  siteCode: z.string(),
  internId: uuid,
  /** Null once the intern is anonymised. */
  internName: z.string().nullable(),
  internEmail: z.string().nullable(),
  partnerName: z.string(),
  /** The school's name in Chinese, where it has one. */
  partnerNameZh: z.string().nullable(),
  program: z.enum(internPrograms),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  employeeId: uuid,
  /** Null when the employee record is gone since the proposal. */
  employeeNo: z.string().nullable(),
  employeeName: z.string().nullable(),
  employeeEmail: z.string().nullable(),
  employeeSiteCode: z.string().nullable(),
  hireDate: z.string().nullable(),
  reason: z.enum(hireMatchReasons),
  status: z.enum(hireMatchStatuses),
  proposedAt: z.string(),
  decidedAt: z.string().nullable(),
  version: z.number().int(),
});
export const hireMatchListQuery = listQuery(['proposedAt', 'internName']).extend({
  siteId: uuid.optional(),
  /** Default: the proposals still waiting for a decision. */
  status: z.enum(hireMatchStatuses).default('proposed'),
});
export const hireMatchPage = pageOf(hireMatchView);
export const hireMatchDecision = versioned.strict();
export const hireMatchScanInput = z
  .object({
    /** One site the actor manages; without it, every site where the actor runs the program. */
    siteId: uuid.optional(),
  })
  .strict();
export const hireMatchScanResult = z.object({
  /** Interns looked at, and pairs newly proposed. */
  interns: z.number().int(),
  proposed: z.number().int(),
});

export const conversionQuery = z
  .object({ fromYear: year, toYear: year })
  .refine((q) => q.toYear >= q.fromYear, { message: 'Before the first year', path: ['toYear'] })
  .refine((q) => q.toYear - q.fromYear < 30, { message: 'At most 30 years', path: ['toYear'] });
const counts = {
  /** Internships completed (ended) in the year. */
  completed: z.number().int(),
  /** Of those, hired (a confirmed match or a link made by hand). */
  hired: z.number().int(),
  /** hired ÷ completed in per cent with one decimal; null when none completed. */
  ratePercent: z.string().nullable(),
};
export const conversionReport = z.object({
  fromYear: z.number().int(),
  toYear: z.number().int(),
  rows: z.array(
    z.object({
      year: z.number().int(),
      siteId: uuid,
      siteCode: z.string(),
      partnerId: uuid,
      program: z.enum(internPrograms),
      ...counts,
    }),
  ),
  /** The schools of the rows, named once each (a school has a row per year, program and site). */
  partners: z.array(z.object({ id: uuid, name: z.string(), nameZh: z.string().nullable() })),
  byYear: z.array(z.object({ year: z.number().int(), ...counts })),
  total: z.object(counts),
});
