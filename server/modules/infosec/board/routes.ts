import { z } from 'zod';
import * as c from '#shared/modules/infosec/board/contract.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import { sendReport } from '../../../platform/reports/routes.ts';
import { CONTENT_TYPES } from '../../../platform/reports/service.ts';
import type { BoardService } from './service.ts';

const tags = ['infosec'];

/** The yearly information security report to the Board: its figures, PDF and XLSX, and its presentation. */
export function registerBoardRoutes(app: TypedApp, board: BoardService) {
  app.get(
    '/api/infosec/board/figures',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: "The year's Board report figures, each computed from rows or saying why it cannot be",
        querystring: c.boardYearQuery,
        response: { 200: c.boardFigures },
      },
    },
    async (request) =>
      board.figures(actorOf(request), request.query.year, request.query.locale ?? actorOf(request).locale),
  );
  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      `/api/infosec/board/report.${format}`,
      {
        config: { access: 'infosec.read' },
        schema: {
          tags,
          summary: `The year's information security report to the Board as ${format.toUpperCase()}`,
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
  app.put(
    '/api/infosec/board/presentation',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: "Record the day the year's report was presented to the Board (the program owner)",
        body: c.boardPresentationInput,
        response: { 200: z.object({ year: z.number().int(), presentedOn: z.string() }) },
      },
    },
    async (request) =>
      board.recordPresentation(actorOf(request), request.body.year, request.body.presentedOn),
  );
}
