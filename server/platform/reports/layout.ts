/**
 * Page geometry for the renderers, as pure functions of measured sizes: column widths, where rows and
 * blocks go on pages, how many figure cards share a row, spreadsheet names and widths. No pdfkit here.
 */

/** A4 in PDF points, with the margins of Steward's reports. */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGINS = { top: 62, bottom: 58, left: 48, right: 48 } as const;
export const CONTENT_WIDTH = A4.width - MARGINS.left - MARGINS.right;

export type ColumnMeasure = {
  /** Width the column would like: its widest header or cell, padding included. */
  natural: number;
  /** Width below which it must not shrink (numbers never wrap: their natural width). */
  min: number;
  /** Widest it may get. */
  max?: number;
  /** Gives up room only after every column that may wrap text has (numbers, codes). */
  rigid?: boolean;
};

/**
 * Widths that fill `available` exactly.
 *
 * - When the natural widths fit, the spare room goes to the columns in proportion to their natural widths
 *   (never past a column's max).
 * - When they do not, the widest wrapping columns are cut down to a common width, just enough to fit (so a
 *   long name wraps while short words stay on one line), never below their min; then, if still needed, the
 *   rigid columns likewise (their headers wrap).
 * - When even the minimums do not fit, every column shrinks alike.
 */
export function fitColumnWidths(columns: ColumnMeasure[], available: number): number[] {
  if (columns.length === 0) return [];
  const max = columns.map((c) => c.max ?? Number.POSITIVE_INFINITY);
  const natural = columns.map((c, i) => Math.min(Math.max(c.natural, c.min), max[i]));
  const min = columns.map((c, i) => Math.min(c.min, natural[i]));
  const total = sum(natural);
  if (total <= available) return grow(natural, max, available - total);

  const minTotal = sum(min);
  if (minTotal >= available) return min.map((m) => (m * available) / minTotal);

  const widths = [...natural];
  for (const rigid of [false, true]) {
    const group = columns.map((c, i) => (!!c.rigid === rigid ? i : -1)).filter((i) => i >= 0);
    const excess = sum(widths) - available;
    if (excess <= 0 || group.length === 0) break;
    const width = (cap: number) => (i: number) => Math.max(min[i], Math.min(natural[i], cap));
    const saved = (cap: number) => sum(group.map((i) => widths[i] - width(cap)(i)));
    // Find the common cap by bisection: saved(cap) falls as cap rises.
    let lo = 0;
    let hi = Math.max(...group.map((i) => widths[i]));
    if (saved(lo) < excess) {
      for (const i of group) widths[i] = width(lo)(i);
      continue;
    }
    for (let k = 0; k < 50; k++) {
      const mid = (lo + hi) / 2;
      if (saved(mid) >= excess) lo = mid;
      else hi = mid;
    }
    for (const i of group) widths[i] = width(lo)(i);
  }
  // Bisection leaves a hair of difference: give it to the widest column.
  const rest = available - sum(widths);
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest] += rest;
  return widths;
}

/** Spreads `spare` over the columns in proportion to their widths, never past a column's max. */
function grow(natural: number[], max: number[], spare: number): number[] {
  const widths = [...natural];
  for (let round = 0; round < widths.length && spare > 0.001; round++) {
    const growable = widths.map((w, i) => (w < max[i] ? natural[i] : 0));
    const weight = sum(growable);
    if (weight === 0) break;
    let used = 0;
    for (let i = 0; i < widths.length; i++) {
      if (growable[i] === 0) continue;
      const add = Math.min((spare * growable[i]) / weight, max[i] - widths[i]);
      widths[i] += add;
      used += add;
    }
    spare -= used;
  }
  return widths;
}

export type Bounds = { top: number; bottom: number };

/**
 * Where a block of `height` starts: at `y` if it fits above the bottom, else at the top of a new page.
 * A block taller than a whole page starts where it is when already at the top (it will be cut or flow).
 */
export function placeBlock(y: number, height: number, bounds: Bounds): { newPage: boolean; y: number } {
  if (y + height <= bounds.bottom || y <= bounds.top) return { newPage: false, y };
  return { newPage: true, y: bounds.top };
}

export type RowPlacement = {
  /** A page was started before this row. */
  newPage: boolean;
  /** Where the header row goes before this row (the table's first row, and the first on each new page). */
  headerY: number | null;
  /** Where the row goes. */
  y: number;
};

/**
 * Flows a table's rows down pages, one row at a time (rows may come from a stream), repeating the header
 * row at the top of every page the table reaches. A header is never left alone at the bottom of a page.
 */
export class TableFlow {
  readonly bounds: Bounds;
  readonly headerHeight: number;
  y: number;
  pages = 0;
  private started = false;

  constructor(bounds: Bounds, headerHeight: number, startY: number) {
    this.bounds = bounds;
    this.headerHeight = headerHeight;
    this.y = startY;
  }

  row(height: number): RowPlacement {
    let newPage = false;
    let headerY: number | null = null;
    if (!this.started) {
      const at = placeBlock(this.y, this.headerHeight + height, this.bounds);
      newPage = at.newPage;
      headerY = at.y;
      this.y = at.y + this.headerHeight;
      this.started = true;
    } else if (this.y + height > this.bounds.bottom && this.y > this.bounds.top + this.headerHeight) {
      newPage = true;
      headerY = this.bounds.top;
      this.y = this.bounds.top + this.headerHeight;
    }
    if (newPage) this.pages++;
    const y = this.y;
    this.y += height;
    return { newPage, headerY, y };
  }
}

/** How many key figure cards share a row: up to four, balanced (five → 3 + 2, six → 3 + 3, seven → 4 + 3). */
export function figuresPerRow(count: number): number {
  if (count <= 4) return Math.max(count, 1);
  if (count <= 6) return 3;
  return 4;
}

/** Splits a list into rows of `perRow`. */
export function chunk<T>(items: readonly T[], perRow: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += perRow) rows.push(items.slice(i, i + perRow));
  return rows;
}

/**
 * A valid, unique worksheet name: at most 31 characters, none of : \ / ? * [ ], not blank, not starting or
 * ending with an apostrophe, and different (ignoring case) from the names already used.
 */
export function uniqueSheetName(wanted: string, used: Set<string>): string {
  let base = wanted
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '');
  if (!base) base = 'Sheet';
  let name = [...base].slice(0, 31).join('').trimEnd();
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name =
      [...base]
        .slice(0, 31 - suffix.length)
        .join('')
        .trimEnd() + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

/** A spreadsheet column's width in characters, from the display widths of its header and sampled cells. */
export function sheetColumnWidth(widths: number[], min = 8, max = 60): number {
  const widest = widths.length ? Math.max(...widths) : 0;
  return Math.min(max, Math.max(min, Math.ceil(widest * 1.1) + 2));
}

function sum(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
