import { z } from 'zod';
import { listQuery, pageOf, versioned } from '../../../platform/http/list.ts';

/** The zod contracts of cybersecurity advisories, shared by the server and the web app. */

/** Who shared the advisory: TWCERT/CC, FIRST, a vendor, or another partner. */
export const advisorySources = ['twcert', 'first', 'vendor', 'other'] as const;
export const advisorySeverities = ['low', 'medium', 'high', 'critical'] as const;
/** TLP 2.0 levels (TLP 1.0 WHITE is read as CLEAR). */
export const tlpLevels = ['clear', 'green', 'amber', 'amber_strict', 'red'] as const;
/** The levels that stay with the advisory's named recipients. */
export const restrictedTlp: readonly Tlp[] = ['amber', 'amber_strict', 'red'];
/** A site's answer to an advisory routed to it; `open` until it answers. */
export const responseStatuses = ['open', 'not_affected', 'patched', 'mitigated', 'accepted'] as const;

export type Tlp = (typeof tlpLevels)[number];
export type AdvisorySeverity = (typeof advisorySeverities)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

export const siteResponseView = z.object({
  siteId: z.string().uuid(),
  siteCode: z.string(),
  status: z.enum(responseStatuses),
  dueOn: z.string(),
  overdue: z.boolean(),
  note: z.string().nullable(),
  respondedAt: z.string().nullable(),
  respondedByName: z.string().nullable(),
  /** The registered systems at the site that matched the advisory's software. */
  systems: z.array(z.object({ id: z.string().uuid(), name: z.string(), softwareName: z.string() })),
  version: z.number().int(),
});
export type SiteResponseView = z.infer<typeof siteResponseView>;

export const advisoryView = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  title: z.string(),
  source: z.enum(advisorySources),
  severity: z.enum(advisorySeverities),
  tlp: z.enum(tlpLevels),
  bundleId: z.string().nullable(),
  publishedAt: z.string().nullable(),
  routedAt: z.string(),
  siteCount: z.number().int(),
  openCount: z.number().int(),
  nextDueOn: z.string().nullable(),
  objectCount: z.number().int(),
});
export type AdvisoryView = z.infer<typeof advisoryView>;

export const stixObjectView = z.object({
  stixId: z.string(),
  type: z.string(),
  name: z.string().nullable(),
  externalId: z.string().nullable(),
  detail: z.string().nullable(),
});

export const advisoryDetail = advisoryView.extend({
  summary: z.string().nullable(),
  recipients: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
  objects: z.array(stixObjectView),
  relationships: z.array(z.object({ sourceRef: z.string(), type: z.string(), targetRef: z.string() })),
  sites: z.array(siteResponseView),
});
export type AdvisoryDetail = z.infer<typeof advisoryDetail>;

export const advisoryListQuery = listQuery([
  'routedAt',
  'reference',
  'severity',
  'nextDueOn',
] as const).extend({
  siteId: z.string().uuid().optional(),
  severity: z.enum(advisorySeverities).optional(),
  tlp: z.enum(tlpLevels).optional(),
  source: z.enum(advisorySources).optional(),
  /** Advisories with a site still to answer. */
  open: z.enum(['true', 'false']).optional(),
});
export const advisoryPage = pageOf(advisoryView);

const recipientIds = z.array(z.string().uuid()).max(200).default([]);

/** A STIX 2.1 bundle as shared by a partner; the server validates its objects (advisories/stix.ts). */
export const advisoryImport = z
  .object({
    source: z.enum(advisorySources),
    severity: z.enum(advisorySeverities),
    recipientIds,
    bundle: z.record(z.string(), z.unknown()),
  })
  .strict();

/** An advisory entered by hand: the software it concerns routes it like an imported one. */
export const advisoryInput = z
  .object({
    title: text(300),
    summary: z.string().trim().max(8000).nullable().optional(),
    source: z.enum(advisorySources),
    severity: z.enum(advisorySeverities),
    tlp: z.enum(tlpLevels),
    recipientIds,
    software: z
      .array(
        z
          .object({
            name: text(200),
            vendor: z.string().trim().max(200).nullable().optional(),
            /** An exact version or a range such as `>=2.0 <2.9.3`; empty for every version. */
            version: z.string().trim().max(200).nullable().optional(),
            cpe: z.string().trim().max(500).nullable().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();

export const responseInput = z
  .object({
    siteId: z.string().uuid(),
    status: z.enum(responseStatuses).exclude(['open']),
    note: z.string().trim().max(4000).nullable().optional(),
  })
  .extend(versioned.shape)
  .strict();

/** Days a site has to answer, by severity (a group setting). */
export const dueDaysInput = z
  .object({
    critical: z.number().int().min(1).max(365),
    high: z.number().int().min(1).max(365),
    medium: z.number().int().min(1).max(365),
    low: z.number().int().min(1).max(365),
  })
  .strict();
export type DueDays = z.infer<typeof dueDaysInput>;

// ---- Indicators

export const indicatorView = z.object({
  advisoryId: z.string().uuid(),
  reference: z.string(),
  tlp: z.enum(tlpLevels),
  stixId: z.string(),
  name: z.string().nullable(),
  kind: z.string(),
  value: z.string(),
});
export type IndicatorView = z.infer<typeof indicatorView>;
export const indicatorListQuery = listQuery(['value', 'kind', 'reference'] as const).extend({
  kind: z.string().trim().max(60).optional(),
});
export const indicatorPage = pageOf(indicatorView);
