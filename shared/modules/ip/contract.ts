import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../../platform/http/list.ts';
import { classSymbol } from './rules/classes.ts';
import {
  entitySizes,
  epStates,
  kinds,
  offices,
  statuses,
  technologies,
  trademarkOffices,
  trademarkStatuses,
} from './rules/offices.ts';
import { measureStates, secretCategories, secretMeasures } from './rules/secrets.ts';

/** Contracts of the IP portfolio: families, their matters per office, deadlines, trademarks, office calendars. */

const text = (max: number) => z.string().trim().min(1).max(max);
const number = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9./\- ]+$/, 'Letters, digits, spaces and . / - only');
const optionalDate = isoDate.nullable().optional();
const optionalNumber = number.nullable().optional();

/** An IPC or CPC symbol, kept in its printed form ("H01L 23/31"). */
export const classSymbolInput = z
  .string()
  .trim()
  .max(40)
  .transform((v, ctx) => {
    const symbol = classSymbol(v);
    if (!symbol) ctx.addIssue({ code: 'custom', message: 'A class such as H01L 23/31' });
    return symbol ?? v;
  });

export const office = z.enum(offices);
export const kind = z.enum(kinds);
export const status = z.enum(statuses);
export const technology = z.enum(technologies);
/** USPTO entity size; only a US matter may be small or micro. */
export const entitySize = z.enum(entitySizes);

export const inventorInput = z
  .object({ employeeId: z.string().uuid(), share: z.number().int().min(1).max(100) })
  .strict();
export const inventorView = z.object({ employeeId: z.string().uuid(), name: z.string(), share: z.number() });

export const deadlineView = z.object({
  kind: z.enum(['priority', 'national_phase', 'annuity', 'term_end']),
  office,
  year: z.number().int().nullable(),
  dueDate: z.string(),
  actBy: z.string(),
  calendarKnown: z.boolean(),
  windowOpens: z.string().nullable(),
  graceEnds: z.string().nullable(),
  payee: z.enum(['office', 'epo', 'unitary', 'national']).nullable(),
  /** The validation state of a European patent's national renewal fee. */
  state: z.enum(epStates).nullable(),
  atGrant: z.boolean(),
  /** The act-by day is the end of the two months after the grant is published (EPC art. 141(2)). */
  afterGrant: z.boolean().optional(),
  basis: z.string(),
});
export const dataProblem = z.object({
  code: z.enum(['grant_date_missing', 'no_rules_for_office']),
  field: z.string().nullable(),
});

