import { z } from 'zod';
import { listQuery, pageOf, versioned } from '../../../platform/http/list.ts';
import { text } from '../fields.ts';
import { permitStatuses, permitTransitions, permitTypes } from '../rules/permits.ts';

/** Contracts of permits to work. */

export const permitView = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  /** The site's IANA time zone: its times read there. */
  timeZone: z.string(),
  areaId: z.string().uuid(),
  areaName: z.string(),
  type: z.enum(permitTypes),
  status: z.enum(permitStatuses),
  companyId: z.string().uuid(),
  companyName: z.string(),
  workers: z.array(z.object({ id: z.string().uuid(), name: z.string(), qualified: z.boolean() })),
  description: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  checklist: z.array(z.object({ key: z.string(), en: z.string(), zh: z.string(), checked: z.boolean() })),
  needsGasTest: z.boolean(),
  gasTest: z
    .object({
      oxygenPercent: z.number(),
      lelPercent: z.number(),
      toxicPpm: z.number().nullable(),
      testedAt: z.string(),
      testedBy: z.string().nullable(),
    })
    .nullable(),
  history: z.array(
    z.object({
      at: z.string(),
      by: z.string().nullable(),
      transition: z.string(),
      from: z.string(),
      to: z.string(),
      note: z.string().optional(),
    }),
  ),
  /** Other live permits in the same area at overlapping times. */
  overlaps: z.array(
    z.object({
      id: z.string().uuid(),
      reference: z.string(),
      type: z.enum(permitTypes),
      startsAt: z.string(),
      endsAt: z.string(),
    }),
  ),
  rejectionReason: z.string().nullable(),
  version: z.number().int(),
});
export const permitInput = z
  .object({
    siteId: z.string().uuid(),
    areaId: z.string().uuid(),
    type: z.enum(permitTypes),
    companyId: z.string().uuid(),
    workerIds: z.array(z.string().uuid()).min(1).max(50),
    description: text(5000),
    startsAt: z.string().datetime({ offset: true }),
    endsAt: z.string().datetime({ offset: true }),
  })
  .strict()
  .refine((p) => p.endsAt > p.startsAt, { message: 'The permit must end after it starts', path: ['endsAt'] });
export const permitTransitionBody = z
  .object({
    transition: z.enum(permitTransitions),
    /** Checklist items ticked (required to issue). */
    checklist: z
      .record(
        z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'A checklist item key, such as gas_tested'),
        z.boolean(),
      )
      .optional(),
    gasTest: z
      .object({
        oxygenPercent: z.number().min(0).max(100),
        lelPercent: z.number().min(0).max(100),
        toxicPpm: z.number().min(0).max(100000).nullable().optional(),
      })
      .strict()
      .optional(),
    extendTo: z.string().datetime({ offset: true }).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .extend(versioned.shape)
  .strict();
export const permitListQuery = listQuery(['startsAt', 'reference', 'status']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  siteId: z.string().uuid().optional(),
  areaId: z.string().uuid().optional(),
  type: z.enum(permitTypes).optional(),
  status: z.enum(permitStatuses).optional(),
  live: z.enum(['true', 'false']).optional(),
});
export const permitPage = pageOf(
  permitView
    .omit({ checklist: true, history: true, overlaps: true, workers: true })
    .extend({ workerCount: z.number().int() }),
);
