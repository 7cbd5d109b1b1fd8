import { z } from 'zod';

/**
 * The zod contracts of a program's yearly report to the Board, shared by every program that gives one: the
 * year asked for, and the report's sections, each with figures computed from rows or the words saying why a
 * figure cannot be given.
 */

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

/** A breakdown of a section (by country, by partner): text and numbers, a number null where it cannot be given. */
export const boardTable = z.object({
  key: z.string(),
  title: z.string(),
  columns: z.array(
    z.object({
      header: z.string(),
      format: z.enum(['text', 'integer', 'decimal', 'percent']),
      decimals: z.number().int().optional(),
    }),
  ),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
  /** Shown in place of rows when there are none. */
  emptyText: z.string().optional(),
});
export type BoardTable = z.infer<typeof boardTable>;

export const boardSection = z.object({
  key: z.string(),
  heading: z.string(),
  figures: z.array(boardFigure),
  tables: z.array(boardTable).optional(),
  /** Sentences that explain the figures (what is counted, from which records). */
  notes: z.array(z.string()),
});
export type BoardSectionOutcome = z.infer<typeof boardSection>;