export const matterView = z.object({
  id: z.string().uuid(),
  familyId: z.string().uuid(),
  familyReference: z.string(),
  familyTitle: z.string(),
  technology,
  green: z.boolean(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  office,
  kind,
  route: z.enum(['direct', 'pct']),
  applicationNo: z.string(),
  filingDate: z.string(),
  priorityDate: z.string().nullable(),
  publicationNo: z.string().nullable(),
  publicationDate: z.string().nullable(),
  grantDate: z.string().nullable(),
  patentNo: z.string().nullable(),
  status,
  termAdjustmentDays: z.number().int(),
  termFrom: z.string().nullable(),
  entitySize,
  /** The number of claims: the Japanese and Korean annuities are priced by it. */
  claims: z.number().int().nullable(),
  ipcClasses: z.array(z.string()),
  cpcClasses: z.array(z.string()),
  /** A granted European patent: the states where it was validated, and whether it has unitary effect. */
  validationStates: z.array(z.enum(epStates)),
  unitaryEffect: z.boolean(),
  termEnd: z.string().nullable(),
  /** The next deadline to act on from today, if any. */
  nextDeadline: deadlineView.nullable(),
  problems: z.array(dataProblem),
  version: z.number().int(),
});
/** A fee's amount at the office's schedule in force on its due date, or why it has none (never 0). */
export const deadlineFee = z.object({
  currency: z.string().nullable(),
  amountMinor: z.number().int().nullable(),
  missing: z.enum(['no_schedule', 'no_line', 'national_fee', 'no_claims']).nullable(),
});
export const matterDetail = matterView.extend({
  deadlines: z.array(deadlineView.extend({ fee: deadlineFee.nullable() })),
});

const matterFields = {
  office,
  kind,
  route: z.enum(['direct', 'pct']).default('direct'),
  applicationNo: number,
  filingDate: isoDate,
  priorityDate: optionalDate,
  publicationNo: optionalNumber,
  publicationDate: optionalDate,
  grantDate: optionalDate,
  patentNo: optionalNumber,
  status,
  /** The day the status took effect (by default its own date, such as the grant date, or today). */
  statusOn: isoDate.optional(),
  termAdjustmentDays: z.number().int().min(0).max(10_000).default(0),
  /** The day the term counts from when earlier than filing (a US continuation or division's parent). */
  termFrom: optionalDate,
  entitySize: entitySize.default('large'),
  claims: z.number().int().min(0).max(1000).nullable().optional(),
  ipcClasses: z.array(classSymbolInput).max(100).optional(),
  cpcClasses: z.array(classSymbolInput).max(500).optional(),
  /** European patents only: each state once. */
  validationStates: z
    .array(z.enum(epStates))
    .max(epStates.length)
    .refine((a) => new Set(a).size === a.length, 'Each state once')
    .optional(),
  unitaryEffect: z.boolean().optional(),
};
export const matterInput = z.object({ familyId: z.string().uuid(), ...matterFields }).strict();
export const matterPatch = z
  .object(matterFields)
  .omit({ office: true })
  .partial()
  .extend(versioned.shape)
  .strict();

export const matterListQuery = listQuery([
  'filingDate',
  'applicationNo',
  'office',
  'status',
  'grantDate',
]).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  siteId: z.string().uuid().optional(),
  familyId: z.string().uuid().optional(),
  office: office.optional(),
  kind: kind.optional(),
  status: status.optional(),
  technology: technology.optional(),
  green: z.enum(['true', 'false']).optional(),
});
export const matterPage = pageOf(matterView);

export const familyView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  reference: z.string(),
  title: z.string(),
  technology,
  green: z.boolean(),
  sustainabilityFocus: z.string().nullable(),
  inventors: z.array(inventorView),
  matterCount: z.number().int(),
  version: z.number().int(),
});
export const familyDetail = familyView.extend({ matters: z.array(matterView) });
const familyFields = {
  reference: number,
  title: text(500),
  technology,
  green: z.boolean().default(false),
  sustainabilityFocus: text(300).nullable().optional(),
  inventors: z.array(inventorInput).max(30).default([]),
};
export const familyInput = z.object({ siteId: z.string().uuid(), ...familyFields }).strict();
export const familyPatch = z.object(familyFields).partial().extend(versioned.shape).strict();
export const familyListQuery = listQuery(['reference', 'title']).extend({
  siteId: z.string().uuid().optional(),
  technology: technology.optional(),
});
export const familyPage = pageOf(familyView);

export const trademarkDeadline = z.object({
  kind: z.enum(['renewal', 'use_declaration']),
  dueDate: z.string(),
  windowOpens: z.string(),
  graceEnds: z.string().nullable(),
  actBy: z.string(),
  basis: z.string(),
});
export const trademarkView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  mark: z.string(),
  office: z.enum(trademarkOffices),
  niceClasses: z.array(z.number().int()),
  applicationNo: z.string(),
  registrationNo: z.string().nullable(),
  filingDate: z.string(),
  registrationDate: z.string().nullable(),
  status: z.enum(trademarkStatuses),
  expires: z.string().nullable(),
  deadlines: z.array(trademarkDeadline),
  problems: z.array(dataProblem),
  version: z.number().int(),
});
const trademarkFields = {
  mark: text(200),
  office: z.enum(trademarkOffices),
  niceClasses: z.array(z.number().int().min(1).max(45)).min(1).max(45),
  applicationNo: number,
  registrationNo: optionalNumber,
  filingDate: isoDate,
  registrationDate: optionalDate,
  status: z.enum(trademarkStatuses),
};
export const trademarkInput = z.object({ siteId: z.string().uuid(), ...trademarkFields }).strict();
export const trademarkPatch = z
  .object(trademarkFields)
  .omit({ office: true })
  .partial()
  .extend(versioned.shape)
  .strict();
