import { academiaBoardFigures } from '#shared/modules/academia/board-contract.ts';
import type { TypedApp } from '../../../platform/http/typed.ts';
import { registerBoardReportRoutes } from '../../../platform/reports/board-routes.ts';
import type { AcademiaBoardService } from './service.ts';

/** The program's yearly report to the Board: its figures, and the report as PDF and XLSX. */
export function registerAcademiaBoardRoutes(app: TypedApp, board: AcademiaBoardService) {
  registerBoardReportRoutes(app, {
    path: '/api/academia/board',
    permission: 'academia.read',
    tag: 'academia',
    figuresSchema: academiaBoardFigures,
    summaries: {
      figures:
        "The year's Board report figures at your sites, each computed from rows or saying why it cannot be",
      report: "The year's industry–academia report to the Board",
    },
    figures: board.figures,
    report: board.report,
  });
}
