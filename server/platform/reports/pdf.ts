import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { renderChartSvg } from './chart.ts';
import {
  type Block,
  type Cell,
  type ChartBlock,
  type Column,
  type Figure,
  type ReportDefinition,
  type TableBlock,
  tableRows,
} from './definition.ts';
import { FONT, registerFonts } from './fonts.ts';
import {
  columnAlign,
  columnFormat,
  comparisonTone,
  formatCell,
  formatComparison,
  formatNumber,
  formatTimestamp,
  kitWords,
} from './format.ts';
import {
  A4,
  type Bounds,
  CONTENT_WIDTH,
  chunk,
  figuresPerRow,
  fitColumnWidths,
  MARGINS,
  placeBlock,
  TableFlow,
} from './layout.ts';

/**
 * The PDF renderer: A4, Noto Sans TC embedded (regular and bold), a title block, sections with paragraphs,
 * key figure cards, tables that break across pages under a repeated header row, and charts as vector
 * graphics. Every page after the first carries the title; every page a footer with the generation time and
 * "page N of M".
 */

const COLOR = {
  text: '#212529',
  muted: '#6c757d',
  heading: '#1864ab',
  rule: '#dee2e6',
  headerFill: '#e7f0fa',
  zebra: '#f8f9fa',
  totalsFill: '#edf2f7',
  card: '#f1f3f5',
  good: '#2b8a3e',
  bad: '#c92a2a',
};

const SIZE = { title: 20, subtitle: 11, heading: 13, blockTitle: 10, body: 9.5, table: 8.5, small: 7.5 };
const TABLE_PAD = { x: 5, y: 3.5 };
/** Rows sampled to size a table's columns. */
const WIDTH_SAMPLE = 500;
const GAP = { afterBlock: 12, afterHeading: 6, beforeHeading: 10 };

type Doc = PDFKit.PDFDocument;

/** Renders the report to PDF and returns its bytes. */
export async function renderPdf(def: ReportDefinition): Promise<Buffer> {
  const doc = createDocument(def);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  await drawReport(doc, def);
  await done;
  return Buffer.concat(chunks);
}

/** Renders the report to PDF into a stream (an HTTP response, a file). */
export async function writePdf(def: ReportDefinition, out: Writable): Promise<void> {
  const doc = createDocument(def);
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  await drawReport(doc, def);
  await finished;
}

function createDocument(def: ReportDefinition): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...MARGINS },
    bufferPages: true,
    autoFirstPage: false,
    lang: def.locale,
    displayTitle: true,
    info: {
      Title: def.title,
      // pdfkit hashes every info entry: an absent subtitle is left out, not passed as undefined.
      ...(def.subtitle ? { Subject: def.subtitle } : {}),
      Author: def.author ?? 'Steward',
      Creator: 'Steward',
      CreationDate: def.generatedAt,
    },
  });
  registerFonts(doc);
  return doc;
}

class Page {
  doc: Doc;
  y: number = MARGINS.top;
  readonly bounds: Bounds = { top: MARGINS.top, bottom: A4.height - MARGINS.bottom };

  constructor(doc: Doc) {
    this.doc = doc;
  }

  add() {
    this.doc.addPage();
    this.y = this.bounds.top;
  }

  /** Starts a new page unless `height` fits below the cursor. */
  ensure(height: number) {
    const at = placeBlock(this.y, height, this.bounds);
    if (at.newPage) this.add();
  }
}

