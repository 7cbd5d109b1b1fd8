import { z } from 'zod';
import { isoDate, versioned } from '../../../platform/http/list.ts';
import { offices } from '../rules/offices.ts';

/** Contracts of office actions: communications of an office that set a period to respond. */

export const officeActionKinds = [
  'rejection',
  'final_rejection',
  'restriction',
  'examination_report',
  'search_report',
  'other',
] as const;
export type OfficeActionKind = (typeof officeActionKinds)[number];

const fields = {
  kind: z.enum(officeActionKinds),
  /** The date of the communication (the USPTO's mailing date; the EPO's date of the document). */
  mailedOn: isoDate,
  /** The period it sets to respond, in months. */
  periodMonths: z.number().int().min(1).max(6),
  /** Months of extension taken (paid for at the USPTO, requested at the EPO). */
  extensionMonths: z.number().int().min(0).max(5).default(0),
  /** The day the response was filed; empty while it is still open. */
  repliedOn: isoDate.nullable().optional(),
};
export const officeActionInput = z.object(fields).strict();
export const officeActionPatch = z.object(fields).partial().extend(versioned.shape).strict();

export const officeActionView = z.object({
  id: z.string().uuid(),
  matterId: z.string().uuid(),
  office: z.enum(offices),
  kind: z.enum(officeActionKinds),
  mailedOn: isoDate,
  periodMonths: z.number().int(),
  extensionMonths: z.number().int(),
  repliedOn: isoDate.nullable(),
  /** The day the period starts: the date of the communication, or the day it is deemed notified. */
  startsOn: isoDate,
  /** The end of the period set, then with the extension taken. */
  dueDate: isoDate,
  extendedTo: isoDate,
  /** The last day to respond: the extended end moved to the office's next working day. */
  actBy: isoDate,
  calendarKnown: z.boolean(),
  /** The furthest the period may be extended to; null where the office's extension rules are not kept. */
  maxExtendedTo: isoDate.nullable(),
  basis: z.string(),
  version: z.number().int(),
});
export type OfficeActionView = z.infer<typeof officeActionView>;

export const officeActionList = z.object({ items: z.array(officeActionView) });
