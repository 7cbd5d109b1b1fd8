import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../../platform/http/list.ts';
import { classifications, recoveryOutcomes } from './rules/injury.ts';

export const incidentKinds = ['injury', 'illness', 'near_miss', 'unsafe_condition'] as const;
export const investigationStatuses = ['draft', 'investigating', 'review', 'closed'] as const;
export const rootCauseCategories = [
  'people',
  'machine',
  'method',
  'material',
  'measurement',
  'environment',
  'management',
] as const;
export const injuryTypes = [
  'cut',
  'bruise',
  'fracture',
  'sprain',
  'burn',
  'chemical_burn',
  'crush',
  'amputation',
  'electric_shock',
  'inhalation',
  'eye_injury',
  'hearing_loss',
  'fall',
  'struck_by',
  'caught_in',
  'other',
] as const;
export const bodyParts = [
  'head',
  'eye',
  'ear',
  'face',
  'neck',
  'back',
  'chest',
  'abdomen',
  'shoulder',
  'arm',
  'elbow',
  'wrist',
  'hand',
  'finger',
  'hip',
  'leg',
  'knee',
  'ankle',
  'foot',
  'toe',
  'multiple',
  'internal',
  'other',
] as const;

const isoDateTime = z.string().datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);

export const injuryView = z.object({
  id: z.string().uuid(),
  personType: z.enum(['employee', 'contractor_worker']),
  personId: z.string().uuid(),
  personName: z.string().nullable(),
  personNo: z.string().nullable(),
  injuryType: z.string(),
  bodyPart: z.string(),
  treatment: z.string().nullable(),
  classification: z.enum(classifications),
  injuryDate: z.string(),
  returnDate: z.string().nullable(),
  chargedDays: z.number().int().nullable(),
  chargedDaysKey: z.string().nullable(),
  restrictedDays: z.number().int(),
  hospitalised: z.boolean(),
  /** GRI 403-9: whether the worker recovers fully within six months (expected, or as it turned out). */
  recovery: z.enum(recoveryOutcomes),
  daysLost: z.number().int(),
  disabling: z.boolean(),
  /** GRI 403-9 high-consequence injury (fatalities apart), from the recovery outcome. */
  highConsequence: z.boolean(),
  version: z.number().int(),
});
export type InjuryView = z.infer<typeof injuryView>;

export const injuryInput = z
  .object({
    personType: z.enum(['employee', 'contractor_worker']),
    personId: z.string().uuid(),
    injuryType: z.enum(injuryTypes),
    bodyPart: z.enum(bodyParts),
    treatment: z.string().trim().max(2000).nullable().optional(),
    classification: z.enum(classifications),
    returnDate: isoDate.nullable().optional(),
    chargedDays: z.number().int().min(0).max(6000).nullable().optional(),
    chargedDaysKey: z.string().max(40).nullable().optional(),
    restrictedDays: z.number().int().min(0).max(3650).optional(),
    hospitalised: z.boolean().optional(),
    /** Defaults to "expected to recover fully within six months" (a permanent disability: "not expected"). */
    recovery: z.enum(recoveryOutcomes).optional(),
  })
  .strict();
export const injuryPatch = injuryInput
  .omit({ personType: true, personId: true })
  .partial()
  .extend(versioned.shape)
  .strict();

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

export const rootCauseView = z.object({
  id: z.string().uuid(),
  method: z.enum(['five_whys', 'fishbone']),
  category: z.enum(rootCauseCategories).nullable(),
  whys: z.array(z.string()),
  statement: z.string(),
  actionIds: z.array(z.string().uuid()),
  version: z.number().int(),
});
export const rootCauseInput = z
  .object({
    method: z.enum(['five_whys', 'fishbone']),
    category: z.enum(rootCauseCategories).nullable().optional(),
    whys: z.array(text(1000)).max(7).optional(),
    statement: text(2000),
  })
  .strict()
  .refine((r) => r.method !== 'fishbone' || !!r.category, {
    message: 'A fishbone cause has a category',
    path: ['category'],
  });
export const rootCausePatch = z
  .object({
    category: z.enum(rootCauseCategories).nullable().optional(),
    whys: z.array(text(1000)).max(7).optional(),
    statement: text(2000).optional(),
  })
  .extend(versioned.shape)
  .strict();