async function drawReport(doc: Doc, def: ReportDefinition) {
  const page = new Page(doc);
  page.add();
  drawTitleBlock(doc, page, def);
  for (const section of def.sections) {
    const headingHeight = textHeight(doc, section.heading, SIZE.heading, true, CONTENT_WIDTH);
    // A heading keeps company with the start of what follows it.
    page.ensure(GAP.beforeHeading + headingHeight + GAP.afterHeading + leadHeight(doc, section.blocks));
    if (page.y > page.bounds.top) page.y += GAP.beforeHeading;
    doc
      .font(FONT.bold)
      .fontSize(SIZE.heading)
      .fillColor(COLOR.heading)
      .text(section.heading, MARGINS.left, page.y, { width: CONTENT_WIDTH });
    page.y += headingHeight + 2;
    doc
      .moveTo(MARGINS.left, page.y)
      .lineTo(MARGINS.left + CONTENT_WIDTH, page.y)
      .lineWidth(0.75)
      .strokeColor(COLOR.heading)
      .stroke();
    page.y += GAP.afterHeading;
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') drawParagraph(doc, page, block.text);
      else if (block.kind === 'figures') drawFigures(doc, page, def, block.figures);
      else if (block.kind === 'table') await drawTable(doc, page, def, block);
      else drawChart(doc, page, def, block);
    }
  }
  drawPageFurniture(doc, def);
  doc.end();
}

/**
 * How much of a section's start must share the page with its heading: short introductory paragraphs and
 * the beginning of the first other block (a chart whole, a table's title, header and first rows).
 */
function leadHeight(doc: Doc, blocks: Block[]): number {
  let height = 0;
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const h = textHeight(doc, block.text, SIZE.body, false, CONTENT_WIDTH, PARAGRAPH_LINE_GAP);
      if (h > 60) return height + 60;
      height += h + GAP.afterBlock;
      continue;
    }
    if (block.kind === 'chart') {
      return (
        height + textHeight(doc, block.title, SIZE.blockTitle, true, CONTENT_WIDTH) + 6 + chartHeight(block)
      );
    }
    if (block.kind === 'figures') return height + 70;
    return height + (block.title ? 20 : 0) + 60;
  }
  return height;
}

function chartHeight(block: ChartBlock): number {
  return block.height ?? 220;
}

function textHeight(doc: Doc, text: string, size: number, bold: boolean, width: number, lineGap = 0) {
  return doc
    .font(bold ? FONT.bold : FONT.regular)
    .fontSize(size)
    .heightOfString(text, { width, lineGap });
}

function drawTitleBlock(doc: Doc, page: Page, def: ReportDefinition) {
  const words = kitWords(def.locale);
  doc.rect(MARGINS.left, page.y, 4, 30).fill(COLOR.heading);
  const x = MARGINS.left + 14;
  const width = CONTENT_WIDTH - 14;
  doc
    .font(FONT.bold)
    .fontSize(SIZE.title)
    .fillColor(COLOR.text)
    .text(def.title, x, page.y - 3, { width });
  page.y = Math.max(doc.y, page.y + 30) + 4;
  if (def.subtitle) {
    doc
      .font(FONT.regular)
      .fontSize(SIZE.subtitle)
      .fillColor(COLOR.muted)
      .text(def.subtitle, x, page.y, { width });
    page.y = doc.y + 2;
  }
  doc
    .font(FONT.regular)
    .fontSize(SIZE.small + 0.5)
    .fillColor(COLOR.muted)
    .text(words.generated(formatTimestamp(def.generatedAt, def.timeZone)), x, page.y, { width });
  page.y = doc.y + 16;
}

const PARAGRAPH_LINE_GAP = 2.5;

function drawParagraph(doc: Doc, page: Page, text: string) {
  const lineGap = PARAGRAPH_LINE_GAP;
  const height = textHeight(doc, text, SIZE.body, false, CONTENT_WIDTH, lineGap);
  // Short paragraphs stay whole; a long one flows onto the next page.
  page.ensure(Math.min(height, 60));
  doc
    .font(FONT.regular)
    .fontSize(SIZE.body)
    .fillColor(COLOR.text)
    .text(text, MARGINS.left, page.y, { width: CONTENT_WIDTH, lineGap });
  page.y = doc.y + GAP.afterBlock - lineGap;
}

