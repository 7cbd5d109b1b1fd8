import { z } from 'zod';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import { sendReport } from '../../../platform/reports/routes.ts';
import { CONTENT_TYPES } from '../../../platform/reports/service.ts';
import type { OhsModule } from '../module.ts';

const tags = ['ohs'];

/** The year's OHS report to the Board, as PDF or XLSX. */
export function registerReportRoutes(app: TypedApp, ohs: OhsModule) {
  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      `/api/ohs/reports/board.${format}`,
      {
        config: { access: 'ohs.read' },
        schema: {
          tags,
          summary: `The year's OHS report to the Board as ${format.toUpperCase()}`,
          querystring: z
            .object({
              year: z.coerce.number().int().min(1990).max(2100),
              locale: z.enum(['en', 'zh-TW']).optional(),
            })
            .strict(),
          produces: [CONTENT_TYPES[format]],
        },
      },
      async (request, reply) =>
        sendReport(
          reply,
          await ohs.reports.board(
            actorOf(request),
            request.query.year,
            format,
            request.query.locale ?? actorOf(request).locale,
          ),
        ),
    );
  }
}
