import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../../../platform/http/list.ts';

export const exitInterviewStatuses = ['due', 'held', 'acknowledged', 'withdrawn'] as const;
export const exitInterviewStatus = z.enum(exitInterviewStatuses);

export const exitInterviewView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  employeeId: z.string().uuid(),
  employeeName: z.string().nullable(),
  employeeNo: z.string().nullable(),
  leaveDate: z.string(),
  dueDate: z.string(),
  /**
   * False when a year between the due date and the leave date has no public-holiday calendar entered for the
   * site's country: the due date then skips weekends only, and may fall on a holiday.
   */
  calendarKnown: z.boolean(),
  /** Why: named as an inventor (on these families and disclosures), or may access these trade secrets. */
  inventor: z.boolean(),
  familyIds: z.array(z.string().uuid()),
  disclosureIds: z.array(z.string().uuid()),
  tradeSecrets: z.array(z.object({ id: z.string().uuid(), title: z.string() })),
  status: exitInterviewStatus,
  heldOn: z.string().nullable(),
  signedOn: z.string().nullable(),
  /** Documents filed with the interview (the signed acknowledgement among them). */
  documents: z.number().int(),
  version: z.number().int(),
});
export type ExitInterviewView = z.infer<typeof exitInterviewView>;

export const exitInterviewListQuery = listQuery(['dueDate', 'leaveDate', 'status']).extend({
  siteId: z.string().uuid().optional(),
  status: exitInterviewStatus.optional(),
  /** Only those due on or before this day. */
  dueBy: isoDate.optional(),
});
export const exitInterviewPage = pageOf(exitInterviewView);

/** Recording the interview held, then the acknowledgement signed (its document must be filed first). */
export const exitInterviewPatch = z
  .object({ heldOn: isoDate.nullable(), signedOn: isoDate.nullable() })
  .partial()
  .extend(versioned.shape)
  .strict();

/** A look at one site, or (no site) at every site where the caller holds the interviews. */
export const exitInterviewScanInput = z.object({ siteId: z.string().uuid().optional() }).strict();

export const exitInterviewScanResult = z.object({
  leaving: z.number().int(),
  proposed: z.number().int(),
  updated: z.number().int(),
  withdrawn: z.number().int(),
});
