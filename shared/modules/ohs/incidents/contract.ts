import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../../../platform/http/list.ts';
import { isoDateTime, text } from '../fields.ts';
import { injuryInput, injuryView } from '../injuries/contract.ts';
import { investigationStatuses } from '../investigations/contract.ts';

/** Contracts of incidents: what was reported, where and when, and the authority notice. */

export const incidentKinds = ['injury', 'illness', 'near_miss', 'unsafe_condition'] as const;

export const incidentView = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  /** The site's IANA time zone: its times read there ("2026-12-03 07:13 (Asia/Taipei)"). */
  timeZone: z.string(),
  areaId: z.string().uuid().nullable(),
  areaName: z.string().nullable(),
  kind: z.enum(incidentKinds),
  occurredAt: z.string(),
  occurredOn: z.string(),
  reportedByName: z.string().nullable(),
  anonymous: z.boolean(),
  title: z.string(),
  description: z.string(),
  immediateActions: z.string().nullable(),
  commuting: z.boolean(),
  fatalities: z.number().int(),
  injured: z.number().int(),
  hospitalised: z.number().int(),
  notice: z.object({
    required: z.boolean(),
    dueAt: z.string().nullable(),
    notifiedAt: z.string().nullable(),
    reference: z.string().nullable(),
    overdue: z.boolean(),
  }),
  injuries: z.array(injuryView),
  investigationId: z.string().uuid().nullable(),
  investigationStatus: z.enum(investigationStatuses).nullable(),
  photoCount: z.number().int(),
  version: z.number().int(),
});
export type IncidentView = z.infer<typeof incidentView>;

export const incidentInput = z
  .object({
    siteId: z.string().uuid(),
    areaId: z.string().uuid().nullable().optional(),
    kind: z.enum(incidentKinds),
    occurredAt: isoDateTime,
    title: text(200),
    description: text(10_000),
    immediateActions: z.string().trim().max(5000).nullable().optional(),
    /** Only hazards and near misses may be reported anonymously. */
    anonymous: z.boolean().optional(),
    commuting: z.boolean().optional(),
    /** Head counts as first reported, before the injured are named. */
    fatalities: z.number().int().min(0).max(1000).optional(),
    injured: z.number().int().min(0).max(1000).optional(),
    hospitalised: z.number().int().min(0).max(1000).optional(),
    injuries: z.array(injuryInput).max(100).optional(),
  })
  .strict()
  .refine((i) => !i.anonymous || i.kind === 'near_miss' || i.kind === 'unsafe_condition', {
    message: 'Only hazards and near misses may be reported anonymously',
    path: ['anonymous'],
  });

export const incidentPatch = z
  .object({
    areaId: z.string().uuid().nullable().optional(),
    kind: z.enum(incidentKinds).optional(),
    occurredAt: isoDateTime.optional(),
    title: text(200).optional(),
    description: text(10_000).optional(),
    immediateActions: z.string().trim().max(5000).nullable().optional(),
    commuting: z.boolean().optional(),
    fatalities: z.number().int().min(0).max(1000).optional(),
    injured: z.number().int().min(0).max(1000).optional(),
    hospitalised: z.number().int().min(0).max(1000).optional(),
    authorityNotifiedAt: isoDateTime.nullable().optional(),
    authorityReference: z.string().trim().max(100).nullable().optional(),
  })
  .extend(versioned.shape)
  .strict();

export const incidentListQuery = listQuery(['occurredAt', 'reference', 'site']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  siteId: z.string().uuid().optional(),
  kind: z.enum(incidentKinds).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  mine: z.enum(['true', 'false']).optional(),
});
export const incidentListItem = incidentView.omit({
  injuries: true,
  description: true,
  immediateActions: true,
});
export const incidentPage = pageOf(incidentListItem);
