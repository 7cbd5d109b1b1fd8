import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../http/list.ts';
import { trainingResults } from './rules/completion.ts';

export const trainingDomains = ['intellectual_property', 'cybersecurity', 'safety', 'other'] as const;
export const trainingAudiences = [
  'all_employees',
  'new_hires',
  'site_officers',
  'contractors',
  'selected',
] as const;

const hours = z
  .union([z.number(), z.string()])
  .transform((v) => String(v))
  .pipe(z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, 'Hours with at most two decimals'));

export const courseView = z.object({
  id: z.string().uuid(),
  code: z.string(),
  title: z.string(),
  titleZh: z.string().nullable(),
  domain: z.enum(trainingDomains),
  audience: z.enum(trainingAudiences),
  recurrenceMonths: z.number().int().nullable(),
  hours: z.string(),
  siteId: z.string().uuid().nullable(),
  siteCode: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export const courseInput = z
  .object({
    code: z
      .string()
      .trim()
      .min(2)
      .max(32)
      .regex(/^[A-Z0-9][A-Z0-9_-]*$/, 'Use capital letters, digits, - and _'),
    title: z.string().trim().min(2).max(200),
    titleZh: z.string().trim().max(200).nullable().optional(),
    domain: z.enum(trainingDomains),
    audience: z.enum(trainingAudiences),
    recurrenceMonths: z.number().int().min(1).max(120).nullable().optional(),
    hours,
    siteId: z.string().uuid().nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict();
export const coursePatch = courseInput.omit({ siteId: true }).partial().extend(versioned.shape).strict();
export const courseListQuery = listQuery(['code', 'title', 'domain']).extend({
  domain: z.enum(trainingDomains).optional(),
  active: z.enum(['true', 'false']).optional(),
});
export const coursePage = pageOf(courseView);

export const completionView = z.object({
  id: z.number().int(),
  courseId: z.string().uuid(),
  courseCode: z.string(),
  personType: z.enum(['employee', 'contractor_worker', 'external']),
  personId: z.string().uuid(),
  personName: z.string().nullable(),
  personNo: z.string().nullable(),
  siteCode: z.string().nullable(),
  completedOn: z.string(),
  hours: z.string(),
  result: z.enum(trainingResults),
});
export const completionInput = z
  .object({
    courseId: z.string().uuid(),
    personType: z.enum(['employee', 'contractor_worker']),
    personId: z.string().uuid(),
    completedOn: isoDate,
    hours: hours.optional(),
    result: z.enum(trainingResults).default('passed'),
  })
  .strict();
export const completionListQuery = listQuery(['completedOn']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  courseId: z.string().uuid().optional(),
  siteId: z.string().uuid().optional(),
  personId: z.string().uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export const completionPage = pageOf(completionView);

export const yearlyFiguresQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100),
  siteId: z.string().uuid().optional(),
});
export const yearlyFigures = z.object({
  year: z.number().int(),
  domains: z.array(
    z.object({
      domain: z.enum(trainingDomains),
      individuals: z.number().int(),
      hours: z.string(),
      completions: z.number().int(),
    }),
  ),
  total: z.object({ individuals: z.number().int(), hours: z.string(), completions: z.number().int() }),
});

export const campaignProgress = z.object({
  course: courseView,
  sites: z.array(
    z.object({
      siteId: z.string().uuid(),
      siteCode: z.string(),
      people: z.number().int(),
      done: z.number().int(),
      percent: z.number().int(),
    }),
  ),
  total: z.object({ people: z.number().int(), done: z.number().int(), percent: z.number().int() }),
});

export const dueStates = ['overdue', 'not_taken', 'due_soon', 'done'] as const;
/** One course a person owes, with when it is due. */
export const trainingDueItem = z.object({
  courseId: z.string().uuid(),
  code: z.string(),
  title: z.string(),
  titleZh: z.string().nullable(),
  domain: z.enum(trainingDomains),
  hours: z.string(),
  recurrenceMonths: z.number().int().nullable(),
  lastCompletedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  state: z.enum(dueStates),
});
/** A person's training: the courses that concern them (none when the account belongs to no person). */
export const trainingDueView = z.object({
  person: z
    .object({
      kind: z.enum(['employee', 'contractor_worker']),
      id: z.string().uuid(),
      fullName: z.string(),
    })
    .nullable(),
  items: z.array(trainingDueItem),
  counts: z.object({
    overdue: z.number().int(),
    notTaken: z.number().int(),
    dueSoon: z.number().int(),
    done: z.number().int(),
  }),
});
export type TrainingDueView = z.infer<typeof trainingDueView>;
