import { z } from 'zod';

/** The query every list endpoint accepts: paging, sorting and a free-text search. */
export function listQuery<const S extends readonly [string, ...string[]]>(sortFields: S) {
  return z.object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
    sort: z.enum(sortFields).default(sortFields[0]),
    order: z.enum(['asc', 'desc']).default('asc'),
    q: z.string().trim().max(200).optional(),
    /** A page's `nextCursor` or `prevCursor`: the page after or before it, as cheap as the first. */
    cursor: z
      .string()
      .max(1000)
      .regex(/^[A-Za-z0-9_-]+$/, 'Not a page link')
      .optional(),
    /** Count the whole list (up to 10,000): only when asked, since counting a large list costs a scan. */
    count: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  });
}

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    /**
     * The row count of the whole list: present when the request asked for it (`count=true`) or when the page
     * reached the end of a list paged by number (then it costs nothing); absent otherwise.
     */
    total: z.number().int().optional(),
    /** True when the list holds more rows than `total`: counting stops at a cap (see db/paging.ts). */
    totalCapped: z.boolean().optional(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** The page after this one and the one before it (null at either end); lists paged in memory have none. */
    nextCursor: z.string().nullable().optional(),
    prevCursor: z.string().nullable().optional(),
  });
}

export type Page<T> = {
  items: T[];
  total?: number;
  page: number;
  pageSize: number;
  nextCursor?: string | null;
  prevCursor?: string | null;
};

/** Where to read a page of a list: by number, or after the page before it (its `nextCursor`). */
export type PageAt = { page: number; pageSize: number; cursor?: string };

/**
 * Every item of a list, read a page at a time (500, the most a page holds): by cursor where the list gives
 * one (each page then costs what the first costs), by page number otherwise.
 */
export async function everyItem<T>(read: (at: PageAt) => Promise<Page<T>>, pageSize = 500): Promise<T[]> {
  const out: T[] = [];
  let at: PageAt = { page: 1, pageSize };
  for (;;) {
    const got = await read(at);
    out.push(...got.items);
    const last = got.nextCursor === undefined ? got.items.length < at.pageSize : got.nextCursor === null;
    if (last || got.items.length === 0) return out;
    at = { page: at.page + 1, pageSize, cursor: got.nextCursor ?? undefined };
  }
}

export const idParams = z.object({ id: z.string().uuid() });

/** Every update names the version it was based on; a stale one is refused with 409. */
export const versioned = z.object({ version: z.number().int().min(1) });

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the proleptic Gregorian calendar; `month` counts from 1. */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** True for a real calendar date written YYYY-MM-DD. Arithmetic only: bulk imports call it for every row. */
export function isCalendarDate(v: string): boolean {
  if (v.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const year = Number(v.slice(0, 4));
  const month = Number(v.slice(5, 7));
  const day = Number(v.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD')
  .refine(isCalendarDate, 'Not a real calendar date');

/** Escapes % and _ so a search term matches literally inside ILIKE. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