export const investigationView = z.object({
  id: z.string().uuid(),
  incidentId: z.string().uuid(),
  incidentReference: z.string(),
  siteId: z.string().uuid(),
  status: z.enum(investigationStatuses),
  leadId: z.string().uuid().nullable(),
  leadName: z.string().nullable(),
  team: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
  summary: z.string().nullable(),
  timeline: z.array(z.object({ id: z.string().uuid(), at: z.string(), description: z.string() })),
  rootCauses: z.array(rootCauseView),
  /** Why it cannot close yet (empty when it can). */
  closeBlockers: z.array(z.string()),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
export const investigationPatch = z
  .object({
    leadId: z.string().uuid().nullable().optional(),
    teamIds: z.array(z.string().uuid()).max(30).optional(),
    summary: z.string().trim().max(20_000).nullable().optional(),
  })
  .extend(versioned.shape)
  .strict();
export const investigationTransition = z
  .object({ to: z.enum(investigationStatuses) })
  .extend(versioned.shape)
  .strict();
export const timelineInput = z.object({ at: isoDateTime, description: text(2000) }).strict();
export const rootCauseActionInput = z
  .object({
    title: text(300),
    description: z.string().trim().max(5000).nullable().optional(),
    kind: z.enum(['corrective', 'preventive', 'improvement']).default('corrective'),
    ownerId: z.string().uuid().nullable().optional(),
    dueDate: isoDate,
  })
  .strict();

export const hoursView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  month: z.string(),
  employeeHours: z.string(),
  nonEmployeeHours: z.string(),
  version: z.number().int(),
});
const hoursAmount = z
  .union([z.number(), z.string()])
  .transform(String)
  .pipe(z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, 'Hours, at most two decimals'));
export const hoursInput = z
  .object({
    siteId: z.string().uuid(),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM'),
    employeeHours: hoursAmount,
    nonEmployeeHours: hoursAmount.optional(),
    version: z.number().int().min(1).optional(),
  })
  .strict();
export const hoursListQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100),
  siteId: z.string().uuid().optional(),
});

export const rateSet = z.object({
  hours: z.string(),
  disablingInjuries: z.number().int(),
  daysLost: z.number().int(),
  fatalities: z.number().int(),
  highConsequence: z.number().int(),
  recordable: z.number().int(),
  dart: z.number().int(),
  lostTime: z.number().int(),
  fr: z.string().nullable(),
  sr: z.string().nullable(),
  fsi: z.string().nullable(),
  trir: z.string().nullable(),
  dartRate: z.string().nullable(),
  ltir: z.string().nullable(),
  gri: z.object({
    fatalityRatePerMillion: z.string().nullable(),
    highConsequenceRatePerMillion: z.string().nullable(),
    recordableRatePerMillion: z.string().nullable(),
    fatalityRatePer200k: z.string().nullable(),
    highConsequenceRatePer200k: z.string().nullable(),
    recordableRatePer200k: z.string().nullable(),
  }),
  mainInjuryTypes: z.array(z.object({ injuryType: z.string(), count: z.number().int() })),
});
export type RateSet = z.infer<typeof rateSet>;

export const statisticsRow = z.object({
  key: z.string(),
  label: z.string(),
  period: z.string(),
  employees: rateSet,
  nonEmployees: rateSet,
  all: rateSet,
  /** Occupational injury cases: recordable injuries of all workers, commuting and traffic accidents excluded. */
  injuryCases: z.number().int(),
});
export const statisticsQuery = z.object({
  from: z.coerce.number().int().min(1990).max(2100),
  to: z.coerce.number().int().min(1990).max(2100),
  by: z.enum(['group', 'subsidiary', 'site']).default('group'),
  period: z.enum(['year', 'month']).default('year'),
  siteId: z.string().uuid().optional(),
  /**
   * Count each year from 1 January to the same day as today only (29 February: 28 February in a common
   * year), so that this year to date compares with the same span of other years. Hours are recorded by
   * month: the month of that day counts for its days up to it.
   */
  yearToDate: z.enum(['true', 'false']).optional(),
});
export const statisticsView = z.object({
  rounding: z.enum(['truncate', 'round-half-up']),
  rows: z.array(statisticsRow),
  /** With yearToDate: today, the day each year runs to (MM-DD) and the time zone today was read in. */
  yearToDate: z.object({ today: z.string(), through: z.string(), timeZone: z.string() }).nullable(),
});

export const ohsSettings = z.object({ rounding: z.enum(['truncate', 'round-half-up']) }).strict();