export const trademarkListQuery = listQuery(['mark', 'filingDate', 'office']).extend({
  siteId: z.string().uuid().optional(),
  office: z.enum(trademarkOffices).optional(),
  status: z.enum(trademarkStatuses).optional(),
});
export const trademarkPage = pageOf(trademarkView);

// ---- Trade secrets: what is protected (never the secret), its owner, who may access it, the measures

export const secretCategory = z.enum(secretCategories);
const measureEntry = z
  .object({ state: z.enum(measureStates), note: text(500).nullable().default(null) })
  .strict();
export const secretChecklist = z
  .object({
    access_control: measureEntry,
    marking: measureEntry,
    confidentiality_agreements: measureEntry,
    training: measureEntry,
    infosec_controls: measureEntry,
  })
  .strict();
export const secretView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  title: z.string(),
  category: secretCategory,
  ownerId: z.string().uuid(),
  ownerName: z.string().nullable(),
  access: z.array(z.object({ userId: z.string().uuid(), name: z.string().nullable() })),
  /** Employees who may access it, signed-in users or not (an exit interview follows their leave date). */
  accessEmployees: z.array(
    z.object({ employeeId: z.string().uuid(), name: z.string(), employeeNo: z.string() }),
  ),
  checklist: secretChecklist,
  /** The reasonable-measures score, 0–100, and the points of each measure. */
  score: z.number(),
  working: z.array(
    z.object({
      measure: z.enum(secretMeasures),
      state: z.enum(measureStates),
      points: z.number(),
      max: z.number(),
    }),
  ),
  lastReviewDate: z.string(),
  nextReviewDue: z.string(),
  version: z.number().int(),
});
export type SecretView = z.infer<typeof secretView>;
const secretFields = {
  /** What is protected, described without disclosing it. */
  title: text(300),
  category: secretCategory,
  ownerId: z.string().uuid(),
  accessUserIds: z.array(z.string().uuid()).max(200).default([]),
  accessEmployeeIds: z.array(z.string().uuid()).max(500).default([]),
  checklist: secretChecklist,
  lastReviewDate: isoDate,
};
export const secretInput = z.object({ siteId: z.string().uuid(), ...secretFields }).strict();
export const secretPatch = z.object(secretFields).partial().extend(versioned.shape).strict();
export const secretListQuery = listQuery(['title', 'nextReviewDue', 'score', 'category']).extend({
  siteId: z.string().uuid().optional(),
  category: secretCategory.optional(),
  /** Only those whose next review falls due on or before this day. */
  dueBy: isoDate.optional(),
});
export const secretPage = pageOf(secretView);

export const closureView = z.object({ office, day: z.string(), name: z.string(), source: z.string() });
export const closureInput = z.object({ office, day: isoDate, name: text(120), source: text(300) }).strict();
export const closureListQuery = z.object({
  office: office.optional(),
  year: z.coerce.number().int().min(1980).max(2100).optional(),
});
export const closureList = z.object({ items: z.array(closureView) });
export const closureKey = z.object({ office, day: isoDate }).strict();

// ---- The portfolio as of a day

export const portfolioCountsQuery = z
  .object({ asOf: isoDate.optional(), siteId: z.string().uuid().optional() })
  .strict();
export const portfolioCounts = z.object({
  /** The day counted (today when none is asked). */
  asOf: z.string(),
  offices: z.array(
    z.object({
      office,
      /** Granted and in force (granted, opposed or in litigation) on the day. */
      granted: z.number().int(),
      /** Filed and not yet decided (filed, published, under examination, allowed) on the day. */
      pending: z.number().int(),
      byStatus: z.record(z.string(), z.number().int()),
    }),
  ),
  granted: z.number().int(),
  pending: z.number().int(),
});
export type PortfolioCounts = z.infer<typeof portfolioCounts>;

export const greenQuery = z
  .object({ year: z.coerce.number().int().min(1990).max(2200), siteId: z.string().uuid().optional() })
  .strict();
export const greenView = z.object({
  year: z.number().int(),
  /** Patents of green-related families granted in the year, by technology. */
  byTechnology: z.record(technology, z.number().int()),
  total: z.number().int(),
  /** Patents of green-related families granted up to the end of the year. */
  cumulative: z.number().int(),
});
export type GreenView = z.infer<typeof greenView>;
