/**
 * A report definition: what a report says, independent of how it is rendered. The PDF renderer (pdf.ts) and
 * the XLSX renderer (xlsx.ts) both take one. Each module's Board report builds a definition from its data.
 *
 * All text in a definition is already in the report's language; the kit adds only its own few words
 * (page numbers, "Total", the summary sheet) in that language.
 */

export type ReportLocale = 'en' | 'zh-TW';

export type Align = 'left' | 'center' | 'right';

/**
 * How a column's numbers read. 'percent' takes a fraction (0.125 reads 12.5 %). Text cells ignore it.
 * `decimals` fixes the digits after the point (integer: 0, decimal: 1, percent: 1 by default).
 */
export type CellFormat = 'text' | 'integer' | 'decimal' | 'percent';

export type Cell = string | number | null;

export type Column = {
  header: string;
  /** Defaults: right for numbers, left for text. */
  align?: Align;
  format?: CellFormat;
  decimals?: number;
  /** Widest this column may get, in points on the PDF page (long text wraps below it). */
  maxWidth?: number;
};

/**
 * Rows in memory, or a function that yields them afresh each time it is called (so one definition renders
 * to PDF and XLSX), for tables of tens of thousands of rows read from a cursor.
 */
export type TableRows = readonly Cell[][] | (() => Iterable<Cell[]> | AsyncIterable<Cell[]>);

export type ParagraphBlock = { kind: 'paragraph'; text: string };

export type Comparison = {
  /** What the change is against, e.g. "vs 2025". */
  label: string;
  /** The change itself, e.g. -12.5 with unit '%', or +3 with no unit. */
  change: number;
  unit?: string;
  decimals?: number;
  /** Which direction is good news: colours the change green or red. Without it, grey. */
  better?: 'higher' | 'lower';
};

export type Figure = {
  label: string;
  value: number | string;
  unit?: string;
  decimals?: number;
  format?: CellFormat;
  comparison?: Comparison;
};

export type FiguresBlock = { kind: 'figures'; figures: Figure[] };

export type TableBlock = {
  kind: 'table';
  title?: string;
  /** The XLSX sheet's name (defaults to the title, else the section heading). */
  sheetName?: string;
  columns: Column[];
  rows: TableRows;
  totals?: Cell[];
  /** Shown in place of rows when there are none. */
  emptyText?: string;
};

export type ChartKind = 'bar' | 'stacked-bar' | 'line';

export type ChartSeries = { name: string; values: (number | null)[] };

export type ChartBlock = {
  kind: 'chart';
  chart: ChartKind;
  title: string;
  /** Heads the category column of the chart's data sheet in XLSX. */
  categoryLabel: string;
  categories: string[];
  series: ChartSeries[];
  /** Names the value axis, e.g. "employees". */
  unit?: string;
  /** Digits after the point on the value axis and in the data sheet. */
  decimals?: number;
  /** Height on the PDF page in points (default 220). */
  height?: number;
  sheetName?: string;
};

export type Block = ParagraphBlock | FiguresBlock | TableBlock | ChartBlock;

export type Section = { heading: string; blocks: Block[] };

export type ReportDefinition = {
  title: string;
  subtitle?: string;
  locale: ReportLocale;
  generatedAt: Date;
  /** IANA zone in which the generation time reads (default UTC). */
  timeZone?: string;
  /** Who asked for it, for the document's metadata. */
  author?: string;
  sections: Section[];
};

/** The rows of a table, from memory or afresh from its source. */
export function tableRows(rows: TableRows): Iterable<Cell[]> | AsyncIterable<Cell[]> {
  return typeof rows === 'function' ? rows() : rows;
}

/** A chart's data as a table (the XLSX renderer gives each chart one). */
export function chartAsTable(chart: ChartBlock): TableBlock {
  const format: CellFormat = chart.decimals ? 'decimal' : 'integer';
  return {
    kind: 'table',
    title: chart.title,
    sheetName: chart.sheetName ?? chart.title,
    columns: [
      { header: chart.categoryLabel, format: 'text' },
      ...chart.series.map((s) => ({ header: s.name, format, decimals: chart.decimals })),
    ],
    rows: chart.categories.map((c, i) => [c, ...chart.series.map((s) => s.values[i] ?? null)]),
  };
}
