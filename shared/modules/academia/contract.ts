import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../../platform/http/list.ts';
import { internshipCooperation } from './placement-contract.ts';

/** Contracts of the industry–academia program, shared by the server and the web app. */

const uuid = z.string().uuid();
const text = (max: number) => z.string().trim().min(1, 'Required').max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const currency = z.string().regex(/^[A-Z]{3}$/, 'A three-letter ISO 4217 code, e.g. TWD or USD');
/** Money in minor units (cents), below 10^13 so that sums stay exact. */
const minor = z.number().int().min(0).max(9_999_999_999_999);
const year = z.coerce.number().int().min(1990).max(2200);

export const countries = ['TW', 'CN', 'SG', 'MY', 'KR', 'JP', 'US', 'MX', 'OTHER'] as const;
export const agreementKinds = ['framework', 'mou', 'research_contract', 'internship', 'scholarship'] as const;
export const projectLines = ['packaging', 'automation', 'materials', 'other'] as const;
export const projectStatuses = ['proposal', 'active', 'completed', 'cancelled'] as const;
export const outcomeKinds = ['paper', 'patent', 'prototype', 'adoption'] as const;
export const internPrograms = [
  'onsite_internship',
  'cooperative_education',
  'nsysu_college',
  'career_development',
] as const;
export const internOutcomes = ['ongoing', 'completed', 'withdrawn'] as const;
/** The institutes of a college whose students study, then intern, as a cohort (the NSYSU college's two). */
export const collegeInstitutes = ['advanced_packaging_testing', 'precision_electronic_components'] as const;
export const paymentCategories = [
  'research',
  'scholarship',
  'college',
  'course',
  'internship',
  'other',
] as const;

// ---- partners
export const partnerView = z.object({
  id: uuid,
  name: z.string(),
  nameZh: z.string().nullable(),
  country: z.string(),
  kind: z.enum(['university', 'institute']),
  version: z.number().int(),
});
export const partnerInput = z
  .object({
    name: text(200),
    nameZh: optionalText(200),
    country: z.string().regex(/^[A-Z]{2}$/, 'A two-letter country code, e.g. TW'),
    kind: z.enum(['university', 'institute']),
  })
  .strict();
export const partnerPatch = versioned.extend(partnerInput.partial().shape).strict();
export const partnerListQuery = listQuery(['name', 'country']).extend({
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});
export const partnerPage = pageOf(partnerView);

// ---- agreements
export const agreementView = z.object({
  id: uuid,
  siteId: uuid,
  siteCode: z.string(),
  partnerId: uuid,
  partnerName: z.string(),
  /** The school's name in Chinese, where it has one. */
  partnerNameZh: z.string().nullable(),
  kind: z.enum(agreementKinds),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  renewalNoticeDays: z.number().int(),
  /** The day the renewal is due to be decided: the end less the notice. */
  renewalDue: z.string(),
  version: z.number().int(),
});
const agreementFields = z.object({
  siteId: uuid,
  partnerId: uuid,
  kind: z.enum(agreementKinds),
  title: text(300),
  startsOn: isoDate,
  endsOn: isoDate,
  renewalNoticeDays: z.number().int().min(0).max(730).optional(),
});
export const agreementInput = agreementFields.strict();
export const agreementPatch = versioned
  .extend(agreementFields.omit({ siteId: true }).partial().shape)
  .strict();
export const agreementListQuery = listQuery(['endsOn', 'title', 'startsOn']).extend({
  siteId: uuid.optional(),
  partnerId: uuid.optional(),
  kind: z.enum(agreementKinds).optional(),
});
export const agreementPage = pageOf(agreementView);

// ---- research projects
export const budgetLine = z
  .object({ year: z.number().int().min(1990).max(2200), budgetMinor: minor })
  .strict();
