import { z } from 'zod';
import { isoDate, listQuery, pageOf } from '../../../platform/http/list.ts';
import { inventorInput, inventorView, kind, office, technology } from '../contract.ts';
import { secretCategories } from '../rules/secrets.ts';
import { decisions, disclosureStatuses, rewardEvents } from './rules.ts';

/** Contracts of invention disclosures: filing one, the committee's decision, filing the patent, rewards. */

const text = (max: number) => z.string().trim().min(1).max(max);
const appNumber = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9./\- ]+$/, 'Letters, digits, spaces and . / - only');
/** Whole NT dollars, as text to stay exact. */
const ntd = z
  .string()
  .trim()
  .regex(/^\d{1,12}$/, 'Whole NT dollars');

export const disclosureStatus = z.enum(disclosureStatuses);
export const decision = z.enum(decisions);

export const disclosureInput = z
  .object({
    siteId: z.string().uuid(),
    title: text(300),
    description: text(10_000),
    inventors: z.array(inventorInput).min(1).max(30),
    researchProjectId: z.string().uuid().nullable().optional(),
    /** The joint-development partner, if the invention was made with one. */
    partnerName: text(200).nullable().optional(),
  })
  .strict();

export const decisionInput = z
  .object({
    decision,
    reason: text(2000),
    /** For "file": where and which kind. */
    office: office.optional(),
    kind: kind.optional(),
    /** For "trade_secret": the register's category. */
    secretCategory: z.enum(secretCategories).optional(),
    version: z.number().int(),
  })
  .strict();

export const filingInput = z
  .object({
    familyReference: appNumber,
    technology,
    green: z.boolean().default(false),
    applicationNo: appNumber,
    filingDate: isoDate,
    version: z.number().int(),
  })
  .strict();

export const rewardView = z.object({
  id: z.string().uuid(),
  employeeId: z.string().uuid(),
  name: z.string(),
  event: z.enum(rewardEvents),
  share: z.number().int(),
  amount: z.string(),
  paidOn: z.string().nullable(),
  version: z.number().int(),
});
export const rewardPayment = z.object({ paidOn: isoDate, version: z.number().int() }).strict();

export const disclosureView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  reference: z.string(),
  title: z.string(),
  submittedBy: z.string().uuid(),
  submittedByName: z.string().nullable(),
  submittedAt: z.string(),
  inventors: z.array(inventorView),
  researchProjectId: z.string().uuid().nullable(),
  researchProjectTitle: z.string().nullable(),
  partnerName: z.string().nullable(),
  status: disclosureStatus,
  decision: decision.nullable(),
  decisionOffice: office.nullable(),
  decisionKind: kind.nullable(),
  decidedAt: z.string().nullable(),
  familyId: z.string().uuid().nullable(),
  familyReference: z.string().nullable(),
  version: z.number().int(),
});
export type DisclosureView = z.infer<typeof disclosureView>;
export const disclosureDetail = disclosureView.extend({
  description: z.string(),
  decisionReason: z.string().nullable(),
  decidedByName: z.string().nullable(),
  tradeSecretId: z.string().uuid().nullable(),
  rewards: z.array(rewardView),
  /** The family has a granted patent and the grant rewards are not yet recorded. */
  grantRewardsDue: z.boolean(),
});
export type DisclosureDetail = z.infer<typeof disclosureDetail>;

export const disclosureListQuery = listQuery(['submittedAt', 'reference', 'title', 'status']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  siteId: z.string().uuid().optional(),
  status: disclosureStatus.optional(),
  /** Only those the caller submitted or is an inventor of. */
  mine: z.enum(['true', 'false']).optional(),
  researchProjectId: z.string().uuid().optional(),
});
export const disclosurePage = pageOf(disclosureView);

/** The company's reward schedule: NT$ per invention, on filing and on grant, split by the inventors' shares. */
export const rewardSchedule = z.object({ filing: ntd, grant: ntd }).strict();
export type RewardSchedule = z.infer<typeof rewardSchedule>;
export const rewardScheduleInput = rewardSchedule.extend({}).strict();

/** A research project a disclosure may name, as the form offers it. */
export const researchProjectChoice = z.object({
  id: z.string().uuid(),
  title: z.string(),
  partnerName: z.string(),
});
export const researchProjectChoices = z.object({ items: z.array(researchProjectChoice) });
export const researchProjectChoiceQuery = z.object({ q: z.string().trim().max(100).optional() }).strict();

/** The disclosures that came out of a research project, as its page lists them. */
export const projectDisclosures = z.object({
  items: z.array(
    z.object({
      id: z.string().uuid(),
      reference: z.string(),
      title: z.string(),
      status: disclosureStatus,
      submittedAt: z.string(),
      familyReference: z.string().nullable(),
    }),
  ),
});
