import { z } from 'zod';
import { isoDate } from '../../platform/http/list.ts';
import {
  internOutcomes,
  internPrograms,
  outcomeView,
  plannedMilestoneView,
  projectLines,
  projectStatuses,
} from './contract.ts';
import { internEvaluationView } from './evaluation-contract.ts';

/**
 * Own sign-ins of people outside the company (the platform's external role): the program staff grant an
 * intern record to the student, who sees that internship and gives the student's evaluation of it, and a
 * research project to its principal investigator, who follows its milestones and results.
 */

const uuid = z.string().uuid();

/** The person who signs in to the record (the student, the principal investigator), or none. */
export const recordSignInView = z.object({
  holder: z.object({ userId: uuid, name: z.string(), email: z.string(), grantedAt: z.string() }).nullable(),
});
export const recordSignInInput = z.object({ userId: uuid.nullable() }).strict();

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

/** A research project as its principal investigator sees it: its plan and results, not the company's money. */
export const myProjectView = z.object({
  id: uuid,
  title: z.string(),
  siteCode: z.string(),
  partnerName: z.string(),
  partnerNameZh: z.string().nullable(),
  line: z.enum(projectLines),
  status: z.enum(projectStatuses),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  /** Each with how many files (deliverables) it holds; the investigator adds theirs until it is done. */
  milestones: z.array(plannedMilestoneView.omit({ version: true })),
  outcomes: z.array(outcomeView.omit({ version: true })),
});
export const myProjectList = z.object({ items: z.array(myProjectView) });
