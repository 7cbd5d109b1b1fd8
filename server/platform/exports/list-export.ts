import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../access/actor.ts';
import type { RouteAccess } from '../http/route-config.ts';
import { actorOf, type TypedApp } from '../http/typed.ts';
import { isMessage, type Locale, type Message, renderMessage } from '../i18n/index.ts';

export type ExportColumn<Row> = {
  header: { en: string; 'zh-TW': string };
  /**
   * The cell: a code of an enumeration (a status, a kind, yes or no) is given as a message (`platformWord`,
   * `yesNo`, a module's word), written in the export's language, never as the code.
   */
  value: (row: Row, locale: Locale) => string | number | null | undefined | Message;
  /** Excel number format for numeric columns, e.g. '0.00'. */
  numberFormat?: string;
  width?: number;
};

/** The most rows one export returns: beyond it, narrow the filters. */
export const EXPORT_ROW_LIMIT = 200_000;
const PAGE = 1000;

type ListedPage<Row> = { items: Row[]; nextCursor?: string | null };
type PagedQuery = { page: number; pageSize: number; cursor?: string; count?: boolean };

/**
 * Walks every page of a list with its filters, so an export never holds the whole list in memory: after the
 * first page by the cursor the list gives (each page costs what the first does), by page number otherwise.
 */
async function* allRows<Row, Q extends PagedQuery>(list: (query: Q) => Promise<ListedPage<Row>>, query: Q) {
  let sent = 0;
  let at: Pick<PagedQuery, 'page' | 'cursor'> = { page: 1, cursor: undefined };
  while (sent < EXPORT_ROW_LIMIT) {
    const { items, nextCursor } = await list({ ...query, ...at, pageSize: PAGE, count: false });
    for (const item of items) {
      if (sent++ >= EXPORT_ROW_LIMIT) return;
      yield item;
    }
    const last = nextCursor === undefined ? items.length < PAGE : nextCursor === null;
    if (last || items.length === 0) return;
    at = { page: at.page + 1, cursor: nextCursor ?? undefined };
  }
}

/** A cell's value in the export's language. */
function cell<Row>(column: ExportColumn<Row>, row: Row, locale: Locale) {
  const value = column.value(row, locale);
  return isMessage(value) ? renderMessage(locale, value) : value;
}

function csvStream<Row>(rows: AsyncIterable<Row>, columns: ExportColumn<Row>[], locale: 'en' | 'zh-TW') {
  const out = stringify({ header: true, columns: columns.map((c) => c.header[locale]), bom: true });
  Readable.from(
    (async function* () {
      for await (const row of rows) yield columns.map((c) => cell(c, row, locale) ?? '');
    })(),
  )
    .on('error', (e) => out.destroy(e))
    .pipe(out);
  return out;
}

async function xlsxStream<Row>(
  rows: AsyncIterable<Row>,
  columns: ExportColumn<Row>[],
  locale: 'en' | 'zh-TW',
  sheetName: string,
) {
  const out = new PassThrough();
  // exceljs loads with the first spreadsheet asked for, not at start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    header: c.header[locale],
    key: String(i),
    width: c.width ?? Math.max(12, c.header[locale].length + 4),
    style: c.numberFormat ? { numFmt: c.numberFormat } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  (async () => {
    for await (const row of rows) sheet.addRow(columns.map((c) => cell(c, row, locale) ?? null)).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((e) => out.destroy(e));
  return out;
}

export type ExportFormat = 'csv' | 'xlsx';

export async function sendExport<Row>(
  reply: FastifyReply,
  format: ExportFormat,
  name: string,
  rows: AsyncIterable<Row>,
  columns: ExportColumn<Row>[],
  locale: 'en' | 'zh-TW',
) {
  const stamp = new Date().toISOString().slice(0, 10);
  const filename = `${name}-${stamp}.${format}`;
  reply.header('content-disposition', `attachment; filename="${filename}"`);
  if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(csvStream(rows, columns, locale));
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .send(await xlsxStream(rows, columns, locale, name));
}

/**
 * Adds `<url>/export.csv` and `<url>/export.xlsx` to a list endpoint: the same query (filters, search,
 * sort) and the same service call, so an export holds exactly what the list shows, scope included.
 */
export function registerListExport<Q extends z.ZodType<PagedQuery>, Row>(
  app: TypedApp,
  o: {
    url: string;
    access: RouteAccess;
    tags: string[];
    name: string;
    querystring: Q;
    columns: ExportColumn<Row>[];
    list: (actor: Actor, query: z.infer<Q>) => Promise<ListedPage<Row>>;
  },
) {
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `${o.url}/export.${format}`,
      {
        config: { access: o.access },
        schema: {
          tags: o.tags,
          summary: `The list with the same filters, as ${format.toUpperCase()}`,
          querystring: o.querystring,
          produces: [
            format === 'csv'
              ? 'text/csv'
              : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ],
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const query = request.query as z.infer<Q>;
        // The first page runs before the response starts, so a refusal (403, 404) is still a problem document.
        await o.list(actor, { ...query, page: 1, pageSize: 1, cursor: undefined, count: false });
        return sendExport(
          reply,
          format,
          o.name,
          allRows((q) => o.list(actor, q), { ...query, cursor: undefined }),
          o.columns,
          actor.locale,
        );
      },
    );
  }
}
