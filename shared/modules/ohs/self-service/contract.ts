import { z } from 'zod';
import { actionSummary } from '../../../platform/actions/contract.ts';
import { listQuery, pageOf } from '../../../platform/http/list.ts';
import { incidentKinds } from '../incidents/contract.ts';

/** Contracts of the self-service pages: the reports a person filed, and a contractor worker's qualifications. */

/** Where a report stands for its reporter: received, being investigated, or closed with its findings. */
export const reportStatuses = ['received', 'investigating', 'closed'] as const;

export const myReportsQuery = listQuery(['occurredAt', 'reference']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  kind: z.enum(incidentKinds).optional(),
});
export const myReport = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  siteCode: z.string(),
  timeZone: z.string(),
  areaName: z.string().nullable(),
  kind: z.enum(incidentKinds),
  title: z.string(),
  occurredAt: z.string(),
  status: z.enum(reportStatuses),
  /** What the reporter wrote was done at once. */
  immediateActions: z.string().nullable(),
  /** The corrective and preventive actions raised from the investigation's root causes. */
  actions: z.array(actionSummary),
});
export const myReportsPage = pageOf(myReport);

export const qualificationStates = ['valid', 'expiring', 'expired'] as const;
export const myQualification = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  certificateNo: z.string().nullable(),
  issuedOn: z.string().nullable(),
  validUntil: z.string(),
  state: z.enum(qualificationStates),
  /** Days from today to the last valid day; negative once expired. */
  daysLeft: z.number().int(),
});
export const myQualifications = z.object({
  /** The contractor worker the account belongs to; null for an account that is not a contractor worker's. */
  worker: z
    .object({
      id: z.string().uuid(),
      fullName: z.string(),
      companyName: z.string().nullable(),
      trade: z.string().nullable(),
    })
    .nullable(),
  items: z.array(myQualification),
});
