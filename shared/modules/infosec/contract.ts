import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../../platform/http/list.ts';
import { clockNames, startEvents } from './rules/clocks.ts';
import { isCpe23 } from './rules/cpe.ts';
import { informationKinds, operationKinds, severities } from './rules/level.ts';

/** The zod contracts of the information security program, shared by the server and the web app. */

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDateTime = z.string().datetime({ offset: true });
const hours = z.number().min(0).max(100_000);

// ---- Systems register

export const systemDomains = ['it', 'ot'] as const;
export const criticalities = ['low', 'medium', 'high', 'critical'] as const;

const cpe = z
  .string()
  .trim()
  .max(500)
  .refine(isCpe23, 'Not a CPE 2.3 formatted string (cpe:2.3:part:vendor:product:version:…, 13 fields)');

const systemFields = {
  name: text(200),
  ownerId: z.string().uuid().nullable().optional(),
  domain: z.enum(systemDomains),
  criticality: z.enum(criticalities),
  rtoHours: hours.nullable().optional(),
  rpoHours: hours.nullable().optional(),
  backup: z.string().trim().max(2000).nullable().optional(),
  vendor: z.string().trim().max(200).nullable().optional(),
  product: z.string().trim().max(200).nullable().optional(),
  productVersion: z.string().trim().max(100).nullable().optional(),
  cpe: cpe.nullable().optional(),
};

export const systemInput = z.object({ siteId: z.string().uuid(), ...systemFields }).strict();
export const systemPatch = z
  .object({
    ...systemFields,
    name: systemFields.name.optional(),
    domain: systemFields.domain.optional(),
    criticality: systemFields.criticality.optional(),
  })
  .extend(versioned.shape)
  .strict();

export const systemView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  name: z.string(),
  ownerId: z.string().uuid().nullable(),
  ownerName: z.string().nullable(),
  domain: z.enum(systemDomains),
  criticality: z.enum(criticalities),
  rtoHours: z.number().nullable(),
  rpoHours: z.number().nullable(),
  backup: z.string().nullable(),
  vendor: z.string().nullable(),
  product: z.string().nullable(),
  productVersion: z.string().nullable(),
  cpe: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type SystemView = z.infer<typeof systemView>;

export const systemListQuery = listQuery(['name', 'rtoHours', 'updatedAt'] as const).extend({
  siteId: z.string().uuid().optional(),
  domain: z.enum(systemDomains).optional(),
  criticality: z.enum(criticalities).optional(),
});
export const systemPage = pageOf(systemView);

// ---- Incidents

export const incidentStatuses = ['reported', 'triaged', 'contained', 'recovered', 'closed'] as const;
export const sensitiveReasons = ['insider', 'hr', 'legal'] as const;
/** NIST SP 800-61 Rev. 2, Table 3-2 (functional impact), 3-3 (information impact), 3-4 (recoverability). */
export const functionalImpacts = ['none', 'low', 'medium', 'high'] as const;
export const informationImpacts = ['none', 'privacy', 'proprietary', 'integrity'] as const;
export const recoverabilities = ['regular', 'supplemented', 'extended', 'not_recoverable'] as const;
/** NIST SP 800-61 Rev. 2, §3.2.1 attack vectors. */
export const attackVectors = [
  'external_media',
  'attrition',
  'web',
  'email',
  'impersonation',
  'improper_usage',
  'loss_theft',
  'other',
  'unknown',
] as const;
/** The events that start or stop the clocks, recorded by the security team. */
export const incidentEvents = [
  'ciso_reported',
  'level_reviewed',
  'contained',
  'recovered',
  'investigation_reported',
  'breach_assessed',
  'authority_notified',
  'closed',
] as const;

export const incidentReport = z
  .object({
    siteId: z.string().uuid(),
    title: text(300),
    description: text(20_000),
    awareAt: isoDateTime,
    affectedSiteIds: z.array(z.string().uuid()).max(50).optional(),
    systemIds: z.array(z.string().uuid()).max(100).optional(),
    sensitive: z.boolean().optional(),
    sensitiveReason: z.enum(sensitiveReasons).nullable().optional(),
    namedUserIds: z.array(z.string().uuid()).max(50).optional(),
  })
  .strict()
  .refine((r) => !r.sensitiveReason || r.sensitive, {
    message: 'Only a sensitive incident has a reason for it',
    path: ['sensitiveReason'],
  });

const dataImpact = z
  .object({ kind: z.enum(informationKinds), severity: z.enum(severities) })
  .strict()
  .nullable();
export const impactInput = z
  .object({
    confidentiality: dataImpact,
    integrity: dataImpact,
    availability: z
      .object({ kind: z.enum(operationKinds), withinTolerableOutage: z.boolean() })
      .strict()
      .nullable(),
  })
  .strict();

