import * as c from '#shared/modules/ip/board/contract.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import { sendReport } from '../../../platform/reports/routes.ts';
import { CONTENT_TYPES } from '../../../platform/reports/service.ts';
import type { IpBoardService } from './service.ts';

const tags = ['ip'];

/** The yearly intellectual property report to the Board: its figures, PDF and XLSX. */
export function registerIpBoardRoutes(app: TypedApp, board: IpBoardService) {
  app.get(
    '/api/ip/board/figures',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: "The year's IP Board report figures, each computed from rows or saying why it cannot be",
        querystring: c.ipBoardYearQuery,
        response: { 200: c.ipBoardFigures },
      },
    },
    async (request) =>
      board.figures(actorOf(request), request.query.year, request.query.locale ?? actorOf(request).locale),
  );
  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      `/api/ip/board/report.${format}`,
      {
        config: { access: 'ip.read' },
        schema: {
          tags,
          summary: `The year's intellectual property report to the Board as ${format.toUpperCase()}`,
          querystring: c.ipBoardYearQuery,
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
