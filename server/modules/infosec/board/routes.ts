import { z } from 'zod';
import * as c from '#shared/modules/infosec/board/contract.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import { registerBoardReportRoutes } from '../../../platform/reports/board-routes.ts';
import type { BoardService } from './service.ts';

const tags = ['infosec'];

/** The yearly information security report to the Board: its figures, PDF and XLSX, and its presentation. */
export function registerBoardRoutes(app: TypedApp, board: BoardService) {
  registerBoardReportRoutes(app, {
    path: '/api/infosec/board',
    permission: 'infosec.read',
    tag: 'infosec',
    figuresSchema: c.boardFigures,
    summaries: {
      figures: "The year's Board report figures, each computed from rows or saying why it cannot be",
      report: "The year's information security report to the Board",
    },
    figures: board.figures,
    report: board.report,
  });
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
