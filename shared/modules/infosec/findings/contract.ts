import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../../../platform/http/list.ts';
import { ageBands, severities } from './severity.ts';

/** The zod contracts of engagements (audits, scans, tests, OT assessments) and their findings. */

const text = (max: number) => z.string().trim().min(1).max(max);

// ---- Engagements

export const engagementKinds = ['audit', 'vulnerability_scan', 'penetration_test', 'ot_assessment'] as const;

const engagementFields = {
  reference: text(40),
  kind: z.enum(engagementKinds),
  vendor: z.string().trim().max(200).nullable().optional(),
  /** What was examined (a network range, an application, a production line): a rescan of it closes what it no longer finds. */
  scope: text(500),
  startsOn: isoDate,
  endsOn: isoDate.nullable().optional(),
  /** Where the report is kept (a document number or link). */
  report: z.string().trim().max(500).nullable().optional(),
};

export const engagementInput = z.object({ siteId: z.string().uuid(), ...engagementFields }).strict();
export const engagementPatch = z
  .object({
    ...engagementFields,
    reference: engagementFields.reference.optional(),
    kind: engagementFields.kind.optional(),
    scope: engagementFields.scope.optional(),
    startsOn: engagementFields.startsOn.optional(),
  })
  .extend(versioned.shape)
  .strict();

export const engagementView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  reference: z.string(),
  kind: z.enum(engagementKinds),
  vendor: z.string().nullable(),
  scope: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  report: z.string().nullable(),
  openFindings: z.number().int(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type EngagementView = z.infer<typeof engagementView>;

export const engagementListQuery = listQuery(['startsOn', 'reference', 'updatedAt'] as const).extend({
  siteId: z.string().uuid().optional(),
  kind: z.enum(engagementKinds).optional(),
});
export const engagementPage = pageOf(engagementView);

// ---- Findings

export const findingStatuses = ['open', 'accepted', 'closed'] as const;
export const severitySources = ['cvss', 'security_severity', 'level', 'tool'] as const;
export const closedReasons = ['not_reported', 'verified'] as const;

export const findingView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  engagementId: z.string().uuid(),
  engagementReference: z.string(),
  systemId: z.string().uuid().nullable(),
  systemName: z.string().nullable(),
  tool: z.string(),
  ruleId: z.string().nullable(),
  identity: z.string(),
  title: z.string(),
  location: z.string().nullable(),
  cvssVector: z.string().nullable(),
  cvssScore: z.number().nullable(),
  severity: z.enum(severities),
  severitySource: z.enum(severitySources),
  status: z.enum(findingStatuses),
  openedOn: z.string(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  closedReason: z.enum(closedReasons).nullable(),
  reopenedCount: z.number().int(),
  acceptedBy: z.string().uuid().nullable(),
  acceptedByName: z.string().nullable(),
  acceptedUntil: z.string().nullable(),
  acceptanceReason: z.string().nullable(),
  version: z.number().int(),
});
export type FindingView = z.infer<typeof findingView>;

export const findingListQuery = listQuery([
  'severity',
  'dueOn',
  'openedOn',
  'lastSeenAt',
  'title',
] as const).extend({
  siteId: z.string().uuid().optional(),
  engagementId: z.string().uuid().optional(),
  systemId: z.string().uuid().optional(),
  severity: z.enum(severities).optional(),
  status: z.enum(findingStatuses).optional(),
  tool: z.string().trim().max(200).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export const findingPage = pageOf(findingView);

export const findingPatch = z
  .object({ systemId: z.string().uuid().nullable().optional() })
  .extend(versioned.shape)
  .strict();

/** Accepting the risk of a finding: who approved it, until when, and why (as the approver wrote it). */
export const acceptanceInput = z
  .object({ approverId: z.string().uuid(), expiresOn: isoDate, reason: text(2000) })
  .extend(versioned.shape)
  .strict();

/** A retest that found the finding fixed: closes it, with the evidence as typed. */
export const verificationInput = z
  .object({ evidence: text(2000) })
  .extend(versioned.shape)
  .strict();

// ---- Due-date policy (a group setting)

const days = z.number().int().min(1).max(3650);
export const duePolicyInput = z.object({ critical: days, high: days, medium: days, low: days }).strict();

// ---- Views

/** Open findings counted by site, severity and age band. */
export const openAgeingView = z.object({
  rows: z.array(
    z.object({
      siteId: z.string().uuid(),
      siteCode: z.string(),
      severity: z.enum(severities),
      counts: z.record(z.enum(ageBands), z.number().int()),
      overdue: z.number().int(),
    }),
  ),
});
export const openAgeingQuery = z.object({ siteId: z.string().uuid().optional() });

/** SLA compliance by the month findings fell due: the share closed by their due date (null without any). */
export const slaView = z.object({
  months: z.array(
    z.object({
      month: z.string(),
      met: z.number().int(),
      breached: z.number().int(),
      compliance: z.number().nullable(),
    }),
  ),
});

/** The SARIF upload: which engagement the scan belongs to. */
export const sarifUploadParams = z.object({ id: z.string().uuid() });
