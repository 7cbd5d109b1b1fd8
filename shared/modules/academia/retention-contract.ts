import { z } from 'zod';

/** How long students' personal data is kept (server/modules/academia/rules/retention.ts gives the reasons). */
export const internRetentionSettings = z
  .object({
    /** Years after a student's last period ended before the name and contact details are erased. */
    anonymiseAfterYears: z.number().int().min(1).max(15),
  })
  .strict();
export type InternRetentionSettings = z.infer<typeof internRetentionSettings>;
/** The setting as read, and whether the reader may change it (the group-wide program owner). */
export const internRetentionView = internRetentionSettings.extend({ mayChange: z.boolean() });

/** What one run of the retention job did. */
export const internRetentionRun = z.object({
  /** Periods ended before this day were due. */
  cutoff: z.string(),
  anonymised: z.number().int(),
  proposalsDismissed: z.number().int(),
  /** Scholarship awards whose recipient's name was erased. */
  scholarshipsAnonymised: z.number().int(),
});
export type InternRetentionRun = z.infer<typeof internRetentionRun>;
