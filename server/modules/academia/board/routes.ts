import * as c from '#shared/modules/academia/board-contract.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import { sendReport } from '../../../platform/reports/routes.ts';
import { CONTENT_TYPES } from '../../../platform/reports/service.ts';
import type { AcademiaBoardService } from './service.ts';

const tags = ['academia'];

/** The program's yearly report to the Board: its figures, and the report as PDF and XLSX. */
export function registerAcademiaBoardRoutes(app: TypedApp, board: AcademiaBoardService) {
  app.get(
    '/api/academia/board/figures',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary:
          "The year's Board report figures at your sites, each computed from rows or saying why it cannot be",
        querystring: c.boardYearQuery,
        response: { 200: c.academiaBoardFigures },
      },
    },
    async (request) =>
      board.figures(actorOf(request), request.query.year, request.query.locale ?? actorOf(request).locale),
  );
  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      `/api/academia/board/report.${format}`,
      {
        config: { access: 'academia.read' },
        schema: {
          tags,
          summary: `The year's industry–academia report to the Board as ${format.toUpperCase()}`,
          querystring: c.boardYearQuery,
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
