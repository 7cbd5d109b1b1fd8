import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../../../platform/http/list.ts';

/**
 * The zod contracts of information security policies: the register, each policy's versions, acknowledgement
 * campaigns of a version with their progress per site, and the employee's own campaigns to acknowledge.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const uuid = z.string().uuid();

export const policyStatuses = ['draft', 'active', 'retired'] as const;

const policyFields = {
  /** The policy's reference, unique in the group (ISP-01). */
  code: text(40),
  title: text(300),
  ownerId: uuid.nullable().optional(),
  status: z.enum(policyStatuses).optional(),
};

/** A group-wide policy has no site; a site's own policy names it. */
export const policyInput = z.object({ siteId: uuid.nullable().optional(), ...policyFields }).strict();

export const policyPatch = z
  .object({ ...policyFields, code: policyFields.code.optional(), title: policyFields.title.optional() })
  .extend(versioned.shape)
  .strict();

export const policyVersionInput = z
  .object({
    /** The version's label as the policy names it (3.1). */
    label: text(20),
    effectiveOn: isoDate,
    summary: z.string().trim().max(4000).nullable().optional(),
    approvedBy: uuid.nullable().optional(),
    approvedOn: isoDate.nullable().optional(),
  })
  .strict();

/** A change of a version that no campaign has asked anyone to acknowledge yet. */
export const policyVersionPatch = policyVersionInput.partial().extend(versioned.shape).strict();

export const policyVersionView = z.object({
  id: uuid,
  policyId: uuid,
  label: z.string(),
  effectiveOn: z.string(),
  summary: z.string().nullable(),
  approvedBy: uuid.nullable(),
  approvedByName: z.string().nullable(),
  approvedOn: z.string().nullable(),
  /** The version in force today: the latest effective on or before today. */
  current: z.boolean(),
  documents: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type PolicyVersionView = z.infer<typeof policyVersionView>;

/** A site's figures of a campaign; `rate` is null when nobody at the site was asked. */
export const siteProgress = z.object({
  siteId: uuid,
  siteCode: z.string(),
  asked: z.number().int(),
  acknowledged: z.number().int(),
  rate: z.number().nullable(),
});

export const campaignSummary = z.object({
  id: uuid,
  policyId: uuid,
  policyVersionId: uuid,
  versionLabel: z.string(),
  groupWide: z.boolean(),
  siteCodes: z.array(z.string()),
  openedOn: z.string(),
  dueOn: z.string(),
  /** The figures over the sites the reader sees. */
  total: siteProgress.omit({ siteId: true, siteCode: true }),
  version: z.number().int(),
});
export type CampaignSummary = z.infer<typeof campaignSummary>;

export const policyView = z.object({
  id: uuid,
  siteId: uuid.nullable(),
  siteCode: z.string().nullable(),
  code: z.string(),
  title: z.string(),
  ownerId: uuid.nullable(),
  ownerName: z.string().nullable(),
  status: z.enum(policyStatuses),
  currentVersion: z.string().nullable(),
  currentEffectiveOn: z.string().nullable(),
  versions: z.number().int(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type PolicyView = z.infer<typeof policyView>;

export const policyDetail = policyView.extend({
  versionList: z.array(policyVersionView),
  campaigns: z.array(campaignSummary),
});
export type PolicyDetail = z.infer<typeof policyDetail>;

export const policyPage = pageOf(policyView);

export const policyListQuery = listQuery(['code', 'title', 'status', 'updatedAt'] as const).extend({
  siteId: uuid.optional(),
  groupWide: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  status: z.enum(policyStatuses).optional(),
  q: z.string().trim().max(200).optional(),
});

/** A campaign over some sites of the policy's scope; none named: every site (a group-wide policy's campaign). */
export const campaignInput = z
  .object({
    siteIds: z.array(uuid).max(200).optional(),
    openedOn: isoDate,
    dueOn: isoDate,
  })
  .strict()
  .refine((c) => c.dueOn >= c.openedOn, { message: 'The due date follows the opening', path: ['dueOn'] });

export const overduePerson = z.object({
  userId: uuid,
  employeeId: uuid,
  fullName: z.string(),
  siteCode: z.string(),
});

export const campaignView = campaignSummary.extend({
  policyCode: z.string(),
  policyTitle: z.string(),
  sites: z.array(siteProgress),
  /** After the due date: the people of the reader's sites asked and not yet acknowledged. */
  overdue: z.array(overduePerson),
});
export type CampaignView = z.infer<typeof campaignView>;

/** A campaign that asks the signed-in user. */
export const myCampaign = z.object({
  id: uuid,
  policyCode: z.string(),
  policyTitle: z.string(),
  versionLabel: z.string(),
  policyVersionId: uuid,
  effectiveOn: z.string(),
  openedOn: z.string(),
  dueOn: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export type MyCampaign = z.infer<typeof myCampaign>;
export const myCampaigns = z.object({ items: z.array(myCampaign) });