function drawFigures(doc: Doc, page: Page, def: ReportDefinition, figures: Figure[]) {
  const perRow = figuresPerRow(figures.length);
  const gap = 10;
  const pad = 9;
  const cardWidth = (CONTENT_WIDTH - gap * (perRow - 1)) / perRow;
  const inner = cardWidth - 2 * pad;
  const valueSize = 17;
  for (const row of chunk(figures, perRow)) {
    const heights = row.map((f) => {
      const label = textHeight(doc, f.label, SIZE.table, false, inner);
      const comparison = f.comparison
        ? textHeight(doc, formatComparison(f.comparison, def.locale), SIZE.small, false, inner) + 3
        : 0;
      return pad + label + 3 + valueSize * 1.35 + comparison + pad;
    });
    const height = Math.max(...heights);
    page.ensure(height);
    row.forEach((f, i) => {
      const x = MARGINS.left + i * (cardWidth + gap);
      let y = page.y;
      doc.roundedRect(x, y, cardWidth, height, 4).fill(COLOR.card);
      doc
        .font(FONT.regular)
        .fontSize(SIZE.table)
        .fillColor(COLOR.muted)
        .text(f.label, x + pad, y + pad, { width: inner });
      y = doc.y + 3;
      const value =
        typeof f.value === 'number'
          ? formatNumber(f.value, def.locale, f.format ?? (f.decimals ? 'decimal' : 'integer'), f.decimals)
          : f.value;
      const unit = f.unit ? ` ${f.unit}` : '';
      doc.font(FONT.regular).fontSize(SIZE.body);
      const unitWidth = unit ? doc.widthOfString(unit) : 0;
      // A long value shrinks to fit its card rather than wrapping.
      let size = valueSize;
      doc.font(FONT.bold).fontSize(size);
      while (size > 9 && doc.widthOfString(value) + unitWidth > inner) doc.fontSize(--size);
      doc.fillColor(COLOR.text).text(value, x + pad, y, { lineBreak: false });
      if (unit) {
        const valueWidth = doc.font(FONT.bold).fontSize(size).widthOfString(value);
        doc
          .font(FONT.regular)
          .fontSize(SIZE.body)
          .fillColor(COLOR.muted)
          .text(unit, x + pad + valueWidth, y + size * 1.35 - SIZE.body * 1.45, { lineBreak: false });
      }
      y += valueSize * 1.35;
      if (f.comparison) {
        const tone = comparisonTone(f.comparison);
        doc
          .font(FONT.regular)
          .fontSize(SIZE.small)
          .fillColor(tone === 'good' ? COLOR.good : tone === 'bad' ? COLOR.bad : COLOR.muted)
          .text(formatComparison(f.comparison, def.locale), x + pad, y + 3, { width: inner });
      }
    });
    page.y += height + gap;
  }
  page.y += GAP.afterBlock - gap;
}

/** The first rows of a table, to size its columns, and the rest to come. */
async function sampleRows(block: TableBlock) {
  const source = tableRows(block.rows);
  const iterator =
    Symbol.asyncIterator in source
      ? (source as AsyncIterable<Cell[]>)[Symbol.asyncIterator]()
      : (source as Iterable<Cell[]>)[Symbol.iterator]();
  const sample: Cell[][] = [];
  let done = false;
  while (sample.length < WIDTH_SAMPLE) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    sample.push(next.value);
  }
  async function* rest(): AsyncGenerator<Cell[]> {
    yield* sample;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { sample, rows: rest() };
}

function longestWordWidth(doc: Doc, text: string): number {
  let widest = 0;
  // Words keep whole (codes such as ASE-SHM too); CJK text may break between any two characters.
  for (const word of text.split(/\s+|(?=[\u2e80-\u9fff\uf900-\ufaff])/u)) {
    if (word) widest = Math.max(widest, doc.widthOfString(word));
  }
  return widest;
}

