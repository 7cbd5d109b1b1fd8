import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../../../platform/http/list.ts';
import { assessmentView, keepDropDecisions, recommendations } from '../reassessment/contract.ts';
import { offices, technologies } from '../rules/offices.ts';

/**
 * Contracts of the portfolio review campaigns: the IP office puts a selection of the live portfolio in front of
 * the sites' IP officers, each patent with its re-assessment as the campaign found it, and each site's officers
 * give a verdict (keep, drop, sell, license) by the campaign's due date. Sell and license verdicts are the
 * revitalisation candidates.
 */

/** Which patents a campaign reviews: live matters, granted only or pending too, narrowed by the filters. */
export const campaignSelection = z
  .object({
    office: z.enum(offices).nullable().default(null),
    technology: z.enum(technologies).nullable().default(null),
    subsidiaryId: z.string().uuid().nullable().default(null),
    grantedOnly: z.boolean().default(true),
  })
  .strict();

export const campaignInput = z
  .object({
    name: z.string().trim().min(1, 'Give the campaign a name').max(200),
    dueDate: isoDate,
    selection: campaignSelection.default({
      office: null,
      technology: null,
      subsidiaryId: null,
      grantedOnly: true,
    }),
  })
  .strict();

/** Verdicts tallied over the items the reader sees. */
export const campaignProgress = z.object({
  total: z.number().int(),
  reviewed: z.number().int(),
  keep: z.number().int(),
  drop: z.number().int(),
  sell: z.number().int(),
  license: z.number().int(),
});

export const campaignView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  dueDate: z.string(),
  selection: campaignSelection,
  subsidiaryName: z.string().nullable(),
  closedOn: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdOn: z.string(),
  progress: campaignProgress,
  version: z.number().int(),
});
export type CampaignView = z.infer<typeof campaignView>;

export const campaignListQuery = listQuery(['dueDate', 'name', 'createdOn']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  state: z.enum(['open', 'closed']).optional(),
});
export const campaignPage = pageOf(campaignView);

export const reviewStates = ['pending', 'reviewed', 'revitalise'] as const;
export const reviewItem = z.object({
  id: z.string().uuid(),
  campaignId: z.string().uuid(),
  matterId: z.string().uuid(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  familyReference: z.string(),
  familyTitle: z.string(),
  technology: z.enum(technologies),
  office: z.enum(offices),
  applicationNo: z.string(),
  patentNo: z.string().nullable(),
  /** The re-assessment when the campaign was launched: what the reviewers were asked to judge. */
  assessment: assessmentView,
  score: z.number(),
  recommendation: z.enum(recommendations),
  verdict: z.enum(keepDropDecisions).nullable(),
  note: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  version: z.number().int(),
});
export type ReviewItem = z.infer<typeof reviewItem>;

export const reviewItemQuery = listQuery(['score', 'office', 'family', 'reviewedOn']).extend({
  campaignId: z.string().uuid().optional(),
  /** A matter's items across the campaigns that reviewed it. */
  matterId: z.string().uuid().optional(),
  siteId: z.string().uuid().optional(),
  office: z.enum(offices).optional(),
  technology: z.enum(technologies).optional(),
  recommendation: z.enum(recommendations).optional(),
  /** Pending, reviewed, or reviewed to be sold or licensed (the revitalisation candidates). */
  state: z.enum(reviewStates).optional(),
  verdict: z.enum(keepDropDecisions).optional(),
});
export const reviewItemPage = pageOf(reviewItem);
export const campaignItemParams = z.object({ id: z.string().uuid(), itemId: z.string().uuid() });

export const reviewInput = z
  .object({
    verdict: z.enum(keepDropDecisions),
    /** Why: required for a verdict other than keep, which the Board and the next annuity's decider read. */
    note: z.string().trim().max(2000).default(''),
  })
  .extend(versioned.shape)
  .strict()
  .superRefine((v, ctx) => {
    if (v.verdict !== 'keep' && v.note === '')
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say why: the next decider reads it' });
  });

export const campaignClose = versioned.strict();
