import type { z } from 'zod';
import { boardYearQuery } from '#shared/platform/reports/board.ts';
import type { Actor } from '../access/actor.ts';
import type { Permission } from '../access/policy.ts';
import { actorOf, type TypedApp } from '../http/typed.ts';
import type { ReportLocale } from './definition.ts';
import { sendReport } from './routes.ts';
import { CONTENT_TYPES, type RenderedReport, type ReportFormat } from './service.ts';

/** What a program gives to have its yearly Board report served: where, to whom, and how it is computed. */
export type BoardReportRoutes<Schema extends z.ZodTypeAny> = {
  /** The report's folder: its figures at `${path}/figures`, its files at `${path}/report.pdf` and `.xlsx`. */
  path: `/api/${string}`;
  /** The permission that reads the report (the program's read permission). */
  permission: Permission;
  /** The OpenAPI tag of the program. */
  tag: string;
  /** The figures' contract, as the web app reads it. */
  figuresSchema: Schema;
  /** The summaries in the API reference: of the figures, and of the report ("… as PDF" is added). */
  summaries: { figures: string; report: string };
  figures(actor: Actor, year: number, locale: ReportLocale): Promise<z.input<Schema>>;
  report(actor: Actor, year: number, format: ReportFormat, locale: ReportLocale): Promise<RenderedReport>;
};

/**
 * A program's yearly Board report over HTTP: the year's figures as JSON, and the report as PDF and XLSX, in the
 * language asked for (the reader's own by default).
 */
export function registerBoardReportRoutes<Schema extends z.ZodTypeAny>(
  app: TypedApp,
  board: BoardReportRoutes<Schema>,
) {
  const tags = [board.tag];
  app.get(
    `${board.path}/figures`,
    {
      config: { access: board.permission },
      schema: {
        tags,
        summary: board.summaries.figures,
        querystring: boardYearQuery,
        // Typed by the program's own figures (BoardReportRoutes ties them to the schema), not here.
        response: { 200: board.figuresSchema as z.ZodType },
      },
    },
    async (request) =>
      board.figures(actorOf(request), request.query.year, request.query.locale ?? actorOf(request).locale),
  );
  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      `${board.path}/report.${format}`,
      {
        config: { access: board.permission },
        schema: {
          tags,
          summary: `${board.summaries.report} as ${format.toUpperCase()}`,
          querystring: boardYearQuery,
          produces: [CONTENT_TYPES[format]],
        },
      },
      async (request, reply) =>
        sendReport(
          reply,
          await board.report(
            actorOf(request),
            request.query.year,
            format,
            request.query.locale ?? actorOf(request).locale,
          ),
        ),
    );
  }
}
