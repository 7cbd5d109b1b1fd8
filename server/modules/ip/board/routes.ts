import { ipBoardFigures } from '#shared/modules/ip/board/contract.ts';
import type { TypedApp } from '../../../platform/http/typed.ts';
import { registerBoardReportRoutes } from '../../../platform/reports/board-routes.ts';
import type { IpBoardService } from './service.ts';

/** The yearly intellectual property report to the Board: its figures, PDF and XLSX. */
export function registerIpBoardRoutes(app: TypedApp, board: IpBoardService) {
  registerBoardReportRoutes(app, {
    path: '/api/ip/board',
    permission: 'ip.read',
    tag: 'ip',
    figuresSchema: ipBoardFigures,
    summaries: {
      figures: "The year's IP Board report figures, each computed from rows or saying why it cannot be",
      report: "The year's intellectual property report to the Board",
    },
    figures: board.figures,
    report: board.report,
  });
}