function measureColumns(
  doc: Doc,
  def: ReportDefinition,
  columns: Column[],
  sample: Cell[][],
  totals?: Cell[],
) {
  const padding = 2 * TABLE_PAD.x;
  return columns.map((column, i) => {
    const numeric = columnFormat(column) !== 'text';
    doc.font(FONT.bold).fontSize(SIZE.table);
    const header = doc.widthOfString(column.header);
    const headerWord = longestWordWidth(doc, column.header);
    let widest = 0;
    let widestWord = 0;
    doc.font(FONT.regular).fontSize(SIZE.table);
    for (const row of sample) {
      const text = formatCell(row[i] ?? null, column, def.locale);
      widest = Math.max(widest, doc.widthOfString(text));
      if (!numeric) widestWord = Math.max(widestWord, longestWordWidth(doc, text));
    }
    if (totals && totals[i] !== null && totals[i] !== undefined) {
      doc.font(FONT.bold).fontSize(SIZE.table);
      widest = Math.max(widest, doc.widthOfString(formatCell(totals[i], column, def.locale)));
    }
    return {
      natural: Math.max(header, widest) + padding,
      // Numbers never wrap; text may wrap between words, but a column keeps room for a few characters.
      min: numeric
        ? Math.max(widest, headerWord) + padding
        : Math.max(Math.min(Math.max(widestWord, headerWord), 90), 28) + padding,
      max: column.maxWidth,
      rigid: numeric,
    };
  });
}

function cellHeight(doc: Doc, texts: string[], widths: number[], bold: boolean): number {
  doc.font(bold ? FONT.bold : FONT.regular).fontSize(SIZE.table);
  let h = doc.currentLineHeight(true);
  texts.forEach((t, i) => {
    if (t) h = Math.max(h, doc.heightOfString(t, { width: widths[i] - 2 * TABLE_PAD.x }));
  });
  return h + 2 * TABLE_PAD.y;
}

function drawCells(
  doc: Doc,
  texts: string[],
  columns: Column[],
  widths: number[],
  y: number,
  height: number,
  opts: { bold: boolean; fill?: string; color?: string },
) {
  if (opts.fill) doc.rect(MARGINS.left, y, sumOf(widths), height).fill(opts.fill);
  doc
    .font(opts.bold ? FONT.bold : FONT.regular)
    .fontSize(SIZE.table)
    .fillColor(opts.color ?? COLOR.text);
  let x = MARGINS.left;
  texts.forEach((t, i) => {
    if (t) {
      doc.text(t, x + TABLE_PAD.x, y + TABLE_PAD.y, {
        width: widths[i] - 2 * TABLE_PAD.x,
        height: height - 2 * TABLE_PAD.y + 1,
        align: columnAlign(columns[i]),
        ellipsis: true,
      });
    }
    x += widths[i];
  });
}

function hRule(doc: Doc, y: number, width: number, color: string, lineWidth = 0.5) {
  doc
    .moveTo(MARGINS.left, y)
    .lineTo(MARGINS.left + width, y)
    .lineWidth(lineWidth)
    .strokeColor(color)
    .stroke();
}

async function drawTable(doc: Doc, page: Page, def: ReportDefinition, block: TableBlock) {
  const { sample, rows } = await sampleRows(block);
  const widths = fitColumnWidths(
    measureColumns(doc, def, block.columns, sample, block.totals),
    CONTENT_WIDTH,
  );
  const tableWidth = sumOf(widths);
  const headers = block.columns.map((c) => c.header);
  const headerHeight = cellHeight(doc, headers, widths, true);
  const pageRoom = page.bounds.bottom - page.bounds.top - headerHeight;

  if (block.title) {
    const titleHeight = textHeight(doc, block.title, SIZE.blockTitle, true, CONTENT_WIDTH);
    page.ensure(titleHeight + 4 + headerHeight * 3);
    doc
      .font(FONT.bold)
      .fontSize(SIZE.blockTitle)
      .fillColor(COLOR.text)
      .text(block.title, MARGINS.left, page.y, { width: CONTENT_WIDTH });
    page.y += titleHeight + 4;
  }

  const flow = new TableFlow(page.bounds, headerHeight, page.y);
  const drawHeader = (y: number) => {
    drawCells(doc, headers, block.columns, widths, y, headerHeight, { bold: true, fill: COLOR.headerFill });
    hRule(doc, y + headerHeight, tableWidth, COLOR.heading, 0.75);
  };
  const place = (height: number) => {
    const at = flow.row(height);
    if (at.newPage) page.add();
    if (at.headerY !== null) drawHeader(at.headerY);
    return at.y;
  };

  let index = 0;
  for await (const row of rows) {
    const texts = block.columns.map((c, i) => formatCell(row[i] ?? null, c, def.locale));
    const height = Math.min(cellHeight(doc, texts, widths, false), pageRoom);
    const y = place(height);
    drawCells(doc, texts, block.columns, widths, y, height, {
      bold: false,
      fill: index % 2 === 1 ? COLOR.zebra : undefined,
    });
    hRule(doc, y + height, tableWidth, COLOR.rule);
    index++;
  }
  if (index === 0) {
    const text = block.emptyText ?? kitWords(def.locale).noRows;
    const height = cellHeight(doc, [text], [tableWidth], false);
    const y = place(height);
    doc
      .font(FONT.regular)
      .fontSize(SIZE.table)
      .fillColor(COLOR.muted)
      .text(text, MARGINS.left + TABLE_PAD.x, y + TABLE_PAD.y, { width: tableWidth - 2 * TABLE_PAD.x });
    hRule(doc, y + height, tableWidth, COLOR.rule);
  }
  if (block.totals) {
    const texts = block.columns.map((c, i) => formatCell(block.totals?.[i] ?? null, c, def.locale));
    const height = Math.min(cellHeight(doc, texts, widths, true), pageRoom);
    const y = place(height);
    drawCells(doc, texts, block.columns, widths, y, height, { bold: true, fill: COLOR.totalsFill });
    hRule(doc, y, tableWidth, COLOR.text, 0.75);
  }
  page.y = flow.y + GAP.afterBlock;
}

