import { z } from 'zod';
import { isoDate, listQuery, pageOf } from '../../../platform/http/list.ts';

/** The zod contracts of social-engineering email drills (phishing simulation campaigns). */

const uuid = z.string().uuid();

/** The furthest step a recipient reached, in order. */
export const phishingSteps = ['sent', 'opened', 'clicked', 'submitted'] as const;
export type PhishingStep = (typeof phishingSteps)[number];

/**
 * A phishing-simulation tool's status, as its results export writes it (GoPhish: "Email Sent", "Email
 * Opened", "Clicked Link", "Submitted Data"), or the step's own name; null for any other (scheduled, error).
 */
export function phishingStepOf(status: string): PhishingStep | null {
  const s = status.trim().toLowerCase().replace(/\s+/g, ' ');
  const known: Record<string, PhishingStep> = {
    'email sent': 'sent',
    sent: 'sent',
    'email opened': 'opened',
    opened: 'opened',
    'clicked link': 'clicked',
    clicked: 'clicked',
    'submitted data': 'submitted',
    submitted: 'submitted',
  };
  return known[s] ?? null;
}

/** Counts of a group of recipients, and the shares (per cent, one decimal) that reached each step or reported. */
export const phishingRates = z.object({
  targets: z.number().int(),
  opened: z.number().int(),
  clicked: z.number().int(),
  submitted: z.number().int(),
  reported: z.number().int(),
  openedRate: z.number().nullable(),
  clickedRate: z.number().nullable(),
  submittedRate: z.number().nullable(),
  reportedRate: z.number().nullable(),
});
export type PhishingRates = z.infer<typeof phishingRates>;

export const phishingCampaignInput = z
  .object({
    siteId: uuid,
    name: z.string().trim().min(1).max(200),
    sentOn: isoDate,
    /** The platform training course assigned to repeat clickers. */
    courseId: uuid,
    trainingDueDays: z.number().int().min(1).max(365).default(30),
  })
  .strict();

export const phishingCampaignView = z.object({
  id: uuid,
  siteId: uuid,
  siteCode: z.string(),
  name: z.string(),
  sentOn: z.string(),
  courseId: uuid.nullable(),
  trainingDueDays: z.number().int(),
  resultsImportedAt: z.string().nullable(),
  /** This user's next results import goes to this campaign. */
  importOpen: z.boolean(),
  rates: phishingRates,
  version: z.number().int(),
});
export type PhishingCampaignView = z.infer<typeof phishingCampaignView>;

export const phishingCampaignDetail = phishingCampaignView.extend({
  byDepartment: z.array(phishingRates.extend({ department: z.string() })),
  repeatClickers: z.array(
    z.object({
      employeeId: uuid,
      name: z.string(),
      department: z.string(),
      step: z.enum(phishingSteps),
      earlierCampaigns: z.number().int(),
      trainingDueOn: z.string().nullable(),
    }),
  ),
});

export const phishingCampaignListQuery = listQuery(['sentOn', 'name', 'clickedRate'] as const).extend({
  siteId: uuid.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
export const phishingCampaignPage = pageOf(phishingCampaignView);

export const phishingRatesQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100),
  siteId: uuid.optional(),
});
export const phishingSiteRates = z.object({
  year: z.number().int(),
  sites: z.array(phishingRates.extend({ siteId: uuid, siteCode: z.string() })),
  total: phishingRates,
});

/** A share in per cent with one decimal; null of nobody. */
export function percent(n: number, of: number): number | null {
  return of === 0 ? null : Math.round((1000 * n) / of) / 10;
}

export function ratesOf(c: {
  targets: number;
  opened: number;
  clicked: number;
  submitted: number;
  reported: number;
}) {
  return {
    ...c,
    openedRate: percent(c.opened, c.targets),
    clickedRate: percent(c.clicked, c.targets),
    submittedRate: percent(c.submitted, c.targets),
    reportedRate: percent(c.reported, c.targets),
  };
}
