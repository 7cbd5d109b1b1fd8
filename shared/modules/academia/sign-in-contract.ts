import { z } from 'zod';
import { isoDate } from '../../platform/http/list.ts';
import { internOutcomes, internPrograms } from './contract.ts';
import { internEvaluationView } from './evaluation-contract.ts';

/**
 * A student's own sign-in: the program staff grant an intern record to a person outside the company (the
 * platform's external role), who then sees that internship and gives the student's evaluation of it.
 */

const uuid = z.string().uuid();

/** The person who signs in as the student, or none. */
export const internSignInView = z.object({
  holder: z.object({ userId: uuid, name: z.string(), email: z.string(), grantedAt: z.string() }).nullable(),
});
export const internSignInInput = z.object({ userId: uuid.nullable() }).strict();

/** An internship as its student sees it: no other student's data, and only the student's own evaluation. */
export const myInternshipView = z.object({
  id: uuid,
  siteCode: z.string(),
  partnerName: z.string(),
  partnerNameZh: z.string().nullable(),
  program: z.enum(internPrograms),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  hours: z.number().int(),
  outcome: z.enum(internOutcomes),
  /** The student's evaluation of the internship, once given. */
  evaluation: internEvaluationView.nullable(),
});
export const myInternshipList = z.object({ items: z.array(myInternshipView) });

export const selfEvaluationInput = z
  .object({
    rating: z.number().int('A whole number from 1 to 5').min(1, 'From 1 to 5').max(5, 'From 1 to 5'),
    evaluatedOn: isoDate,
    comments: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();