export const projectView = z.object({
  id: uuid,
  siteId: uuid,
  siteCode: z.string(),
  partnerId: uuid,
  partnerName: z.string(),
  /** The school's name in Chinese, where it has one. */
  partnerNameZh: z.string().nullable(),
  title: z.string(),
  line: z.enum(projectLines),
  principalInvestigator: z.string(),
  contactEmployeeId: uuid.nullable(),
  status: z.enum(projectStatuses),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  currency: z.string(),
  budgetMinor: z.number().int(),
  version: z.number().int(),
});
export const projectYear = z.object({
  year: z.number().int(),
  budgetMinor: z.number().int(),
  /** Paid in the year, in the project's currency at each payment's date; null when a rate is missing. */
  spentMinor: z.number().int().nullable(),
  missingRate: z.string().nullable(),
});
export const milestoneView = z.object({
  id: uuid,
  title: z.string(),
  dueDate: z.string(),
  doneOn: z.string().nullable(),
  version: z.number().int(),
});
/** The documents' owner type of a milestone: its deliverables are the files attached to it. */
export const MILESTONE_DOCUMENTS = 'academia_milestone';
/** A milestone on its project's page, with how many files (deliverables) it holds. */
export const plannedMilestoneView = milestoneView.extend({ deliverables: z.number().int() });
export const outcomeView = z.object({
  id: uuid,
  kind: z.enum(outcomeKinds),
  title: z.string(),
  occurredOn: z.string(),
  ipReference: z.string().nullable(),
  version: z.number().int(),
});
export const paymentView = z.object({
  id: uuid,
  siteId: uuid,
  siteCode: z.string(),
  partnerId: uuid,
  partnerName: z.string(),
  /** The school's name in Chinese, where it has one. */
  partnerNameZh: z.string().nullable(),
  category: z.enum(paymentCategories),
  projectId: uuid.nullable(),
  scholarshipId: uuid.nullable(),
  paidOn: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export const projectDetail = projectView.extend({
  contactName: z.string().nullable(),
  years: z.array(projectYear),
  milestones: z.array(plannedMilestoneView),
  outcomes: z.array(outcomeView),
  payments: z.array(paymentView),
  /** Whether the reader manages research projects at the project's site (edits, milestones, payments, files). */
  canManage: z.boolean(),
});
const projectFields = z.object({
  siteId: uuid,
  partnerId: uuid,
  title: text(300),
  line: z.enum(projectLines),
  principalInvestigator: text(200),
  contactEmployeeId: uuid.nullable().optional(),
  status: z.enum(projectStatuses).optional(),
  startsOn: isoDate,
  endsOn: isoDate.nullable().optional(),
  currency,
  /** The budget by year, replacing the project's lines when given. */
  budget: z.array(budgetLine).max(30).optional(),
});
export const projectInput = projectFields.strict();
export const projectPatch = versioned.extend(projectFields.omit({ siteId: true }).partial().shape).strict();
export const projectListQuery = listQuery(['startsOn', 'title', 'status', 'endsOn']).extend({
  siteId: uuid.optional(),
  partnerId: uuid.optional(),
  line: z.enum(projectLines).optional(),
  status: z.enum(projectStatuses).optional(),
  /** Projects active in the year. */
  year: year.optional(),
});
export const projectPage = pageOf(projectView);

export const milestoneInput = z.object({ title: text(300), dueDate: isoDate }).strict();
export const milestonePatch = versioned
  .extend({
    title: text(300).optional(),
    dueDate: isoDate.optional(),
    doneOn: isoDate.nullable().optional(),
  })
  .strict();
export const outcomeInput = z
  .object({
    kind: z.enum(outcomeKinds),
    title: text(300),
    occurredOn: isoDate,
    ipReference: optionalText(100),
  })
  .strict();

// ---- payments and exchange rates
export const paymentInput = z
  .object({
    siteId: uuid,
    partnerId: uuid,
    category: z.enum(paymentCategories),
    projectId: uuid.nullable().optional(),
    scholarshipId: uuid.nullable().optional(),
    paidOn: isoDate,
    amountMinor: minor.min(1, 'More than zero'),
    currency,
    note: optionalText(500),
  })
  .strict();
/** A correction of a payment's day, amount, currency or note; its site, school, category and project stay. */
export const paymentPatch = versioned
  .extend({
    paidOn: isoDate.optional(),
    amountMinor: minor.min(1, 'More than zero').optional(),
    currency: currency.optional(),
    note: optionalText(500),
  })
  .strict();
export const paymentListQuery = listQuery(['paidOn', 'amountMinor']).extend({
  siteId: uuid.optional(),
  partnerId: uuid.optional(),
  category: z.enum(paymentCategories).optional(),
  year: year.optional(),
});
export const paymentPage = pageOf(paymentView);

export const rateView = z.object({
  id: uuid,
  currency: z.string(),
  validFrom: z.string(),
  perUsd: z.string(),
  version: z.number().int(),
});
export const rateInput = z
  .object({
    currency: currency.refine((c) => c !== 'USD', 'US dollars need no rate'),
    validFrom: isoDate,
    perUsd: z.string().regex(/^\d{1,12}(\.\d{1,6})?$/, 'A positive number with at most six decimals'),
  })
  .strict();
export const rateList = z.object({ items: z.array(rateView) });

// ---- interns and scholarships
export const internView = z.object({
  id: uuid,
  siteId: uuid,
  siteCode: z.string(),
  partnerId: uuid,
  partnerName: z.string(),
  /** The school's name in Chinese, where it has one. */
  partnerNameZh: z.string().nullable(),
  /** Null once anonymised. */
  fullName: z.string().nullable(),
  email: z.string().nullable(),
  /** Personal data, as the name: for recognising the intern among employee records later. */
  dateOfBirth: z.string().nullable(),
  program: z.enum(internPrograms),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  hours: z.number().int(),
  outcome: z.enum(internOutcomes),
  hiredEmployeeId: uuid.nullable(),
  hiredOn: z.string().nullable(),
  /** The day the retention schedule erased the name and contact details (null: still held). */
  anonymisedOn: z.string().nullable(),
  /** A college cohort's institute; null for other interns. */
  institute: z.enum(collegeInstitutes).nullable(),
  /** The company sponsors the student's studies. */
  sponsored: z.boolean(),
  /** The period of study before the internship (a study-then-internship cohort); the cohort is its year. */
  studyStartedOn: z.string().nullable(),
  studyEndedOn: z.string().nullable(),
  version: z.number().int(),
});
const internFields = z.object({
  siteId: uuid,
  partnerId: uuid,
  fullName: text(200),
  email: z.string().trim().email('An e-mail address').max(200).nullable().optional(),
  dateOfBirth: isoDate.nullable().optional(),
  program: z.enum(internPrograms),
  startedOn: isoDate,
  endedOn: isoDate.nullable().optional(),
  hours: z.number().int().min(0).max(10_000).optional(),
  outcome: z.enum(internOutcomes).optional(),
  institute: z.enum(collegeInstitutes).nullable().optional(),
  sponsored: z.boolean().optional(),
  studyStartedOn: isoDate.nullable().optional(),
  studyEndedOn: isoDate.nullable().optional(),
});
export const internInput = internFields.strict();
export const internPatch = versioned
  .extend({
    ...internFields.omit({ siteId: true }).partial().shape,
    /** The employee record the intern became, and the day hired; both null to undo the link. */
    hiredEmployeeId: uuid.nullable().optional(),
    hiredOn: isoDate.nullable().optional(),
  })
  .strict();
export const internListQuery = listQuery(['startedOn', 'fullName', 'endedOn']).extend({
  siteId: uuid.optional(),
  partnerId: uuid.optional(),
  program: z.enum(internPrograms).optional(),
  outcome: z.enum(internOutcomes).optional(),
  hired: z.enum(['true', 'false']).optional(),
  /** Interns who started in the year. */
  year: year.optional(),
  /** The students of a cohort: their study began in the year. */
  cohort: year.optional(),
  institute: z.enum(collegeInstitutes).optional(),
  sponsored: z.enum(['true', 'false']).optional(),
});
export const internPage = pageOf(internView);

// ---- a year's study-then-internship cohorts
export const cohortQuery = z.object({ year });
const cohortCounts = z.object({
  students: z.number().int(),
  /** Of them, students whose studies the company sponsors. */
  sponsored: z.number().int(),
});
export const cohortFigures = cohortCounts.extend({
  year: z.number().int(),
  /** By program and institute (null: students of the program without one). */
  byInstitute: z.array(
    cohortCounts.extend({ program: z.enum(internPrograms), institute: z.enum(collegeInstitutes).nullable() }),
  ),
});

export const scholarshipView = z.object({
  id: uuid,
  siteId: uuid,
  siteCode: z.string(),
  partnerId: uuid,
  partnerName: z.string(),
  /** The school's name in Chinese, where it has one. */
  partnerNameZh: z.string().nullable(),
  /** Null once the retention schedule erased it (`anonymisedOn`). */
  recipientName: z.string().nullable(),
  anonymisedOn: z.string().nullable(),
  program: z.string(),
  awardedOn: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  condition: z.string().nullable(),
  version: z.number().int(),
});
export const scholarshipInput = z
  .object({
    siteId: uuid,
    partnerId: uuid,
    recipientName: text(200),
    program: text(200),
    awardedOn: isoDate,
    amountMinor: minor.min(1, 'More than zero'),
    currency,
    condition: optionalText(1000),
  })
  .strict();
export const scholarshipPatch = versioned
  .extend(scholarshipInput.omit({ siteId: true }).partial().shape)
  .strict();
export const scholarshipListQuery = listQuery(['awardedOn', 'recipientName']).extend({
  siteId: uuid.optional(),
  partnerId: uuid.optional(),
  year: year.optional(),
});
export const scholarshipPage = pageOf(scholarshipView);

// ---- the year's contribution
export const contributionQuery = z.object({ year });
const usd = z.number().int();
export const contributionView = z.object({
  year: z.number().int(),
  /** Every payment of the year at the rate of its date, in US cents. */
  totalUsdCents: usd,
  byCategory: z.array(
    z.object({ category: z.enum(paymentCategories), usdCents: usd, payments: z.number().int() }),
  ),
  byCountry: z.array(z.object({ country: z.string(), usdCents: usd, partners: z.number().int() })),
  byPartner: z.array(
    z.object({
      partnerId: uuid,
      name: z.string(),
      nameZh: z.string().nullable(),
      country: z.string(),
      usdCents: usd,
    }),
  ),
  /** Research projects active in the year (started by its end, not ended before its start, not cancelled). */
  researchCollaborations: z.number().int(),
  researchUsdCents: usd,
  scholarshipsUsdCents: usd,
  /** Interns who started in the year, at every subsidiary. */
  internsRecruited: z.number().int(),
  internsBySubsidiary: z.array(z.object({ subsidiaryCode: z.string(), interns: z.number().int() })),
  /** Schools and institutes involved in the year: paid, in an active project, sending an intern or placing students. */
  partnersInvolved: z.number().int(),
  countries: z.array(z.string()),
  conversion: z.object({
    completed: z.number().int(),
    hired: z.number().int(),
    ratePercent: z.string().nullable(),
  }),
  /** Students placed under internship cooperation in terms starting in the year (not among the interns). */
  internshipCooperation,
});
