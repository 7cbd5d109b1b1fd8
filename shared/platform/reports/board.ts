import { z } from 'zod';

/** The zod contracts every program's yearly report to the Board shares: the year asked, figures and sections. */

export const boardYearQuery = z
  .object({
    year: z.coerce.number().int().min(1990).max(2100),
    locale: z.enum(['en', 'zh-TW']).optional(),
  })
  .strict();

/**
 * One figure of a section: a number computed from rows, or, when it cannot be computed for this reader and
 * year, null with the words saying why (never a plausible number in its place).
 */
export const boardFigure = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  unit: z.string().optional(),
  decimals: z.number().int().optional(),
  missing: z.string().optional(),
});
export type BoardFigure = z.infer<typeof boardFigure>;

export const boardSection = z.object({
  key: z.string(),
  heading: z.string(),
  figures: z.array(boardFigure),
  /** Sentences that explain the figures (what is counted, from which records). */
  notes: z.array(z.string()),
});
export type BoardSectionOutcome = z.infer<typeof boardSection>;