function drawChart(doc: Doc, page: Page, def: ReportDefinition, block: ChartBlock) {
  const height = chartHeight(block);
  const titleHeight = textHeight(doc, block.title, SIZE.blockTitle, true, CONTENT_WIDTH);
  page.ensure(titleHeight + 6 + height);
  doc
    .font(FONT.bold)
    .fontSize(SIZE.blockTitle)
    .fillColor(COLOR.text)
    .text(block.title, MARGINS.left, page.y, { width: CONTENT_WIDTH });
  page.y += titleHeight + 6;
  const svg = renderChartSvg(block, def.locale, CONTENT_WIDTH, height);
  SVGtoPDF(doc, svg, MARGINS.left, page.y, {
    width: CONTENT_WIDTH,
    height,
    assumePt: true,
    fontCallback: (_family, bold) => (bold ? FONT.bold : FONT.regular),
  });
  page.y += height + GAP.afterBlock;
}

/** The running header (every page after the first) and the footer (every page), once the page count is known. */
function drawPageFurniture(doc: Doc, def: ReportDefinition) {
  const words = kitWords(def.locale);
  const { start, count } = doc.bufferedPageRange();
  const generated = words.generated(formatTimestamp(def.generatedAt, def.timeZone));
  const half = CONTENT_WIDTH / 2 - 6;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const n = i - start + 1;
    if (n > 1) {
      const y = 30;
      doc
        .font(FONT.bold)
        .fontSize(SIZE.small + 0.5)
        .fillColor(COLOR.text)
        .text(def.title, MARGINS.left, y, { width: half, lineBreak: false, ellipsis: true, height: 12 });
      if (def.subtitle) {
        doc
          .font(FONT.regular)
          .fontSize(SIZE.small + 0.5)
          .fillColor(COLOR.muted)
          .text(def.subtitle, MARGINS.left + CONTENT_WIDTH - half, y, {
            width: half,
            align: 'right',
            lineBreak: false,
            ellipsis: true,
            height: 12,
          });
      }
      hRule(doc, y + 15, CONTENT_WIDTH, COLOR.rule, 0.75);
    }
    const fy = A4.height - 38;
    hRule(doc, fy - 6, CONTENT_WIDTH, COLOR.rule, 0.75);
    doc
      .font(FONT.regular)
      .fontSize(SIZE.small)
      .fillColor(COLOR.muted)
      .text(generated, MARGINS.left, fy, { width: half, lineBreak: false, height: 10 });
    doc.text(words.page(n, count), MARGINS.left + CONTENT_WIDTH - half, fy, {
      width: half,
      align: 'right',
      lineBreak: false,
      height: 10,
    });
  }
}

function sumOf(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
