import { z } from 'zod';
import { isoDate } from '../../platform/http/list.ts';

/** Evaluations of an internship, by the company mentor and by the student: shared by the server and the web app. */

export const evaluators = ['mentor', 'student'] as const;

export const internEvaluationView = z.object({
  id: z.string().uuid(),
  internId: z.string().uuid(),
  evaluator: z.enum(evaluators),
  rating: z.number().int(),
  evaluatedOn: z.string(),
  /** Null once the retention job erased the intern's personal data. */
  comments: z.string().nullable(),
  version: z.number().int(),
});
export const internEvaluationInput = z
  .object({
    evaluator: z.enum(evaluators),
    rating: z.number().int('A whole number from 1 to 5').min(1, 'From 1 to 5').max(5, 'From 1 to 5'),
    evaluatedOn: isoDate,
    comments: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();
export const internEvaluationList = z.object({ items: z.array(internEvaluationView) });