export const classificationInput = z
  .object({
    impact: impactInput,
    /** Why the level is what it is, and why it changed: required when an assigned level changes. */
    reason: z.string().trim().max(2000).nullable().optional(),
    functionalImpact: z.enum(functionalImpacts).nullable().optional(),
    informationImpact: z.enum(informationImpacts).nullable().optional(),
    recoverability: z.enum(recoverabilities).nullable().optional(),
    attackVector: z.enum(attackVectors).nullable().optional(),
  })
  .extend(versioned.shape)
  .strict();

export const eventInput = z
  .object({
    event: z.enum(incidentEvents),
    at: isoDateTime.optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .extend(versioned.shape)
  .strict();

export const noteInput = z.object({ text: text(5000), at: isoDateTime.optional() }).strict();

export const clockView = z.object({
  clock: z.enum(clockNames),
  startEvent: z.enum(startEvents),
  startAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  state: z.enum(['waiting', 'running', 'overdue', 'met', 'missed']),
  hoursFromLevel: z.number().int().nullable(),
});

export const timelineEntry = z.object({
  id: z.string().uuid(),
  at: z.string(),
  kind: z.string(),
  text: z.string().nullable(),
  data: z.unknown().nullable(),
  byName: z.string().nullable(),
});

export const incidentSummary = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  title: z.string(),
  awareAt: z.string(),
  reportedByName: z.string().nullable(),
  sensitive: z.boolean(),
  status: z.enum(incidentStatuses),
  level: z.number().int().nullable(),
  /** The earliest due time of a clock still running or overdue. */
  nextDueAt: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
});
export type IncidentSummary = z.infer<typeof incidentSummary>;

export const incidentView = incidentSummary.extend({
  description: z.string(),
  sensitiveReason: z.enum(sensitiveReasons).nullable(),
  levelReason: z.string().nullable(),
  impact: impactInput.nullable(),
  functionalImpact: z.enum(functionalImpacts).nullable(),
  informationImpact: z.enum(informationImpacts).nullable(),
  recoverability: z.enum(recoverabilities).nullable(),
  attackVector: z.enum(attackVectors).nullable(),
  cisoReportedAt: z.string().nullable(),
  levelReviewedAt: z.string().nullable(),
  recoveredAt: z.string().nullable(),
  investigationReportedAt: z.string().nullable(),
  affectedSites: z.array(z.object({ id: z.string().uuid(), code: z.string() })),
  systems: z.array(z.object({ id: z.string().uuid(), name: z.string(), siteCode: z.string() })),
  people: z.array(z.object({ id: z.string().uuid(), name: z.string().nullable() })),
  clocks: z.array(clockView),
  timeline: z.array(timelineEntry),
  actionIds: z.array(z.string()),
  evidenceCount: z.number().int(),
  canManage: z.boolean(),
});
export type IncidentView = z.infer<typeof incidentView>;

export const incidentListQuery = listQuery(['awareAt', 'reference', 'level', 'status'] as const).extend({
  siteId: z.string().uuid().optional(),
  status: z.enum(incidentStatuses).optional(),
  level: z.coerce.number().int().min(1).max(4).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  mine: z.enum(['true', 'false']).optional(),
});
export const incidentPage = pageOf(incidentSummary);

// ---- Clock rules (a group setting)

export const clockRulesInput = z
  .object({
    reportHours: z.number().positive().max(720),
    investigationReportMonths: z.number().int().min(1).max(24),
    levels: z
      .array(
        z
          .object({
            level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
            levelReviewHours: z.number().positive().max(720),
            recoveryHours: z.number().positive().max(2160),
          })
          .strict(),
      )
      .length(4)
      .refine((ls) => new Set(ls.map((l) => l.level)).size === 4, 'One row for each level 1–4'),
    /** Each country's period for notifying its data-protection authority of a personal-data breach. */
    breachNotification: z
      .array(
        z
          .object({
            country: z.string().regex(/^[A-Z]{2}$/, 'A country code of two capital letters (ISO 3166)'),
            authority: z.string().trim().min(1).max(100),
            /** The article that sets the period, as the group cites it (shown as typed, never translated). */
            provision: z.string().trim().max(200).optional(),
            period: z
              .number()
              .int()
              .positive()
              .max(365 * 24),
            unit: z.enum(['hours', 'calendar_days']),
            from: z.enum(['awareness', 'breach_assessed']),
          })
          .strict(),
      )
      .max(250)
      .refine((rs) => new Set(rs.map((r) => r.country)).size === rs.length, 'One row per country')
      .default([]),
  })
  .strict();
export type ClockRulesInput = z.infer<typeof clockRulesInput>;

/** The clock rules as a reader sees them, with whether they may change them (group-wide managers only). */
export const clockRulesView = clockRulesInput.extend({ mayChange: z.boolean() });
export type ClockRulesView = z.infer<typeof clockRulesView>;

/** A change of the clock rules: the rules read may be sent back as they came, `mayChange` is not stored. */
export const clockRulesBody = clockRulesInput.extend({ mayChange: z.boolean().optional() });
